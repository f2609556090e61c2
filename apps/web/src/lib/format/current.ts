import { page } from '$app/state';
import { getLocale } from '$lib/paraglide/runtime';
import { formats, type Format } from './format';

/** The formatters for the page being shown: the person's language, the tenant's zone (GET /api/me). */
export function useFormat(): Format {
  return formats(getLocale(), (page.data.me as { timeZone?: string } | null | undefined)?.timeZone);
}
