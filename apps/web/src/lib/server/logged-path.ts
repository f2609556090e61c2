/**
 * A page or API path as it may be logged: a survey link's token replaced by `:token` (the API's request log
 * does the same for /api/public/surveys/<token>). The token is the respondent's key; logs are read by staff.
 */
export const loggedPagePath = (path: string) =>
  path.replace(/^\/s\/[^/]+/, '/s/:token').replace(/^(\/api\/public\/surveys\/)[^/]+/, '$1:token');
