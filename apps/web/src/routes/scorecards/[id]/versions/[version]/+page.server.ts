import { getJson } from '$lib/server/api-json';
import type { Scorecard, Version } from '$lib/components/scorecards/model';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params }) =>
  getJson<{ scorecard: Scorecard; version: Version }>(fetch, `/api/scorecards/${Number(params.id)}/versions/${Number(params.version)}`);
