/**
 * The default, element-free renderer on pages that change and pages that fight back. Each page
 * records, from its first script on, every mutation of its body: the extension must add none
 * (its only element is the host after <body>), and the page keeps working.
 */

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Launched } from '../../scripts/chrome';
import type { TwoOrigins } from '../../scripts/serve';
import {
  collectPageErrors,
  counterOf,
  FIXTURE_PROTECTED_STATE,
  frameOf,
  launch,
  protectedState,
  roundTripMs,
  serveFixtures,
  visibleCardText,
  withoutExtension,
} from './harness';

let site: TwoOrigins | undefined;
let browser: Launched | undefined;

/** [category, text, where] of every nic-* range: where is the id of the nearest element with one, or `shadow:` + the host's id. */
type RangeRow = [string, string, string];

function rangesOf(target: Pick<Page, 'evaluate'>): Promise<RangeRow[]> {
  return target.evaluate(() => {
    const rows: [string, string, string][] = [];
    for (const [name, highlight] of CSS.highlights as unknown as Map<string, Set<AbstractRange>>) {
      if (!name.startsWith('nic-')) continue;
      for (const range of highlight) {
        const node = range.startContainer;
        const root = node.getRootNode();
        const where =
          root instanceof ShadowRoot ? `shadow:${root.host.id}` : (node.parentElement?.closest('[id]')?.id ?? '');
        // Highlights are StaticRanges: their text is read through a live Range over the same bounds.
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        rows.push([name.slice(4), live.toString(), where]);
      }
    }
    return rows;
  });
}

/** Rows of `rows` found inside the element `id` (or the shadow root of host `id`). */
const within = (rows: RangeRow[], where: string) => rows.filter((r) => r[2] === where);

/**
 * Installed before any page script: from DOMContentLoaded on (the content script runs after it),
 * records body mutations the page did not make itself (a mark, a split text node, changed text
 * or attributes) and any element added to <html> other than the extension's host.
 */
function recordForeignMutations(): void {
  const foreign: string[] = [];
  (window as unknown as { foreignMutations: string[] }).foreignMutations = foreign;
  const describe = (n: Node | null) =>
    n instanceof Element ? n.tagName.toLowerCase() + (n.id ? `#${n.id}` : '') : String(n?.nodeName);
  const inBody = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of [...record.addedNodes, ...record.removedNodes]) {
        if (node instanceof Element && node.tagName === 'MARK')
          foreign.push(`mark ${record.type} in ${describe(record.target)}`);
      }
      if (record.type === 'characterData') foreign.push(`text in ${describe(record.target.parentNode)} changed`);
      if (record.type === 'attributes') foreign.push(`attribute ${record.attributeName} of ${describe(record.target)}`);
      // A text node split by a renderer shows up as a text node added right after another one.
      if (
        record.type === 'childList' &&
        record.previousSibling?.nodeType === Node.TEXT_NODE &&
        [...record.addedNodes].some((n) => n.nodeType === Node.TEXT_NODE)
      ) {
        foreign.push(`text node split in ${describe(record.target)}`);
      }
    }
  });
  const inHtml = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes)
        if (!(node instanceof Element && node.hasAttribute('data-annotator-ui')))
          foreign.push(`${describe(node)} added to <html>`);
    }
  });
  document.addEventListener('DOMContentLoaded', () => {
    inBody.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    inHtml.observe(document.documentElement, { childList: true });
  });
}

interface Opened {
  page: Page;
  errors: string[];
}

async function open(path: string): Promise<Opened> {
  const page = await browser!.context.newPage();
  const errors = collectPageErrors(page);
  await page.addInitScript(recordForeignMutations);
  await page.goto(`${site!.url}${path}`, { waitUntil: 'load' });
  return { page, errors };
}

async function expectUntouched({ page, errors }: Opened, target: Pick<Page, 'evaluate'> = page): Promise<void> {
  expect(
    await target.evaluate(() => (window as unknown as { foreignMutations: string[] }).foreignMutations),
    'mutations the page did not make',
  ).toEqual([]);
  expect(await target.evaluate(() => document.querySelectorAll('body mark').length), 'marks in the body').toBe(0);
  expect(await protectedState(target), 'protected regions').toEqual(FIXTURE_PROTECTED_STATE);
  expect(errors, 'page errors').toEqual([]);
}

beforeAll(async () => {
  site = await serveFixtures();
  browser = await launch();
});

afterAll(async () => {
  await browser?.context.close();
  await site?.close();
});

