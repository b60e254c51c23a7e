/**
 * The popup's "Follow this story": shown where the page holds an article
 * (Readability's `isProbablyReaderable`, run in the page by article.js) that
 * is not followed yet. Following reads the article and drafts its story in
 * this page (src/follow/draft.ts, loaded on the click).
 */
import browser from 'webextension-polyfill';
import { FOLLOW_STRINGS } from '../core/follow-strings';
import { FOLLOWED_KEY, readFollowed } from '../core/followed';
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
    status.textContent = FOLLOW_STRINGS.alreadyFollowed;
    button.hidden = true;
    return;
  }
  button.textContent = FOLLOW_STRINGS.followButton;
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.textContent = FOLLOW_STRINGS.following;
    try {
      const full = await readTab(tabId, true);
      if (!full?.article) throw new Error(FOLLOW_STRINGS.notAnArticle);
      const { followArticle } = await import('../follow/draft');
      const story = await followArticle(full.article);
      status.textContent = FOLLOW_STRINGS.followed(story.summary.gist.text);
      button.hidden = true;
    } catch (error) {
      status.textContent = FOLLOW_STRINGS.followFailed(error instanceof Error ? error.message : String(error));
      button.disabled = false;
    }
  });
}
