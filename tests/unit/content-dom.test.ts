// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { removeLeftovers } from '../../src/content/leftovers';
import { MarkRenderer } from '../../src/content/render-marks';
import { buildTextIndex } from '../../src/content/text-index';
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
