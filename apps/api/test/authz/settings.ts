import { only, type Expectations } from './types.ts';

/** Settings (issue 12): a person's language, the tenant's time zone and default language. No record ids: own = foreign. */

/** Every signed-in person; an API token has no person and so no preferences. */
const everyPerson = only({ integration: 403 }, 200);

export const settingsExpectations: Expectations = {
  'PUT /api/me/preferences': { request: () => ({ path: '/api/me/preferences', body: { locale: 'nl' } }), expect: everyPerson },
  'GET /api/admin/settings': { request: () => ({ path: '/api/admin/settings' }), expect: only({ admin: 200 }) },
  'PUT /api/admin/settings': {
    request: () => ({ path: '/api/admin/settings', body: { timeZone: 'Europe/Amsterdam', defaultLanguage: 'en' } }),
    expect: only({ admin: 200 })
  }
};
