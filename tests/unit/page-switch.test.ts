import { describe, expect, it } from 'vitest';
import { PageSwitch } from '../../src/content/page-switch';
import { defaultSettings, withSite } from '../../src/core/settings';
import { isContentRequest, isWorkerRequest } from '../../src/messages';

const HOST = 'news.example';

describe('the keyboard shortcut switch', () => {
  it('turns a highlighted page off and on again without touching the stored settings', () => {
    const stored = defaultSettings();
    const page = new PageSwitch(stored, HOST);
    expect(page.enabled).toBe(true);
    expect(page.toggle()).toBe(false);
    expect(page.enabled).toBe(false);
    expect(page.settings.disabledSites).toEqual([HOST]);
    expect(stored.disabledSites).toEqual([]);
    expect(page.toggle()).toBe(true);
    expect(page.settings.disabledSites).toEqual([]);
  });

  it('turns a page on where the site is switched off', () => {
    const page = new PageSwitch(withSite(defaultSettings(), HOST, false), HOST);
    expect(page.enabled).toBe(false);
    expect(page.toggle()).toBe(true);
    expect(page.enabled).toBe(true);
  });

  it('keeps its state across other setting changes, and gives way when the site switch changes', () => {
    const page = new PageSwitch(defaultSettings(), HOST);
    page.toggle();
    const noPeople = defaultSettings();
    noPeople.categories.person = false;
    page.update(noPeople);
    expect(page.enabled).toBe(false);
    expect(page.settings.categories.person).toBe(false);

    page.update(withSite(noPeople, HOST, false));
    expect(page.enabled).toBe(false);
    page.update(noPeople);
    expect(page.enabled).toBe(true);
  });

  it('is asked for by a typed message that only content scripts accept', () => {
    expect(isContentRequest({ type: 'page/toggle' })).toBe(true);
    expect(isWorkerRequest({ type: 'page/toggle' })).toBe(false);
  });
});
