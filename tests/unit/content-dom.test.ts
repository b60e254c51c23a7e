// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { removeLeftovers } from '../../src/content/leftovers';
import { MarkRenderer } from '../../src/content/render-marks';
import { buildTextIndex, readText, TextIndexBuilder } from '../../src/content/text-index';
import { UI_HOST_ATTRIBUTE } from '../../src/content/ui-host';
import { annotate } from '../../src/core/annotate';
import { miniMatcher } from './helpers';

const matcher = miniMatcher();

function setBody(html: string) {
  // Test fixture markup only; the extension itself never parses HTML strings.
  document.body.innerHTML = html;
}

describe('text index', () => {
  beforeEach(() => setBody(''));

  it('joins inline elements and separates blocks', () => {
    setBody('<p><a href="#">Vladimir V.</a> <b>Putin</b> spoke.</p><p>Next</p>');
    const index = buildTextIndex(document.body);
    expect(index.text).toBe('Vladimir V. Putin spoke.\u2029Next');
  });

  it('skips protected regions', () => {
    setBody(
      '<p>Xi</p><script>var a = "Putin"</script><textarea>Putin</textarea><div contenteditable="true"><b>Putin</b></div>' +
        '<svg><text>Putin</text></svg><pre><code>Putin</code></pre><code>Putin</code><p>end</p>',
    );
    const index = buildTextIndex(document.body);
    expect(index.text).not.toContain('Putin');
    expect(index.text).toContain('Xi');
    expect(index.text).toContain('end');
  });
});

describe('the text alone (readText)', () => {
  beforeEach(() => setBody(''));

  /** Reads the body both ways: the same text, and the same shadow roots to read next. */
  function bothWays(): { text: string; shadowRoots: ShadowRoot[] } {
    const mapped = new TextIndexBuilder(document.body);
    const alone = new TextIndexBuilder(document.body, false);
    mapped.step();
    alone.step();
    expect(alone.text()).toBe(mapped.result().text);
    expect(alone.shadowRoots).toEqual(mapped.shadowRoots);
    expect(readText(document.body)).toBe(mapped.result().text);
    return { text: alone.text(), shadowRoots: alone.shadowRoots };
  }

  it.each([
    ['inline elements and blocks', '<p><a href="#">Vladimir V.</a> <b>Putin</b> spoke.</p><p>Next</p>'],
    ['text around blocks in a block', '<div>intro<p>Xi <em>Jinping</em></p>middle<p>Putin</p>outro</div>'],
    ['line breaks inside a block', '<p>Xi Jinping<br>Vladimir Putin</p><p>a<b>b<br></b>c</p>'],
    ['a protected element inside a block', '<p>Xi <code>Putin</code> spoke <button>Putin</button> again</p>'],
    ['an editable inline element', '<p>Xi <b contenteditable="true">Putin</b> spoke</p>'],
    ['whitespace between blocks', '<article>\n  <h1>Title</h1>\n  <p>One</p>\n  <p>Two</p>\n</article>'],
    ['lists and tables', '<ul><li>One <b>two</b></li><li>Three</li></ul><table><tr><td>a</td><td>b</td></tr></table>'],
    ['a span and a custom element', '<p>Xi <span>Jinping</span> and <x-name>Putin</x-name></p>'],
    ['empty blocks', '<p></p><p><b></b></p><div><p>after</p></div>'],
  ])('is the text the index reads: %s', (_, html) => {
    setBody(html);
    expect(bothWays().text.length).toBeGreaterThan(0);
  });

  it('is the text the index reads with empty text nodes, and open shadow roots found where they are', () => {
    setBody('<p id="a">Xi</p><p id="b"></p><p>one <span id="host">two</span> three</p><div id="block">four</div>');
    // Empty text nodes: the parser never makes them, scripts can; they count for the separators.
    document.getElementById('b')!.append(document.createTextNode(''), document.createTextNode(''));
    document.getElementById('host')!.attachShadow({ mode: 'open' }).append('inside the span');
    document.getElementById('block')!.attachShadow({ mode: 'open' }).append('inside the block');
    expect(bothWays().shadowRoots).toHaveLength(2);
  });

  it('is the text the index reads on the demo page', () => {
    const html = readFileSync('demo/index.html', 'utf8');
    setBody(html.slice(html.indexOf('>', html.indexOf('<body')) + 1, html.indexOf('</body>')));
    expect(bothWays().text).toContain('Putin');
  });

  it("reads a block of plain text whole, with one textContent, and does not read its nodes' text one by one", () => {
    setBody('<p id="plain">Xi <b>Jinping</b> and <a href="#">Putin</a></p><p id="broken">Xi<br>Putin</p>');
    const reads = { plain: 0, broken: 0 };
    // Each block's textContent, counted (given as a string: the DOM's own getter reads the nodes' data).
    for (const [id, text] of [
      ['plain', 'Xi Jinping and Putin'],
      ['broken', 'XiPutin'],
    ] as const) {
      Object.defineProperty(document.getElementById(id)!, 'textContent', {
        get() {
          reads[id]++;
          return text;
        },
      });
    }
    const dataReads = vi.spyOn(Text.prototype, 'data', 'get');
    expect(readText(document.body)).toBe('Xi Jinping and Putin\u2029Xi\u2029Putin');
    expect(reads).toEqual({ plain: 1, broken: 0 });
    // Only the block with a line break is read node by node.
    expect(dataReads.mock.contexts.map((node) => (node as Text).parentElement?.id)).toEqual(['broken', 'broken']);
    dataReads.mockRestore();
  });
});

