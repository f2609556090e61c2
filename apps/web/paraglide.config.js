// One set of Paraglide compiler options, used by the Vite plugin (dev, build, vitest) and by
// scripts/compile-messages.js (before svelte-check). The compiled output (src/lib/paraglide) is generated, not committed.
//
// The locale is decided on the server (src/lib/i18n/resolve-locale.ts: the person's setting, else the browser's
// Accept-Language, else the tenant's default) and handed to Paraglide through the `custom-resolved` strategy;
// the browser reads it back from <html lang>, so server and browser always agree.
/** @type {import('@inlang/paraglide-js').CompilerOptions} */
export const paraglideOptions = {
  project: './project.inlang',
  outdir: './src/lib/paraglide',
  strategy: ['custom-resolved', 'baseLocale'],
  emitGitIgnore: true,
  emitPrettierIgnore: true,
  includeEslintDisableComment: true
};
