// The screens' languages and the defaults of a new tenant, without zod: the web's format and locale modules import
// these in every page, and zod would add ~90 KiB to each page's bundle (settings.ts holds the schemas).

/** The languages of the screens. English is the base (API messages stay English for API users). */
export const LOCALES = ['en', 'nl'] as const;
export type Locale = (typeof LOCALES)[number];

/** A new tenant's settings until an admin changes them (the demo tenant is seeded with Dutch). */
export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';
export const DEFAULT_LANGUAGE: Locale = 'en';
