import { api, load as read } from '$lib/server/api-client';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) =>
  read(
    event,
    api(event).api.scorecards[':id'].versions[':version'].$get({ param: { id: event.params.id, version: event.params.version } })
  );
