/** The calls screens' names for the API's answers (derived from the typed client) and the list's URL filters. */
export type { CallRow, CallPage, CallFilters, CallDetail } from '$lib/api/types';

/** The list's filters as they appear in the URL query. */
export const FILTER_KEYS = [
  'client',
  'program',
  'team',
  'agent',
  'queue',
  'direction',
  'from',
  'to',
  'hasRecording',
  'hasTranscript'
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