describe('mark renderer', () => {
  const page =
    '<h1>Video call, December 2021</h1><p>Xi Jinping and <a href="#">Vladimir V.</a> <b>Putin</b> talked about China.</p>' +
    '<p>It was the 37th meeting of the two men since 2013.</p><textarea>Putin</textarea>';

  it('marks a name split across elements as one mention, and statements around entities', () => {
    setBody(page);
    const index = buildTextIndex(document.body);
    const result = annotate(matcher, index.text);
    const renderer = new MarkRenderer(document.body, index);
    renderer.render(result.annotations);
    const putin = [...document.querySelectorAll('mark[data-fact-id="person:vladimir-putin"]')].map(
      (m) => m.textContent,
    );
    expect(putin.join('')).toBe('Vladimir V. Putin');
    expect(putin.length).toBeGreaterThan(1);
    const claim = document.querySelector('mark[data-category="claim"]');
    expect(claim?.getAttribute('data-fact-id')).toBe('claim:37th-meeting');
    expect(document.querySelector('textarea')!.value).toBe('Putin');
    expect(renderer.count).toBe(result.annotations.length);
  });

  it('clear() restores the very same text nodes with their text', () => {
    setBody(page);
    const before = [...document.body.querySelectorAll('p, h1, a, b')].flatMap((el) => [...el.childNodes]);
    const html = document.body.innerHTML;
    const index = buildTextIndex(document.body);
    const renderer = new MarkRenderer(document.body, index);
    renderer.render(annotate(matcher, index.text).annotations);
    expect(document.querySelectorAll('mark').length).toBeGreaterThan(0);
    renderer.clear();
    expect(document.querySelectorAll('mark').length).toBe(0);
    expect(document.body.innerHTML).toBe(html);
    const after = [...document.body.querySelectorAll('p, h1, a, b')].flatMap((el) => [...el.childNodes]);
    expect(after.length).toBe(before.length);
    after.forEach((node, i) => {
      expect(node).toBe(before[i]);
    });
  });
});

