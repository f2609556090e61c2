import type { Db } from '../client.ts';

/** Seeds the demo contact center into an empty database. Returns null when data already exists. */
export async function seedDemoIfEmpty(_db: Db, _opts: { recordingsDir: string }): Promise<{ summary: string } | null> {
  // Filled in by the demo generator work (issue 2).
  return null;
}
