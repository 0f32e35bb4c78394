import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See ../shared/TOOLCHAIN.md for the per-browser manifest pitfalls.
export default defineConfig({
  srcDir: '.',
  outDir: '.output',
  // Every module imports what it uses: no auto-imports, so that tsc finds a missing one.
  imports: false,
  // `browser` from wxt/browser is Mozilla's webextension-polyfill (the product's card asks for
  // it): one promise-based API with Firefox's semantics in Chrome and Firefox alike.
  modules: ['@wxt-dev/webextension-polyfill'],
  // BACKSTORY_READABLE_BUILD=1: names kept, for profiles (npm run bench:kb with KB_PROFILE).
  vite: () => ({ plugins: [preact()], ...(process.env.BACKSTORY_READABLE_BUILD ? { build: { minify: false } } : {}) }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'tabs',
      'activeTab',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
      // Issue 21: "Save article to Backstory" in the page's context menu (Firefox's name for it is menus).
      browser === 'firefox' ? 'menus' : 'contextMenus',
      // Issue 21: automatic backups, off unless the reader turns them on: an alarm looks
      // whether one is due, downloads writes the file; Chrome's worker makes the file's URL in
      // the offscreen document (entrypoints/offscreen), which also gives the sanitising of a
      // saved article's HTML a DOM, which the service worker lacks (issue 20).
      'alarms',
      'downloads',
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    action: { default_title: '__MSG_extName__' },
    // Extension pages run only the extension's own scripts: no inline or remote code, no eval.
    content_security_policy:
      browser === 'firefox'
        ? "script-src 'self'; object-src 'none'; base-uri 'none'"
        : { extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'" },
    commands: {
      'open-side-panel': {
        suggested_key: { default: 'Alt+Shift+B' },
        description: '__MSG_commandOpenPanel__',
      },
      // Issue 21: save the tab's article. Not Alt+Shift+N / Alt+Shift+P, which the page's highlights use.
      'save-article': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandSaveArticle__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'backstory@backstory.local',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
