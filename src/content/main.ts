/**
 * The reader (content.js): runs in every http(s) page and same-origin frame
 * where the pre-check (precheck.ts) found that a story may show, and is kept
 * small, because most of those pages are about no story either. It reads the
 * page's text, hands it to the extension's worker (which holds the matcher),
 * and watches the page for changes that name something of a story. Only when
 * a reading shows something, or the popup asks about the page, does the
 * worker inject the annotator (annotator.js), which draws and follows the
 * page from then on. The reader keeps the settings and the shortcut's page
 * switch for both. Page text goes to the worker and nowhere else.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { repairSettings, SETTINGS_KEY, type Settings, showOptions, siteEnabled } from '../core/settings';
import { MIN_FRAME_TEXT_CHARS } from '../core/timing';
import { SHOW_DEFAULTS } from '../core/verdict';
import {
  ANALYSIS_PORT,
  askWorker,
  type ContentMessages,
  dispatch,
  type Handlers,
  isContentRequest,
  isFromThisExtension,
  READER_GLOBAL,
} from '../messages';
import { WorkerAnalyst } from './analyst';
import { sameOriginAsTop } from './frames';
import { annotatorArrival, type RunningAnnotator, registeredAnnotator, type StartAnnotator } from './handoff';
import { contextAlive, ExtensionLifecycle } from './lifecycle';
import { PageObserver } from './observe';
import { PageSwitch } from './page-switch';
import { PageReader } from './reader';
import { yieldToPage } from './slicer';

/** Has the worker inject annotator.js into this frame, and returns what it registered as soon as it has run. */
function loadAnnotator(): Promise<StartAnnotator> {
  const injected = askWorker(browser.runtime, { type: 'annotator/inject' }).then(() => {
    const start = registeredAnnotator();
    if (!start) throw new Error('the annotator was injected but did not register');
    return start;
  });
  return Promise.race([annotatorArrival(), injected]);
}

function report(error: unknown): void {
  // Once the extension is gone (reloaded mid-start), failing calls are expected: nothing to report.
  if (contextAlive()) console.warn('[news-in-context]', error);
}

async function main(): Promise<void> {
  if (!document.body || !sameOriginAsTop()) return;
  // Injected again (by the pre-check, the popup or a followed story) into a frame it already reads: nothing to do.
  const frame = globalThis as { [READER_GLOBAL]?: true };
  if (frame[READER_GLOBAL]) return;
  frame[READER_GLOBAL] = true;
  const isTop = window.top === window;
  const minTextChars = isTop ? 0 : MIN_FRAME_TEXT_CHARS;
  const lifecycle = new ExtensionLifecycle();
  // The settings as last read (undefined until then: a reading waits for them before its text is sent).
  let settings: Settings | undefined;
  const settingsRead = browser.storage.local.get(SETTINGS_KEY).then((stored) => {
    settings ??= repairSettings(stored[SETTINGS_KEY]);
    return settings;
  });
  const analyst = new WorkerAnalyst(
    () => browser.runtime.connect({ name: ANALYSIS_PORT }),
    () => lifecycle.check(),
    () => (settings ? showOptions(settings) : SHOW_DEFAULTS),
  );
  let loading: Promise<StartAnnotator> | undefined;
  let annotator: Promise<RunningAnnotator> | undefined;
  const reader = new PageReader(
    analyst,
    minTextChars,
    () => void load().catch(report),
    () => void annotate().catch(report),
    () => observer.changes,
  );
  const observer = new PageObserver(reader);
  lifecycle.onEnd(() => {
    observer.stop();
    reader.stop();
  });

  /** Fetches the annotator (once): as soon as a verdict shows something, while its findings still come. */
  const load = (): Promise<StartAnnotator> =>
    (loading ??= loadAnnotator().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));

  /** Starts the annotator (once): it takes the page over from the reader. */
  const annotate = (): Promise<RunningAnnotator> =>
    (annotator ??= load().then(
      async (start) => {
        // In a task of its own: the annotator arrives at the end of its script's evaluation, a long task already.
        await yieldToPage();
        // The reading is handed over only if the page has not changed since: else the annotator reads it afresh.
        const reading = observer.changes === reader.latestAtChange ? reader.latest : undefined;
        observer.stop();
        reader.stop();
        return start({
          analyst,
          lifeline: lifecycle,
          settings: () => pageSwitch.settings,
          minTextChars,
          // The top frame owns the badge; frames would overwrite each other's counts.
          setBadge: (count) => {
            if (isTop) void askWorker(browser.runtime, { type: 'badge/set', count }).catch(() => undefined);
          },
          text: (key, ...substitutions) => browser.i18n.getMessage(key, substitutions),
          reading,
        });
      },
      (error: unknown) => {
        annotator = undefined;
        throw error;
      },
    ));

  // The text is read while the settings come; it goes to the worker only if they have this site on.
  const firstReading = reader.rescan(async () => siteEnabled(await settingsRead, location.hostname)).catch(report);
  const pageSwitch = new PageSwitch(await settingsRead, location.hostname);
  let enabled = pageSwitch.enabled;
  let namesEverywhere = pageSwitch.settings.namesEverywhere;
  const settingsChanged = () => {
    if (annotator) {
      void annotator.then((running) => running.settingsChanged()).catch(report);
      return;
    }
    const namesChanged = pageSwitch.settings.namesEverywhere !== namesEverywhere;
    namesEverywhere = pageSwitch.settings.namesEverywhere;
    if (pageSwitch.enabled === enabled && !namesChanged) return;
    enabled = pageSwitch.enabled;
    observer.stop();
    reader.stop();
    if (enabled) {
      observer.start();
      void reader.rescan().catch(report);
    }
  };
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes) || !lifecycle.check()) return;
    settings = repairSettings(changes[SETTINGS_KEY]!.newValue);
    pageSwitch.update(settings);
    settingsChanged();
  });

  const handlers: Handlers<ContentMessages, undefined> = {
    'page/get-state': async (request) => (await annotate()).handlers['page/get-state'](request, undefined),
    'annotations/export': async (request) => (await annotate()).handlers['annotations/export'](request, undefined),
    'page/toggle': () => {
      pageSwitch.toggle();
      settingsChanged();
      return { enabled: pageSwitch.enabled };
    },
    'page/stories-changed': () => {
      if (annotator) void annotator.then((running) => running.storiesChanged()).catch(report);
      else if (pageSwitch.enabled) void reader.rescan().catch(report);
      return undefined;
    },
  };
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isFromThisExtension(sender, browser.runtime.id) || !isContentRequest(message)) return undefined;
    return dispatch(handlers, message, undefined);
  });

  if (enabled) observer.start();
  await firstReading;
}

main().catch(report);
