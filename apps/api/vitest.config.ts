import { defineConfig } from 'vitest/config';

/**
 * The API integration suite runs twice: on an embedded SQLite file, and against a libSQL server (sqld) that
 * each suite starts for itself (packages/db/src/testing.ts). A behaviour that differs between the two is a
 * defect in the product, not in the test.
 */
export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'file', env: { ATTENTIVE_TEST_DB: 'file' } } },
      { extends: true, test: { name: 'sqld', env: { ATTENTIVE_TEST_DB: 'sqld' } } }
    ]
  }
});
