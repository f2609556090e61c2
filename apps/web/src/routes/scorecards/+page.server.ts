import { fail, redirect } from '@sveltejs/kit';
import { getJson, sendJson } from '$lib/server/api-json';
import { can } from '$lib/server/guard';
import type { Scorecard, VersionSummary } from '$lib/components/scorecards/model';
import type { Actions, PageServerLoad } from './$types';

type Row = Scorecard & { published: VersionSummary | null; draft: VersionSummary | null; versionCount: number };

export const load: PageServerLoad = async ({ fetch, locals }) => {
  const manager = can(locals.me, 'manageScorecards');
  const { scorecards } = await getJson<{ scorecards: Row[] }>(fetch, '/api/scorecards');
  // Programs for the "new scorecard" form (the roster is readable by scorecard managers).
  const programs = manager ? (await getJson<{ items: { id: number; code: string; name: string }[] }>(fetch, '/api/admin/programs')).items : [];
  return { scorecards, programs, manager };
};

export const actions: Actions = {
  create: async ({ request, fetch }) => {
    const f = await request.formData();
    const program = String(f.get('programId') ?? '');
    const res = await sendJson<{ scorecard: { id: number } }>(fetch, 'POST', '/api/scorecards', {
      name: String(f.get('name') ?? ''),
      description: String(f.get('description') ?? ''),
      programId: program === '' ? null : Number(program)
    });
    if (!res.ok) return fail(res.status, { message: res.message });
    redirect(303, `/scorecards/${res.data.scorecard.id}`);
  }
};
