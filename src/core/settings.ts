/** Reader settings, as kept in extension storage. Pure: defaults and repair of stored values. */
import { CATEGORIES, type Category } from './categories';
import type { ShowOptions } from './verdict';

/** `highlights`: the CSS Custom Highlight API, leaving the page's DOM alone (the default); `marks`: <mark> elements in the text. */
export type RendererKind = 'marks' | 'highlights';

export interface Settings {
  /** Category switches: false hides that category everywhere. */
  categories: Record<Category, boolean>;
  /** Host names where highlighting is off. */
  disabledSites: string[];
  renderer: RendererKind;
  /** Show statements found on pages about other meetings, in a distinct style. */
  showSimilar: boolean;
  /** Highlight the stories' names on every page that names them, not only on pages about a story. */
  namesEverywhere: boolean;
}

export const SETTINGS_KEY = 'settings';

export function defaultSettings(): Settings {
  return {
    categories: Object.fromEntries(CATEGORIES.map((c) => [c, true])) as Record<Category, boolean>,
    disabledSites: [],
    renderer: 'highlights',
    showSimilar: false,
    namesEverywhere: false,
  };
}

/** Accepts whatever storage holds and returns valid settings, keeping every valid field. */
export function repairSettings(stored: unknown): Settings {
  const settings = defaultSettings();
  if (!stored || typeof stored !== 'object') return settings;
  const value = stored as Partial<Record<keyof Settings, unknown>>;
  if (value.categories && typeof value.categories === 'object') {
    for (const category of CATEGORIES) {
      const on = (value.categories as Record<string, unknown>)[category];
      if (typeof on === 'boolean') settings.categories[category] = on;
    }
  }
  if (Array.isArray(value.disabledSites)) {
    settings.disabledSites = value.disabledSites.filter((s): s is string => typeof s === 'string');
  }
  if (value.renderer === 'marks' || value.renderer === 'highlights') settings.renderer = value.renderer;
  if (typeof value.showSimilar === 'boolean') settings.showSimilar = value.showSimilar;
  if (typeof value.namesEverywhere === 'boolean') settings.namesEverywhere = value.namesEverywhere;
  return settings;
}

/** What the settings ask to be shown beyond the pages about a story (see storyShown). */
export function showOptions(settings: Settings): ShowOptions {
  return { namesEverywhere: settings.namesEverywhere };
}

export function siteEnabled(settings: Settings, host: string): boolean {
  return !settings.disabledSites.includes(host);
}

export function withSite(settings: Settings, host: string, enabled: boolean): Settings {
  const others = settings.disabledSites.filter((s) => s !== host);
  return { ...settings, disabledSites: enabled ? others : [...others, host] };
}
