import { apiErrorMessage } from '$lib/i18n/api-error';
import { m } from '$lib/paraglide/messages';

type Refusal = { status: number; code: string; details?: { path?: string }[]; requestId?: string };

/**
 * Why the API refused an admin form, in the person's language. The admin forms know what their conflicts
 * mean (a code or address that is taken, a role held already): `conflict` says it. A validation failure names
 * the fields to check by their labels (`fields`: the form's field names → label); anything else is the code's message.
 */
export function adminProblem(res: Refusal, conflict?: () => string, fields: Record<string, () => string> = {}): string {
  if (res.status === 409 && conflict) return conflict();
  if (res.code === 'VALIDATION') {
    const names = [...new Set((res.details ?? []).map((d) => d.path?.split('.')[0] ?? ''))]
      .filter((p) => Object.hasOwn(fields, p))
      .map((p) => fields[p]!());
    if (names.length) return m.admin_check_fields({ fields: names.join(', ') });
  }
  return apiErrorMessage(res);
}

/** The labels of the code + name lists' fields, and of a person's record. */
export const CODE_NAME_FIELDS = {
  code: m.admin_code,
  name: m.admin_name,
  disputeWindowDays: m.admin_program_dispute_window_days,
  clientId: m.admin_program_client
};
export const PERSON_FIELDS = {
  code: m.admin_code,
  name: m.admin_name,
  email: m.admin_person_email,
  hireDate: m.admin_person_hire_date,
  leftDate: m.admin_person_left_date
};
