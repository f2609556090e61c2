import { fail } from '@sveltejs/kit';
import type { Sent } from '$lib/api/client';
import { apiErrorMessage } from '$lib/i18n/api-error';

/**
 * Reading a submitted form the way the API wants it, and answering an action from the API's answer.
 * The API checks every value (a bad one is its 400 with a clear message); these only turn form text
 * into the JSON shapes: trimmed text, null for a blank optional field, a number for a chosen id.
 */

/** A text field as typed, untrimmed (passwords, choices from a list). */
export const raw = (f: FormData, key: string): string => String(f.get(key) ?? '');
/** A text field without surrounding blanks. */
export const text = (f: FormData, key: string): string => raw(f, key).trim();
/** An optional text field: null when left blank. */
export const optionalText = (f: FormData, key: string): string | null => text(f, key) || null;
/** An optional number (an id from a select, a count): null when left blank; anything else as `Number` reads it (the API refuses NaN). */
export const optionalNumber = (f: FormData, key: string): number | null => {
  const s = optionalText(f, key);
  return s == null ? null : Number(s);
};

/** A person's fields in the admin's create and edit forms (the edit form adds the leaving date). */
export const personFields = (f: FormData) => ({
  code: text(f, 'code'),
  name: text(f, 'name'),
  email: optionalText(f, 'email'),
  teamId: optionalNumber(f, 'teamId'),
  hireDate: optionalText(f, 'hireDate')
});

/**
 * An action's answer to a sent call: `{ ...tag, success }` when the API agreed (the message may use its
 * data), else the API's status as a form failure, `{ ...tag, message, details }`: the message of the API's
 * error code in the person's language, and each field's details to show beside it. `tag` says which form on
 * the page the answer belongs to.
 */
export function reply<T, Tag extends object>(res: Sent<T>, tag: Tag, success: string | ((data: T) => string)) {
  if (!res.ok) return fail(res.status, { ...tag, message: apiErrorMessage(res), details: res.details });
  return { ...tag, success: typeof success === 'string' ? success : success(res.data) };
}
