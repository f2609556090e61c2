#!/usr/bin/env node
// What a browser downloads for one page of the built web app: the client entry plus the page's layouts and leaf
// (their JS chunks and CSS), raw and gzip. Usage: node scripts/bundle-size.mjs [/route/id …] after
// `pnpm --filter @attentive/web build`. Default: the evaluation screen.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const out = new URL('../apps/web/.svelte-kit/output/', import.meta.url).pathname;
const manifest = readFileSync(join(out, 'server/manifest-full.js'), 'utf8');
const routes = process.argv.slice(2).length ? process.argv.slice(2) : ['/evaluate/[callId]'];

const listIn = (source, name) => JSON.parse(source.match(new RegExp(`${name}\\s*[:=]\\s*(\\[[^\\]]*\\])`))?.[1] ?? '[]');
const entry = manifest.match(/client:\s*\{[^}]*?imports:(\[[^\]]*\])/);
const entryImports = entry ? JSON.parse(entry[1]) : [];

for (const id of routes) {
  const at = manifest.indexOf(`id: ${JSON.stringify(id)}`);
  if (at < 0) throw new Error(`no route ${id} in the build`);
  const page = manifest.slice(at).match(/page: \{ layouts: \[([^\]]*)\], errors: \[[^\]]*\], leaf: (\d+) \}/);
  const nodes = [...page[1].split(',').filter(Boolean).map(Number), Number(page[2])];
  const files = new Set(entryImports);
  for (const n of nodes) {
    const node = readFileSync(join(out, `server/nodes/${n}.js`), 'utf8');
    for (const f of [...listIn(node, 'imports'), ...listIn(node, 'stylesheets')]) files.add(f);
  }
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const bytes = readFileSync(join(out, 'client', f));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  console.log(`${id}: ${files.size} files, ${(raw / 1024).toFixed(1)} KiB raw, ${(gz / 1024).toFixed(1)} KiB gzip`);
}
