import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vite';
import { paraglideOptions } from './paraglide.config.js';

export default defineConfig({
  // Paraglide compiles messages/{en,nl}.json into src/lib/paraglide in dev and build (see docs/i18n.md). Not under
  // vitest: its file watcher keeps vitest from exiting; `pnpm test` compiles first (scripts/compile-messages.js).
  plugins: [...(process.env.VITEST ? [] : [paraglideVitePlugin(paraglideOptions)]), sveltekit()],
  // Workspace packages ship TypeScript source: bundle them into the server build. @noble/* is bundled too, so
  // better-auth gets the 2.x it depends on: left external, the server resolved the 1.x that pdfmake's
  // dependencies hoisted to the repository root (shamefully-hoist) and failed to start (no `managedNonce`).
  ssr: { noExternal: [/^@attentive\//, /^@noble\//] }
});
