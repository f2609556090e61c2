import { api, load as read } from '$lib/server/api-client';
import { actorNames } from '../../../actor-names.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const data = await read(
    event,
    api(event).api.scorecards[':id'].versions[':version'].$get({ param: { id: event.params.id, version: event.params.version } })
  );
  return { ...data, names: await actorNames(event, [data.version.createdBy, data.version.publishedBy]) };
};
