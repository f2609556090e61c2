import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vite';
import { paraglideOptions } from './paraglide.config.js';

export default defineConfig({
  // Paraglide compiles messages/{en,nl}.json into src/lib/paraglide in dev and build (see docs/i18n.md). Not under
  // vitest: its file watcher keeps vitest from exiting; `pnpm test` compiles first (scripts/compile-messages.js).
  plugins: [...(process.env.VITEST ? [] : [paraglideVitePlugin(paraglideOptions)]), sveltekit()],
  // Workspace packages ship TypeScript source: bundle them into the server build. @noble too: pdfkit (the API's
  // PDF) hoists @noble/ciphers 1.x to the root, and an external import from the built server would then load 1.x
  // where better-auth needs 2.x; bundled, each importer gets its own version.
  ssr: { noExternal: [/^@attentive\//, /^@noble\//] }
});
