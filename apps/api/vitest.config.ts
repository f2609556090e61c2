import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * The API integration suite runs twice: on an embedded SQLite file, and against a libSQL server (sqld) that
 * each suite starts for itself (packages/db/src/testing.ts). A behaviour that differs between the two is a
 * defect in the product, not in the test.
 * At least two files at a time: much of a file's time is spent waiting (on its sqld, on child processes), and
 * Vitest's default on a 2-core machine is one worker (cores − 1). Measured on 2 cores: 15.7 → 9.6 min.
 */
export default defineConfig({
  test: {
    // Files of a worker share its modules (the app's import is a third of the suite's time when each file loads
    // it anew: 9.6 → 5.0 min on 2 cores). Test state lives in each file's database and world (authz/world.ts
    // `perWorld`), never in a module variable.
    isolate: false,
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      { extends: true, test: { name: 'file', env: { ATTENTIVE_TEST_DB: 'file' } } },
      { extends: true, test: { name: 'sqld', env: { ATTENTIVE_TEST_DB: 'sqld' } } }
    ]
  }
});
