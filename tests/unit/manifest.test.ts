/** The one manifest, manifest.json at the root, and the two the build derives from it. */
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import {
  chromeManifest,
  firefoxManifest,
  GECKO_ID,
  type Manifest,
  missingFromBuilds,
  ROOT_MANIFEST,
  sourceManifest,
} from '../../scripts/manifest';

/** What crxjs writes for the source manifest: the same keys, the worker and the content scripts bundled. */
function bundled(source: Manifest): Manifest {
  const built = structuredClone(source);
  built.background = { ...built.background, service_worker: 'service-worker-loader.js' };
  built.content_scripts = [{ ...(built.content_scripts as object[])[0], js: ['content.js'], css: ['content.css'] }];
  return built;
}

function builds(): { chrome: Manifest; firefox: Record<string, unknown> } {
  const chrome = chromeManifest(bundled(sourceManifest()));
  // Each its own copy, as each is written to its own file: a test may spoil one alone.
  return { chrome: structuredClone(chrome), firefox: structuredClone(firefoxManifest(chrome)) };
}

describe('the root manifest', () => {
  it('is a manifest: version 3, named, with its background, action, icons and both browsers’ settings', () => {
    expect(ROOT_MANIFEST).toMatchObject({
      manifest_version: 3,
      name: '__MSG_extensionName__',
      default_locale: 'en',
      background: { service_worker: 'src/background/main.ts', scripts: ['src/background/main.ts'] },
      minimum_chrome_version: expect.any(String),
      browser_specific_settings: { gecko: { id: GECKO_ID } },
    });
    expect(ROOT_MANIFEST.version, 'the version is package.json’s alone').toBeUndefined();
  });

  it('has a final gecko id: a GUID in braces', () => {
    expect(GECKO_ID).toMatch(/^\{[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\}$/);
  });

  it('reaches both builds whole, each with its own background and settings and the version of package.json', () => {
    const { chrome, firefox } = builds();
    expect(missingFromBuilds(ROOT_MANIFEST, { chrome, firefox })).toEqual([]);
    expect(chrome.version).toBe(pkg.version);
    expect(firefox.version).toBe(pkg.version);
    expect(chrome).not.toHaveProperty('browser_specific_settings');
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
    expect(firefox.background).toEqual({ scripts: ['service-worker-loader.js'], type: 'module' });
  });

  it('gives Chrome alone the offscreen permission, and names it when a build drops it', () => {
    const { chrome, firefox } = builds();
    expect(ROOT_MANIFEST.permissions).toContain('offscreen');
    expect(chrome.permissions).toEqual(ROOT_MANIFEST.permissions);
    expect(firefox.permissions).toEqual((ROOT_MANIFEST.permissions as string[]).filter((p) => p !== 'offscreen'));
    expect(firefox.permissions).toContain('storage');
    chrome.permissions = firefox.permissions;
    expect(missingFromBuilds(ROOT_MANIFEST, { chrome, firefox })).toEqual(['chrome: permissions']);
  });

  it('a field added to the root manifest is carried into both builds', () => {
    const root = ROOT_MANIFEST as Record<string, unknown>;
    root.homepage_url = 'https://news-in-context.invalid/';
    try {
      const { chrome, firefox } = builds();
      expect(chrome.homepage_url).toBe(root.homepage_url);
      expect(firefox.homepage_url).toBe(root.homepage_url);
      expect(missingFromBuilds(root, { chrome, firefox })).toEqual([]);
    } finally {
      delete root.homepage_url;
    }
  });

  it('names each field of the root manifest a build does not carry, or carries changed', () => {
    const { chrome, firefox } = builds();
    delete chrome.commands;
    (chrome.content_scripts as { run_at: string }[])[0]!.run_at = 'document_end';
    delete (firefox.browser_specific_settings as { gecko_android?: unknown }).gecko_android;
    delete (firefox.action as { default_popup?: string }).default_popup;
    expect(missingFromBuilds(ROOT_MANIFEST, { chrome, firefox })).toEqual([
      'firefox: action.default_popup',
      'chrome: commands.toggle-highlights.suggested_key.default',
      'chrome: commands.toggle-highlights.description',
      'chrome: content_scripts.0.run_at',
      'firefox: browser_specific_settings.gecko_android.strict_min_version',
    ]);
  });
});
