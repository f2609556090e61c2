import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** Two files at a time even on 2 cores (Vitest's default there is one): measured 42 → 29 s. */
export default defineConfig({
  test: { maxWorkers: Math.max(2, availableParallelism() - 1) }
});
