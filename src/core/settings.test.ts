import { describe, expect, it } from 'vitest';
import { CATEGORIES } from './categories';
import { defaultSettings, repairSettings, showOptions, siteEnabled, withSite } from './settings';

describe('settings', () => {
  it('default to every category on, no site off, element-free highlights, no similar statements, names only on pages about a story', () => {
    const settings = defaultSettings();
    expect(CATEGORIES.every((c) => settings.categories[c])).toBe(true);
    expect(settings).toMatchObject({
      disabledSites: [],
      renderer: 'highlights',
      showSimilar: false,
      namesEverywhere: false,
    });
    expect(showOptions(settings)).toEqual({ namesEverywhere: false });
  });

  it('repairs whatever storage holds, keeping every valid field', () => {
    expect(repairSettings(undefined)).toEqual(defaultSettings());
    expect(repairSettings('settings')).toEqual(defaultSettings());
    const repaired = repairSettings({
      categories: { person: false, place: 'no' },
      disabledSites: ['a.com', 7],
      renderer: 'canvas',
      showSimilar: true,
      namesEverywhere: 'yes',
    });
    expect(repaired.categories.person).toBe(false);
    expect(repaired.categories.place).toBe(true);
    expect(repaired.disabledSites).toEqual(['a.com']);
    // An unknown renderer falls back to the default: element-free.
    expect(repaired.renderer).toBe('highlights');
    expect(repaired.showSimilar).toBe(true);
    expect(repaired.namesEverywhere).toBe(false);
    expect(showOptions(repairSettings({ namesEverywhere: true }))).toEqual({ namesEverywhere: true });
    expect(repairSettings({ renderer: 'marks' }).renderer).toBe('marks');
  });

  it('switches sites off and on', () => {
    const off = withSite(defaultSettings(), 'news.example', false);
    expect(siteEnabled(off, 'news.example')).toBe(false);
    expect(siteEnabled(off, 'other.example')).toBe(true);
    expect(siteEnabled(withSite(off, 'news.example', true), 'news.example')).toBe(true);
    // Switching a site off twice lists it once.
    expect(withSite(off, 'news.example', false).disabledSites).toEqual(['news.example']);
  });
});
