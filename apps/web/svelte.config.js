import adapter from '@sveltejs/adapter-node';

// ATTENTIVE_BUILD_ID lets several builds live side by side (parallel work on one machine).
const id = process.env.ATTENTIVE_BUILD_ID;

/** @type {import('@sveltejs/kit').Config} */
export default {
  kit: {
    adapter: adapter({ out: id ? `build-${id}` : 'build' }),
    outDir: id ? `.svelte-kit-${id}` : '.svelte-kit',
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'img-src': ['self', 'data:', 'blob:'],
        'media-src': ['self', 'blob:'],
        'style-src': ['self', 'unsafe-inline'],
        'frame-ancestors': ['none'],
        'object-src': ['none'],
        'base-uri': ['self']
      }
    }
  }
};
