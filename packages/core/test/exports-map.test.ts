import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * core's public surface is an explicit `exports` map (package.json), not "./*": every file another package
 * imports from `@attentive/core/…` is listed, and every listed file exists. A new deep import fails here,
 * naming the line to add, before it fails as a missing module.
 */
const ROOT = resolve(import.meta.dirname, '../../..');
const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '../package.json'), 'utf8')) as { exports: Record<string, string> };

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.') || name === 'build' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (/\.(ts|js|mjs|svelte)$/.test(name)) yield path;
  }
}

describe('the exports map of @attentive/core', () => {
  it('lists every deep import in the repository, and only files that exist', () => {
    const used = new Set<string>();
    for (const dir of ['apps', 'packages', 'test', 'scripts'].map((d) => join(ROOT, d)).filter(existsSync))
      for (const file of sources(dir))
        for (const m of readFileSync(file, 'utf8').matchAll(/['"]@attentive\/core\/([A-Za-z0-9/_.-]+)['"]/g)) used.add(`./${m[1]}`);
    const missing = [...used].filter((s) => !(s in pkg.exports)).map((s) => `"${s}": "./src/${s.slice(2)}.ts"`);
    expect(missing, 'add to packages/core/package.json "exports"').toEqual([]);
    for (const [key, file] of Object.entries(pkg.exports)) expect(existsSync(resolve(import.meta.dirname, '..', file)), key).toBe(true);
    expect(Object.keys(pkg.exports).some((k) => k.includes('*'))).toBe(false);
  });
});
