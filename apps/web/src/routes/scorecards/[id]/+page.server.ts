import { fail } from '@sveltejs/kit';
import { getJson, sendJson } from '$lib/server/api-json';
import { can } from '$lib/server/guard';
import type { Scorecard, Version, VersionSummary } from '$lib/components/scorecards/model';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params, locals }) => {
  const data = await getJson<{ scorecard: Scorecard; versions: VersionSummary[]; published: Version | null; draft: Version | null }>(fetch, `/api/scorecards/${Number(params.id)}`);
  return { ...data, manager: can(locals.me, 'manageScorecards') };
};

const base = (id: string) => `/api/scorecards/${Number(id)}`;

type ApiFailure = { ok: false; status: number; message: string };
/** The API's error details (item paths) are passed to the builder so it can point at the item. */
async function withDetails(res: Response): Promise<ApiFailure & { details?: unknown }> {
  const body = (await res.json().catch(() => ({}))) as { error?: { message?: string; details?: unknown } };
  return { ok: false, status: res.status, message: body.error?.message ?? `Request failed (${res.status})`, details: body.error?.details };
}

export const actions: Actions = {
  save: async ({ request, fetch, params }) => {
    const f = await request.formData();
    let definition: unknown;
    try {
      definition = JSON.parse(String(f.get('definition') ?? ''));
    } catch {
      return fail(400, { message: 'The form sent an unreadable definition' });
    }
    const res = await fetch(`${base(params.id)}/draft`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ definition, baseRevision: Number(f.get('baseRevision')) || undefined })
    });
    if (!res.ok) {
      const e = await withDetails(res);
      return fail(e.status, { message: e.message, details: e.details });
    }
    const { draft } = (await res.json()) as { draft: VersionSummary };
    return { revision: draft.revision };
  },
  publish: async ({ request, fetch, params }) => {
    const f = await request.formData();
    const res = await fetch(`${base(params.id)}/publish`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ revision: Number(f.get('revision')) || undefined, note: String(f.get('note') ?? '') || undefined })
    });
    if (!res.ok) {
      const e = await withDetails(res);
      return fail(e.status, { message: e.message, details: e.details });
    }
    return { published: true };
  },
  openDraft: async ({ fetch, params }) => {
    const res = await sendJson(fetch, 'POST', `${base(params.id)}/draft`);
    return res.ok ? { opened: true } : fail(res.status, { message: res.message });
  },
  discard: async ({ fetch, params }) => {
    const res = await sendJson(fetch, 'DELETE', `${base(params.id)}/draft`);
    return res.ok ? { discarded: true } : fail(res.status, { message: res.message });
  }
};
