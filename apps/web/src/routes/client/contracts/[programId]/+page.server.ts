import { error, fail } from '@sveltejs/kit';
import { can, requireCan } from '$lib/server/guard';
import { api, load as read, send } from '$lib/server/api-client';
import { apiErrorMessage } from '$lib/i18n/api-error';
import { m } from '$lib/paraglide/messages';
import { readTermsForm } from '$lib/contracts/terms-form';
import type { Actions, PageServerLoad } from './$types';

const contract = (event: Parameters<typeof api>[0]) => api(event).api.client.programs[':programId'].contract;
const idOf = (raw: string) => {
  if (!/^[1-9][0-9]{0,15}$/.test(raw)) error(404, m.error_NOT_FOUND());
  return raw;
};

/**
 * The API names fields of its own shape (targets.2.money.bonusPerStep, monthlyFeeCents); the form's fields
 * are rows.<row>.bonus and fee. Row numbers: blank rows were not sent, so targets.i is form row rowOf[i].
 */
function formPath(path: string | undefined, rowOf: number[]) {
  if (!path) return path;
  if (path === 'monthlyFeeCents') return 'fee';
  const t = /^targets\.(\d+)\.(.+)$/.exec(path);
  if (!t) return path;
  const field = t[2]!
    .replace(/^money\.bonusPerStep$/, 'bonus')
    .replace(/^money\.malusPerStep$/, 'malus')
    .replace(/^money\.kind$/, 'kind');
  return `rows.${rowOf[Number(t[1])] ?? t[1]}.${field.split('.')[0]}`;
}

/** One program's contract terms: versions newest first; admins add new terms and end a version. */
export const load: PageServerLoad = async (event) => {
  requireCan(event.locals.me, 'readClientPortal');
  const programId = idOf(event.params.programId);
  return {
    terms: await read(event, contract(event).$get({ param: { programId } })),
    canManage: can(event.locals.me, 'manageContracts')
  };
};

export const actions: Actions = {
  create: async (event) => {
    requireCan(event.locals.me, 'manageContracts');
    const programId = idOf(event.params.programId);
    const { values, json, rowOf } = readTermsForm(await event.request.formData());
    const res = await send(contract(event).$post({ param: { programId }, json: json as never }));
    if (!res.ok)
      return fail(res.status, {
        form: 'create' as const,
        message: apiErrorMessage(res),
        details: res.details.map((d) => ({ ...d, path: formPath(d.path, rowOf) })),
        values
      });
    return { form: 'create' as const, success: m.contract_saved({ version: String(res.data.version) }) };
  },
  end: async (event) => {
    requireCan(event.locals.me, 'manageContracts');
    const programId = idOf(event.params.programId);
    const f = await event.request.formData();
    const version = idOf(String(f.get('version') ?? ''));
    const validTo = String(f.get('validTo') ?? '').trim();
    const res = await send(contract(event)[':version'].end.$post({ param: { programId, version }, json: { validTo } }));
    if (!res.ok)
      return fail(res.status, { form: 'end' as const, version: Number(version), message: apiErrorMessage(res), details: res.details });
    return { form: 'end' as const, version: Number(version), success: m.contract_ended({ version, month: validTo }) };
  }
};
