import { z } from 'zod';
import { isTimeZone } from './sampling-plan.ts';
import { LOCALES } from './locales.ts';

export { LOCALES, DEFAULT_TIME_ZONE, DEFAULT_LANGUAGE } from './locales.ts';
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/** The contact center's settings an admin keeps: its clock and the screens' default language. */
export const TenantSettings = z.object({
  timeZone: z.string().min(1).refine(isTimeZone, { message: 'unknown time zone: use an IANA name such as Europe/Amsterdam' }),
  defaultLanguage: Locale
});
export type TenantSettings = z.infer<typeof TenantSettings>;

/** A person's own preferences; `locale: null` means "follow my browser, else the tenant's default". */
export const MyPreferences = z.object({ locale: Locale.nullable() });
export type MyPreferences = z.infer<typeof MyPreferences>;
