// Registers Paraglide's `custom-resolved` strategy in the browser: the language is the one the server rendered (<html lang>).
import '$lib/i18n/locale-strategy';
