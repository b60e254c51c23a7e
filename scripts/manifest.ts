/**
 * The one manifest template both builds come from. `version` is read from package.json alone.
 *
 * crxjs bundles from `sourceManifest()` (source paths); the build then writes
 * `chromeManifest(built)` into dist/chrome and `firefoxManifest(...)` into dist/firefox, where
 * `built` is the manifest crxjs wrote, with the bundled file names.
 */
import pkg from '../package.json' with { type: 'json' };

export const EXTENSION_NAME = 'News in context';
export const ICON_SIZES = [16, 32, 48, 128] as const;
/** The Firefox add-on id: also what the `extensions.webextensions.uuids` preference is keyed by. */
export const GECKO_ID = 'news-in-context@example.org';
/** The command that switches highlighting on and off on the current page. */
export const TOGGLE_COMMAND = 'toggle-highlights';

/**
 * Chromium 128: `caretPositionFromPoint(x, y, { shadowRoots })`, the hover hit-test of
 * element-free highlights where `CSS.highlights.highlightsFromPoint` (132) is missing.
 */
const MINIMUM_CHROME_VERSION = '128';
/**
 * Firefox 140: the CSS Custom Highlight API (the default renderer) and the
 * `data_collection_permissions` key; everything else the code uses came earlier
 * (`caretPositionFromPoint`, constructed stylesheets 101, `content-visibility` 125,
 * module background scripts 112). Firefox for Android reads that key from 142.
 */
const FIREFOX_MIN_VERSION = '140.0';
const FIREFOX_ANDROID_MIN_VERSION = '142.0';

/** The pages the reader runs on. */
const PAGE_MATCHES = ['http://*/*', 'https://*/*'] as const;

export type Manifest = Record<string, unknown> & {
  background: { service_worker: string; type?: string };
  action: Record<string, unknown>;
};

/** The store package's file name under release/ (`npm run package`). */
export function packageFileName(browser: 'chrome' | 'firefox'): string {
  return `${pkg.name}-${pkg.version}-${browser}.zip`;
}

export function iconFile(size: number): string {
  return `icons/icon-${size}.png`;
}

const iconPaths = (): Record<string, string> => Object.fromEntries(ICON_SIZES.map((size) => [size, iconFile(size)]));

/** What both builds share, with source paths. Icons are added after bundling, when their PNGs exist. */
export function sourceManifest(): Manifest {
  return {
    manifest_version: 3,
    name: EXTENSION_NAME,
    version: pkg.version,
    // The Chrome Web Store refuses descriptions over 132 characters (docs/store.md has the long text).
    description:
      'Highlights the people, places, claims, quotes and limits of a news story on the pages you read, with cards that say who said what.',
    // The worker injects the annotator into the frames whose text shows a story: `scripting`, on the
    // same hosts the reader runs on (the content script's matches alone do not let it inject).
    permissions: ['storage', 'scripting'],
    host_permissions: [...PAGE_MATCHES],
    background: { service_worker: 'src/background/main.ts', type: 'module' },
    action: { default_title: EXTENSION_NAME, default_popup: 'src/popup/index.html' },
    // The story manager: the stories shipped and followed, rename, export, import, unfollow.
    options_ui: { page: 'src/manager/index.html', open_in_tab: true },
    commands: {
      [TOGGLE_COMMAND]: {
        // Alt+Shift+N / Alt+Shift+P walk the highlights inside the page; H for highlights.
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Switch highlighting on or off on this page',
      },
    },
    content_scripts: [
      {
        matches: [...PAGE_MATCHES],
        js: ['src/content/main.ts'],
        css: ['src/content/highlights.css'],
        run_at: 'document_idle',
        all_frames: true,
      },
    ],
  };
}

/** The Chrome manifest: the bundled one plus icons and the minimum version. */
export function chromeManifest(built: Manifest): Manifest {
  const icons = iconPaths();
  return {
    ...built,
    minimum_chrome_version: MINIMUM_CHROME_VERSION,
    icons,
    action: { ...built.action, default_icon: icons },
  };
}

/** The Firefox manifest, from the Chrome one: an event page instead of a service worker, and the gecko settings. */
export function firefoxManifest(chrome: Manifest): Record<string, unknown> {
  const { minimum_chrome_version: _chromeOnly, background, ...shared } = chrome;
  return {
    ...shared,
    background: { scripts: [background.service_worker], type: background.type ?? 'classic' },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        // The extension reads pages locally and sends nothing anywhere.
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
    },
  };
}
