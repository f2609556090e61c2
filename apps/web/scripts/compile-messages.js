// Compiles messages/{en,nl}.json into src/lib/paraglide before svelte-check (the Vite plugin does it for dev, build and tests).
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from '../paraglide.config.js';

await compile(paraglideOptions);