describe('element-free highlights on changing and hostile pages', () => {
  it('a page with look-alike words and no story stays quiet: no range, no host element, nothing changed', async () => {
    const opened = await open('unrelated.html');
    const { page } = opened;
    // The summit page in another tab proves the extension is running; this one must stay empty as long.
    const control = await open('dynamic.html');
    await expect.poll(async () => (await rangesOf(control.page)).length, { timeout: 20_000 }).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await rangesOf(page)).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('[data-annotator-ui]').length)).toBe(0);
    const baseline = await withoutExtension(`${site!.url}unrelated.html`, () => document.documentElement.outerHTML);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(baseline);
    await control.page.close();
    await page.close();
  });

  it('a dynamic page: added, replaced and appended text is highlighted, stale ranges go, the page changes nothing it did not change itself', async () => {
    const opened = await open('dynamic.html');
    const { page } = opened;
    await expect
      .poll(async () => within(await rangesOf(page), 'added'), { timeout: 20_000 })
      .toEqual(
        expect.arrayContaining([
          ['person', 'Mr. Putin', 'added'],
          ['person', 'Narendra Modi', 'added'],
        ]),
      );
    expect(within(await rangesOf(page), 'changing')).toEqual(
      expect.arrayContaining([['event', 'Beijing Winter Olympics', 'changing']]),
    );

    await page.evaluate(() => (window as unknown as { replaceChanging: () => void }).replaceChanging());
    await expect
      .poll(async () => within(await rangesOf(page), 'changing'), { timeout: 10_000 })
      .toEqual(
        expect.arrayContaining([
          ['person', 'Karen Donfried', 'changing'],
          ['person', 'Dmitri Rogozin', 'changing'],
        ]),
      );
    // Nothing left of the replaced text: every range is in the document, none on a detached node.
    expect(
      await page.evaluate(() =>
        [...(CSS.highlights as unknown as Map<string, Set<AbstractRange>>).values()].every((h) =>
          [...h].every((r) => r.startContainer.isConnected),
        ),
      ),
    ).toBe(true);
    expect((await rangesOf(page)).some(([, text]) => text === 'Beijing Winter Olympics')).toBe(false);

    await page.evaluate(() => (window as unknown as { appendLate: () => void }).appendLate());
    await expect
      .poll(async () => within(await rangesOf(page), 'added-late'), { timeout: 10_000 })
      .toEqual(expect.arrayContaining([['person', 'Joe Biden', 'added-late']]));

    const before = await counterOf(page);
    await expect.poll(() => counterOf(page), { timeout: 5_000 }).toBeGreaterThan(before + 3);
    await expectUntouched(opened);
    await page.close();
  });

  it('a storm of ~1000 node changes a second: responsive, counter running, the article highlighted, no foreign mutation', async () => {
    const opened = await open('storm.html');
    const { page } = opened;
    let slowest = 0;
    while (!(await page.evaluate(() => (window as unknown as { stormDone: boolean }).stormDone))) {
      slowest = Math.max(slowest, await roundTripMs(page, 5_000));
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(slowest, 'slowest round trip during the storm (ms)').toBeLessThan(3_000);
    await expect
      .poll(async () => within(await rangesOf(page), 'story').map((r) => r[1]), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['Xi Jinping', 'Vladimir Putin']));
    await expectUntouched(opened);
    await page.close();
  });

  it('a 5 MB single text node with ~3,000 person highlights: listed, painted near the viewport only, never split, the page answering throughout', async () => {
    const opened = await open('huge.html?every=1');
    const { page } = opened;
    const listed = () =>
      page.evaluate(() => document.querySelectorAll('[data-annotator-ui] [data-category=person]').length);
    const painted = () =>
      page.evaluate(() => (CSS.highlights.get('nic-person') as unknown as Set<Range> | undefined)?.size ?? 0);
    const started = Date.now();
    let slowest = 0;
    while ((await listed()) < 2_000) {
      slowest = Math.max(slowest, await roundTripMs(page, 5_000));
      if (Date.now() - started > 60_000) throw new Error(`only ${await listed()} person highlights listed after 60 s`);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(slowest, 'slowest round trip while the page was read (ms)').toBeLessThan(3_000);
    // Only those near the viewport are registered with the browser; scrolling brings others in.
    await expect.poll(painted, { timeout: 5_000 }).toBeGreaterThan(0);
    expect(await painted()).toBeLessThan(await listed());
    const farRange = () =>
      page.evaluate(() =>
        [...(CSS.highlights.get('nic-person') as unknown as Set<AbstractRange>)]
          .map((r: AbstractRange) => {
            // Highlights are StaticRanges: text and boxes are read through a live Range over the same bounds.
            const l = document.createRange();
            l.setStart(r.startContainer, r.startOffset);
            l.setEnd(r.endContainer, r.endOffset);
            return l;
          })
          .some((r) => r.getBoundingClientRect().top > 0 && r.getBoundingClientRect().bottom < innerHeight),
      );
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    await expect.poll(farRange, { timeout: 5_000 }).toBe(true);
    // Still one text node: ranges never split it.
    expect(await page.evaluate(() => document.getElementById('huge')!.childNodes.length)).toBe(1);
    await expectUntouched(opened);
    await page.close();
  });

  it('1,500 nested elements, right-to-left text with emoji: ranges cover exactly the names', async () => {
    const nested = await open('nested.html');
    await expect
      .poll(async () => within(await rangesOf(nested.page), 'deep').map((r) => r[1]), { timeout: 20_000 })
      .toEqual(expect.arrayContaining(['Xi Jinping', 'Yuri Ushakov']));
    await expectUntouched(nested);
    await nested.page.close();

    const rtl = await open('rtl-emoji.html');
    for (const id of ['hebrew', 'arabic', 'mixed']) {
      await expect
        .poll(async () => within(await rangesOf(rtl.page), id).sort(), { timeout: 20_000 })
        .toEqual([
          ['person', 'Putin', id],
          ['person', 'Xi', id],
        ]);
    }
    const baseline = await withoutExtension(`${site!.url}rtl-emoji.html`, () => document.body.innerHTML);
    expect(await rtl.page.evaluate(() => document.body.innerHTML)).toBe(baseline);
    await expectUntouched(rtl);
    await rtl.page.close();
  });

  it('markup-looking text next to names: ranges on the names, no dialog, the body as without the extension', async () => {
    const opened = await open('html-text.html');
    const dialogs: string[] = [];
    opened.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss().catch(() => {});
    });
    await expect
      .poll(async () => within(await rangesOf(opened.page), 'tricky2').map((r) => r[1]), { timeout: 20_000 })
      .toEqual(expect.arrayContaining(['Xi Jinping', 'Putin']));
    expect(within(await rangesOf(opened.page), 'tricky').map((r) => r[1])).toEqual(['Putin']);
    const baseline = await withoutExtension(`${site!.url}html-text.html`, () => document.body.innerHTML);
    expect(await opened.page.evaluate(() => document.body.innerHTML)).toBe(baseline);
    // The entries hold the page's text as text: nothing in them was parsed.
    expect(await opened.page.evaluate(() => document.querySelectorAll('[data-annotator-ui] mark *').length)).toBe(0);
    expect(dialogs).toEqual([]);
    await expectUntouched(opened);
    await opened.page.close();
  });

  it('page CSS against marks, everything and ::highlight(): the list stays reachable by Tab and its card is visible', async () => {
    const opened = await open('hostile-css.html');
    const { page } = opened;
    await expect
      .poll(async () => within(await rangesOf(page), 'second').length, { timeout: 20_000 })
      .toBeGreaterThan(0);
    let reached = false;
    for (let i = 0; i < 10 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(
        () =>
          !!document.activeElement?.closest('[data-annotator-ui]') &&
          document.activeElement?.hasAttribute('data-fact-id') === true,
      );
    }
    expect(reached, 'Tab reached the highlight list despite mark { display: none !important }').toBe(true);
    await expect.poll(() => visibleCardText(page), { timeout: 5_000 }).toContain('15 Dec 2021');
    await expectUntouched(opened);
    await page.close();
  });

  it('a web component: ranges inside its open shadow root, and hovering one opens the card', async () => {
    const opened = await open('shadow.html');
    const { page } = opened;
    await expect
      .poll(async () => within(await rangesOf(page), 'shadow:card').map((r) => r[1]), { timeout: 20_000 })
      .toEqual(expect.arrayContaining(['Xi Jinping', 'Vladimir Putin']));
    const point = await page.evaluate(() => {
      const range = [...(CSS.highlights.get('nic-person') as unknown as Set<AbstractRange>)]
        .map((r: AbstractRange) => {
          // Highlights are StaticRanges: text and boxes are read through a live Range over the same bounds.
          const l = document.createRange();
          l.setStart(r.startContainer, r.startOffset);
          l.setEnd(r.endContainer, r.endOffset);
          return l;
        })
        .find((r) => r.startContainer.getRootNode() instanceof ShadowRoot)!;
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => visibleCardText(page), { timeout: 5_000 }).toContain('15 Dec 2021');
    expect(
      await page.evaluate(() => document.getElementById('card')!.shadowRoot!.querySelectorAll('mark').length),
    ).toBe(0);
    await expectUntouched(opened);
    await page.close();
  });

  it('frames: the same-origin one gets ranges, the cross-origin one nothing', async () => {
    const opened = await open(`iframes.html?other=${encodeURIComponent(site!.otherUrl)}`);
    const { page } = opened;
    const same = await frameOf(page, 'same');
    const cross = await frameOf(page, 'cross');
    await expect
      .poll(async () => within(await rangesOf(same), 'framed').map((r) => r[1]), { timeout: 20_000 })
      .toEqual(expect.arrayContaining(['Xi Jinping', 'Vladimir Putin']));
    await expect.poll(async () => (await rangesOf(page)).length, { timeout: 20_000 }).toBeGreaterThan(0);
    // As long again as the same-origin frame took: the cross-origin one stays empty.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await rangesOf(cross)).toEqual([]);
    expect(await cross.evaluate(() => document.querySelectorAll('[data-annotator-ui]').length)).toBe(0);
    await expectUntouched(opened);
    expect(await protectedState(same)).toEqual(FIXTURE_PROTECTED_STATE);
    expect(await protectedState(cross)).toEqual(FIXTURE_PROTECTED_STATE);
    await page.close();
  });
});
