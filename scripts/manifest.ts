/**
 * The build's reading of the one manifest, `manifest.json` at the root, which names source files
 * and holds what each browser gets on its own. The version is read from package.json alone.
 *
 * crxjs bundles from `sourceManifest()` (source paths, the keys both browsers share); the build then
 * writes `chromeManifest(built)` into dist/chrome and `firefoxManifest(...)` into dist/firefox, where
 * `built` is the manifest crxjs wrote, with the bundled file names, and checks with
 * `missingFromBuilds` that every field of the root manifest reached both.
 *
 * Why the root manifest's values are what they are (JSON has no comments):
 * - `minimum_chrome_version` 128: `caretPositionFromPoint(x, y, { shadowRoots })`, the hover hit-test
 *   of element-free highlights where `CSS.highlights.highlightsFromPoint` (132) is missing.
 * - gecko `strict_min_version` 140: the CSS Custom Highlight API (the default renderer) and the
 *   `data_collection_permissions` key (the extension reads pages locally and sends nothing anywhere);
 *   everything else the code uses came earlier (`caretPositionFromPoint`, constructed stylesheets
 *   101, `content-visibility` 125, module background scripts 112). Firefox for Android reads that
 *   key from 142 (`gecko_android`).
 * - gecko `id`: a GUID in braces, which AMO accepts without a domain; it can never change once
 *   listed, and the `extensions.webextensions.uuids` preference is keyed by it.
 * - `name`, `description` and the shortcut's description come from the catalogues (_locales/), in the
 *   browser's language; the Chrome Web Store refuses descriptions over 132 characters (a unit test
 *   checks every catalogue; docs/store.md has the long text).
 * - `scripting` on the pages the reader runs on: the worker injects the annotator into the frames
 *   whose text shows a story (the content script's matches alone do not let it inject).
 * - `commands`: Alt+Shift+N / Alt+Shift+P walk the highlights inside the page; H for highlights.
 */
import root from '../manifest.json' with { type: 'json' };
import pkg from '../package.json' with { type: 'json' };

export const ROOT_MANIFEST: Readonly<Record<string, unknown>> = root;
export const ICON_SIZES = Object.keys(root.icons).map(Number);
/** The Firefox add-on id: also what the `extensions.webextensions.uuids` preference is keyed by. */
export const GECKO_ID = root.browser_specific_settings.gecko.id;

/** Fields of the root manifest only Chrome gets, and only Firefox (paths of keys, dot-separated). */
export const CHROME_ONLY = ['minimum_chrome_version', 'background.service_worker'] as const;
export const FIREFOX_ONLY = ['browser_specific_settings', 'background.scripts'] as const;
/**
 * Permissions only Chrome gets: `offscreen`, the document in which the worker, which has no DOM and
 * must not load the compiler, has the followed stories compiled after an update. Firefox's event
 * page is a document and frames the same page itself; `web-ext lint` warns on a permission it does
 * not know. Chrome shows readers no warning for it.
 */
export const CHROME_ONLY_PERMISSIONS: readonly string[] = ['offscreen'];

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

/**
 * What crxjs bundles: the root manifest with source paths and the version of package.json, without
 * what one browser alone gets and without the icons, which are added after bundling, when their
 * PNGs exist. Every other key of the root manifest is carried as it is, in its order.
 */
export function sourceManifest(): Manifest {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(root)) {
    if (key === 'minimum_chrome_version' || key === 'browser_specific_settings' || key === 'icons') continue;
    if (key === 'background') {
      const { scripts: _firefoxOnly, ...background } = root.background;
      out[key] = background;
    } else if (key === 'action') {
      const { default_icon: _afterBundling, ...action } = root.action;
      out[key] = action;
    } else out[key] = value;
    // The version goes where a manifest has it, after the name and the default locale.
    if (key === (root.default_locale ? 'default_locale' : 'name')) out.version = pkg.version;
  }
  return out as Manifest;
}

/** The Chrome manifest: the bundled one plus the icons and the minimum version. */
export function chromeManifest(built: Manifest): Manifest {
  return {
    ...built,
    minimum_chrome_version: root.minimum_chrome_version,
    icons: structuredClone(root.icons),
    action: { ...built.action, default_icon: structuredClone(root.action.default_icon) },
  };
}

/** The Firefox manifest, from the Chrome one: an event page instead of a service worker, and the gecko settings. */
export function firefoxManifest(chrome: Manifest): Record<string, unknown> {
  const { minimum_chrome_version: _chromeOnly, background, ...shared } = chrome;
  return {
    ...shared,
    permissions: firefoxPermissions(shared.permissions),
    background: { scripts: [background.service_worker], type: background.type ?? 'classic' },
    browser_specific_settings: structuredClone(root.browser_specific_settings),
  };
}

function firefoxPermissions(permissions: unknown): unknown {
  return Array.isArray(permissions) ? permissions.filter((p) => !CHROME_ONLY_PERMISSIONS.includes(p)) : permissions;
}

/** Dot-separated paths of every key of a JSON object ("content_scripts.0.run_at"); lists of values are leaves. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (!value || typeof value !== 'object') return [prefix];
  if (Array.isArray(value) && !value.some((item) => item && typeof item === 'object')) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keyPaths(inner, prefix ? `${prefix}.${key}` : key));
}

function at(value: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as never)[key] : undefined), value);
}

/** A value that names a source file, which bundling renames: only its presence is compared. */
function namesSourceFile(value: unknown): boolean {
  const values = Array.isArray(value) ? value : [value];
  return values.some((v) => typeof v === 'string' && v.startsWith('src/'));
}

/**
 * The fields of the root manifest that a built manifest lacks or changed, as "chrome: commands":
 * every field reaches both builds but those one browser alone gets (CHROME_ONLY, FIREFOX_ONLY,
 * CHROME_ONLY_PERMISSIONS).
 */
export function missingFromBuilds(
  rootManifest: Readonly<Record<string, unknown>>,
  builds: { chrome: Record<string, unknown>; firefox: Record<string, unknown> },
): string[] {
  const missing: string[] = [];
  for (const path of keyPaths(rootManifest)) {
    const inRoot = at(rootManifest, path);
    for (const [browser, manifest] of Object.entries(builds)) {
      const other = browser === 'chrome' ? FIREFOX_ONLY : CHROME_ONLY;
      if (other.some((p) => path === p || path.startsWith(`${p}.`))) continue;
      const found = at(manifest, path);
      const expected = browser === 'firefox' && path === 'permissions' ? firefoxPermissions(inRoot) : inRoot;
      const carried = namesSourceFile(expected)
        ? found !== undefined
        : JSON.stringify(found) === JSON.stringify(expected);
      if (!carried) missing.push(`${browser}: ${path}`);
    }
  }
  return missing;
}
