/**
 * The popup's "Follow this story": shown where the page holds an article
 * (Readability's `isProbablyReaderable`, run in the page by article.js) that
 * is not followed yet. Following reads the article and drafts its story in
 * this page (src/follow/draft.ts, loaded on the click).
 */
import browser from 'webextension-polyfill';
import { FOLLOWED_KEY, readFollowed } from '../core/followed';
import { uiText } from '../core/ui-text';
import { ARTICLE_GLOBAL, ARTICLE_SCRIPT, type ArticleReading } from '../messages';

/** Runs the article reader in the tab's top frame; undefined where no script may run (browser pages). */
async function readTab(tabId: number, full: boolean): Promise<ArticleReading | undefined> {
  try {
    const target = { tabId, frameIds: [0] };
    // From the extension's root: Firefox resolves a relative path against the calling page (src/popup/).
    await browser.scripting.executeScript({ target, files: [`/${ARTICLE_SCRIPT}`] });
    const [injection] = await browser.scripting.executeScript({
      target,
      func: (name: string, whole: boolean) =>
        (Reflect.get(globalThis, name) as (whole: boolean) => ArticleReading)(whole),
      args: [ARTICLE_GLOBAL, full],
    });
    return injection?.result as ArticleReading | undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where stories are followed, compiles them again if the stored compile is for an earlier version of
 * the extension (the worker serves the shipped packs alone until then). The compiler and the packs
 * are loaded only then.
 */
export async function compileFollowedIfStale(): Promise<void> {
  const { stories } = readFollowed((await browser.storage.local.get(FOLLOWED_KEY))[FOLLOWED_KEY]);
  if (stories.length === 0) return;
  const { compileIfStale } = await import('../follow/store');
  await compileIfStale();
}

export async function offerFollow(tabId: number | undefined): Promise<void> {
  if (tabId === undefined) return;
  const box = document.getElementById('follow')!;
  const button = document.getElementById('follow-button') as HTMLButtonElement;
  const status = document.getElementById('follow-status')!;
  const reading = await readTab(tabId, false);
  if (!reading?.readerable) return;
  const { stories } = readFollowed((await browser.storage.local.get(FOLLOWED_KEY))[FOLLOWED_KEY]);
  box.hidden = false;
  if (stories.some((s) => s.followed?.address === reading.address)) {
    status.textContent = uiText('followAlready');
    button.hidden = true;
    return;
  }
  button.textContent = uiText('followButton');
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.textContent = uiText('followDrafting');
    try {
      const full = await readTab(tabId, true);
      if (!full?.article) throw new Error(uiText('followNotAnArticle'));
      const { followArticle } = await import('../follow/draft');
      const story = await followArticle(full.article);
      status.textContent = uiText('followDone', story.summary.gist.text);
      button.hidden = true;
    } catch (error) {
      status.textContent = uiText('followFailed', error instanceof Error ? error.message : String(error));
      button.disabled = false;
    }
  });
}
