/**
 * webextension-polyfill is a UMD script. Imported as CommonJS, the bundle's interop copies every
 * property of the `browser` object it exports, and so builds every extension API a content script
 * has, on every page (about 1.5 ms of each page's main thread, measured on a 50 KB page in
 * Chromium 156). Given a `module` of its own and a default export, it is an ES module that
 * returns `browser` as it is. Used by the build (vite.config.ts) and the bench's floor reader.
 */
import type { Plugin } from 'vite';

const POLYFILL = /[\\/]node_modules[\\/]webextension-polyfill[\\/]dist[\\/]browser-polyfill\.js$/;

export function polyfillAsModule(): Plugin {
  return {
    name: 'polyfill-as-module',
    enforce: 'pre',
    transform(code, id) {
      if (!POLYFILL.test(id)) return null;
      return {
        code: `const module = { exports: {} };\nconst exports = module.exports;\n${code}\nexport default module.exports;\n`,
        map: null,
      };
    },
  };
}
