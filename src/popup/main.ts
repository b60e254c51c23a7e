/**
 * The toolbar popup: what the tab's content script found, the switches, and
 * the story (or stories) the page reports: summary, limits, source; a list
 * to pick from where it reports several, or every story the extension knows
 * where it reports none. With `?tabId=N` it acts on tab N instead of
 * the active tab (tests and tools rely on this).
 */
import browser from 'webextension-polyfill';
import { CATEGORY_SWITCH_KEYS } from '../core/cards';
import { CATEGORIES } from '../core/categories';
import { repairSettings, SETTINGS_KEY, type Settings, withSite } from '../core/settings';
import { uiText } from '../core/ui-text';
import { askNewReader, askTab, askWorker, type PageStateResponse, READER_SCRIPT } from '../messages';
import { compileFollowedIfStale, offerFollow } from './follow';
import { localizePage } from './text';
import { renderPicker, reportedIds, verdictText } from './view';

async function targetTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function readSettings(): Promise<Settings> {
  return repairSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

async function pageState(tabId: number | undefined): Promise<PageStateResponse | undefined> {
  if (tabId === undefined) return undefined;
  const ask = () => askTab(browser.tabs, tabId, { type: 'page/get-state' });
  try {
    return await ask();
  } catch {
    // Where the pre-check found no story possible, no reader runs yet: the popup brings one.
  }
  try {
    await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [READER_SCRIPT] });
  } catch {
    return undefined; // no script may run there: a browser page, the store, a PDF…
  }
  return askNewReader(browser.tabs, tabId, { type: 'page/get-state' }).catch(() => undefined);
}

function buildSwitches(settings: Settings, onChange: (next: Settings) => void): Map<string, HTMLElement> {
  const fieldset = document.getElementById('counts')!;
  const counts = new Map<string, HTMLElement>();
  for (const category of CATEGORIES) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.checked = settings.categories[category];
    input.addEventListener('change', () => {
      settings.categories[category] = input.checked;
      onChange(settings);
    });
    const swatch = document.createElement('span');
    swatch.className = `swatch ${category}`;
    swatch.setAttribute('aria-hidden', 'true');
    label.append(input, swatch, uiText(CATEGORY_SWITCH_KEYS[category]));
    const count = document.createElement('span');
    count.className = 'count';
    count.id = `count-${category}`;
    fieldset.append(label, count);
    counts.set(category, count);
  }
  return counts;
}

function bindDisplayOptions(current: () => Settings, save: (next: Settings) => void): void {
  const marks = document.getElementById('accessible-marks') as HTMLInputElement;
  const similar = document.getElementById('show-similar') as HTMLInputElement;
  const names = document.getElementById('names-everywhere') as HTMLInputElement;
  marks.checked = current().renderer === 'marks';
  similar.checked = current().showSimilar;
  names.checked = current().namesEverywhere;
  marks.addEventListener('change', () => save({ ...current(), renderer: marks.checked ? 'marks' : 'highlights' }));
  similar.addEventListener('change', () => save({ ...current(), showSimilar: similar.checked }));
  names.addEventListener('change', () => save({ ...current(), namesEverywhere: names.checked }));
}

/** Downloads the tab's annotations as a W3C Web Annotation collection. */
async function saveExport(tabId: number | undefined): Promise<void> {
  if (tabId === undefined) return;
  const collection = await askTab(browser.tabs, tabId, { type: 'annotations/export' });
  const url = URL.createObjectURL(new Blob([JSON.stringify(collection, null, 2)], { type: 'application/ld+json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'annotations.jsonld';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function main(): Promise<void> {
  localizePage('extensionName');
  const tabId = await targetTabId();
  let settings = await readSettings();
  const save = (next: Settings) => {
    settings = next;
    void browser.storage.local.set({ [SETTINGS_KEY]: next });
  };
  const counts = buildSwitches(settings, save);
  const following = offerFollow(tabId);
  void compileFollowedIfStale().catch((error: unknown) => console.warn('[news-in-context]', error));
  const verdict = document.getElementById('verdict')!;
  const site = document.getElementById('site-switch') as HTMLInputElement;

  const { stories } = await askWorker(browser.runtime, { type: 'story/get' });

  const refresh = async () => {
    const state = await pageState(tabId);
    verdict.textContent = verdictText(state, stories, settings.namesEverywhere);
    site.disabled = !state;
    if (state) site.checked = !settings.disabledSites.includes(state.host);
    for (const [category, element] of counts) {
      element.textContent = state ? String(state.counts[category as keyof PageStateResponse['counts']]) : '–';
    }
    return state;
  };
  const first = await refresh();
  renderPicker(stories, reportedIds(first?.verdicts ?? []));
  let host = first?.host;
  bindDisplayOptions(() => settings, save);
  document.getElementById('export')!.addEventListener('click', () => void saveExport(tabId));
  site.addEventListener('change', () => {
    if (host !== undefined) save(withSite(settings, host, site.checked));
  });
  // Content scripts redraw on the storage change; read their counts afterwards.
  await following;
  browser.storage.onChanged.addListener(async (_changes, area) => {
    if (area !== 'local') return;
    settings = await readSettings();
    host = (await refresh())?.host ?? host;
  });
}

main().catch((error: unknown) => {
  document.getElementById('verdict')!.textContent = uiText('popupError', String(error));
});
