import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
export default {
  kit: {
    adapter: adapter({ out: 'build' }),
    csp: { mode: 'hash', directives: { 'default-src': ['self'], 'script-src': ['self'], 'img-src': ['self', 'data:', 'blob:'], 'media-src': ['self', 'blob:'], 'style-src': ['self', 'unsafe-inline'], 'frame-ancestors': ['none'], 'object-src': ['none'], 'base-uri': ['self'] } }
  }
};