describe('mark renderer nesting', () => {
  it('nests entity highlights inside a highlighted sentence and marks what follows it', () => {
    setBody(
      '<h1>Video call, December 2021</h1><p>Intro. It was the 37th meeting of Xi Jinping and Putin since 2013. More about China.</p>',
    );
    const index = buildTextIndex(document.body);
    new MarkRenderer(document.body, index).render(annotate(matcher, index.text).annotations);
    const claim = document.querySelector('mark[data-category="claim"]')!;
    expect(claim.querySelector('mark[data-fact-id="person:xi-jinping"]')?.textContent).toBe('Xi Jinping');
    expect(claim.querySelector('mark[data-fact-id="person:vladimir-putin"]')?.textContent).toBe('Putin');
    expect(document.querySelector('mark[data-fact-id="place:china"]')?.textContent).toBe('China');
  });
});

describe('mark renderer on a very large block', () => {
  const sentence =
    'In a video call in December 2021, Xi Jinping told Vladimir Putin it was their 37th meeting since 2013. Filler words here. ';

  it('marks every mention, nests entities in statements, and restores the original node', () => {
    setBody(`<p id="big">${sentence.repeat(600)}</p>`);
    const big = document.getElementById('big')!;
    const original = big.firstChild as Text;
    const data = original.data;
    expect(data.length).toBeGreaterThan(50_000);
    const index = buildTextIndex(document.body);
    const annotations = annotate(matcher, index.text).annotations;
    const renderer = new MarkRenderer(document.body, index);
    renderer.render(annotations);
    expect(document.querySelectorAll('mark[data-category="claim"]').length).toBe(600);
    expect(document.querySelectorAll('mark[data-category="claim"] mark[data-fact-id="person:xi-jinping"]').length).toBe(
      600,
    );
    expect(
      [...document.querySelectorAll('mark[data-fact-id="person:vladimir-putin"]')].every(
        (m) => m.textContent === 'Vladimir Putin',
      ),
    ).toBe(true);
    expect(big.textContent).toBe(data);
    expect(renderer.count).toBe(annotations.length);
    renderer.clear();
    expect(big.childNodes.length).toBe(1);
    expect(big.firstChild).toBe(original);
    expect(original.data).toBe(data);
  });
});

describe('mark renderer on a page with many highlights', () => {
  it('draws the same markup through the linear wrapper as through mark.js, and restores the page', () => {
    const html = Array.from(
      { length: 30 },
      (_, i) =>
        `<p>Paragraph ${i}: In a video call in December 2021, Xi Jinping told <b>Vladimir</b> Putin it was their 37th meeting since 2013.</p>`,
    ).join('');
    const draw = (expected: number) => {
      setBody(html);
      const index = buildTextIndex(document.body);
      const renderer = new MarkRenderer(document.body, index, expected);
      renderer.render(annotate(matcher, index.text).annotations);
      const markup = document.body.innerHTML;
      renderer.clear();
      expect(document.body.innerHTML).toBe(html);
      return markup;
    };
    const viaMarkJs = draw(0);
    const viaWrapper = draw(100_000);
    expect(viaMarkJs).toContain('data-fact-id="claim:37th-meeting"');
    expect(viaWrapper).toBe(viaMarkJs);
  });
});

describe('leftovers of a previous copy of the content script', () => {
  it('are taken away: the host, and the marks, leaving the text as it was', () => {
    setBody(
      '<h1>Video call, December 2021</h1><p>It was the 37th meeting of Xi Jinping and Putin since 2013.</p><p>Putin <b>agreed</b>.</p>',
    );
    const text = document.body.textContent;
    const index = buildTextIndex(document.body);
    new MarkRenderer(document.body, index).render(annotate(matcher, index.text).annotations);
    const host = document.createElement('div');
    host.setAttribute(UI_HOST_ATTRIBUTE, '');
    document.documentElement.append(host);
    expect(document.querySelectorAll('mark mark').length, 'entity marks nested in a statement mark').toBeGreaterThan(0);

    removeLeftovers(document);
    expect(document.querySelectorAll('mark').length).toBe(0);
    expect(document.querySelectorAll(`[${UI_HOST_ATTRIBUTE}]`).length).toBe(0);
    expect(document.body.textContent).toBe(text);
    expect(document.querySelector('b')?.textContent).toBe('agreed');
  });
});
