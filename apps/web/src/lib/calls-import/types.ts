import type { ImportRun } from '$lib/api/types';

/** The API's import run (derived from the typed client). */
export type { ImportRun };
export type ImportMode = ImportRun['mode'];
