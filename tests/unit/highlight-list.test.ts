// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { HighlightList, type ListGroup } from '../../src/content/highlight-list';
import { UiHost } from '../../src/content/ui-host';
import type { Annotation } from '../../src/core/annotation';
import { englishText } from '../../src/core/english';
import { useLookup } from '../../src/core/ui-text';

// The extension's pages read the catalogues through browser.i18n; here, the English one.
useLookup(englishText);

const at = (start: number, id = `person:p${start}`): Annotation => ({
  factIds: [id],
  category: 'person',
  start,
  end: start + 2,
});

/** One entry, added as a batch of one. */
const addOne = (group: ListGroup, annotation: Annotation, text: string): HTMLElement =>
  group.addMany([annotation], [text])[0]!;

function entries(): { ids: string; tab: number }[] {
  return [...document.querySelectorAll<HTMLElement>('[data-annotator-ui] [data-fact-id]')].map((e) => ({
    ids: e.getAttribute('data-fact-id')!,
    tab: e.tabIndex,
  }));
}

describe('highlight list (element-free mode)', () => {
  let list: HighlightList;
  beforeEach(() => {
    for (const e of document.documentElement.querySelectorAll('[data-annotator-ui]')) e.remove();
    list = new HighlightList(new UiHost());
  });

  it('is not in the page until it has an entry, then lives in the host outside <body>', () => {
    const group = list.group();
    expect(document.querySelector('[data-annotator-ui]')).toBeNull();
    addOne(group, at(5), 'Xi');
    const host = document.querySelector('[data-annotator-ui]')!;
    expect(host.parentElement).toBe(document.documentElement);
    expect(document.body.contains(host)).toBe(false);
    expect(host.querySelector('mark')!.textContent).toBe('Xi');
    expect(host.querySelector('mark')!.getAttribute('data-category')).toBe('person');
  });

  it('keeps entries in text order whatever order they arrive in (visible part first), with one tab stop on the first', () => {
    const group = list.group();
    for (const start of [50, 60, 70, 10, 20, 65]) addOne(group, at(start), 'x');
    expect(entries().map((e) => e.ids)).toEqual([
      'person:p10',
      'person:p20',
      'person:p50',
      'person:p60',
      'person:p65',
      'person:p70',
    ]);
    expect(entries().map((e) => e.tab)).toEqual([0, -1, -1, -1, -1, -1]);
  });

  it('moves the tab stop when its entry is removed, and leaves nothing behind when cleared', () => {
    const group = list.group();
    const first = addOne(group, at(1), 'a');
    addOne(group, at(2), 'b');
    addOne(group, at(3), 'c');
    group.remove(new Set([first]));
    expect(entries()).toEqual([
      { ids: 'person:p2', tab: 0 },
      { ids: 'person:p3', tab: -1 },
    ]);
    group.clear();
    expect(entries()).toEqual([]);
    expect(document.querySelectorAll('[data-annotator-ui] *').length).toBe(0);
  });

  it("removes and clears one group's entries only, leaving the groups before and after in order", () => {
    const groups = [list.group(), list.group(), list.group()];
    const middle = groups.map((group, g) => [
      addOne(group, at(10 * g + 1), 'a'),
      addOne(group, at(10 * g + 2), 'b'),
    ])[1]!;
    groups[1]!.remove(new Set([middle[0]!]));
    expect(entries().map((e) => e.ids)).toEqual(['person:p1', 'person:p2', 'person:p12', 'person:p21', 'person:p22']);
    groups[1]!.clear();
    groups[0]!.remove(new Set([middle[1]!]));
    expect(entries().map((e) => e.ids)).toEqual(['person:p1', 'person:p2', 'person:p21', 'person:p22']);
  });

  it('arrow keys, Home and End move focus within the list', () => {
    const group = list.group();
    const made = [1, 2, 3].map((s) => addOne(group, at(s), String(s)));
    made[0]!.focus();
    const press = (key: string) =>
      (document.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    press('ArrowDown');
    expect(document.activeElement).toBe(made[1]);
    press('End');
    expect(document.activeElement).toBe(made[2]);
    press('ArrowDown');
    expect(document.activeElement).toBe(made[2]);
    press('Home');
    expect(document.activeElement).toBe(made[0]);
    expect(made.map((m) => m.tabIndex)).toEqual([0, -1, -1]);
  });

  it("keeps every entry in one box, the host's only child, and adds a batch in text order with one insertion per run", () => {
    const group = list.group();
    const batch = [30, 40, 50, 10, 20].map((s) => at(s));
    const made = group.addMany(batch, ['c', 'd', 'e', 'a', 'b']);
    expect(made.map((m) => m.textContent)).toEqual(['c', 'd', 'e', 'a', 'b']);
    const host = document.querySelector('[data-annotator-ui]')!;
    expect(host.children.length).toBe(1);
    expect([...host.children[0]!.children].map((e) => e.textContent)).toEqual(['a', 'b', 'c', 'd', 'e']);
    // A run that straddles entries already listed goes in entry by entry, still in text order.
    group.addMany([at(15), at(35), at(45)], ['x', 'y', 'z']);
    expect(entries().map((e) => e.ids)).toEqual([10, 15, 20, 30, 35, 40, 45, 50].map((s) => `person:p${s}`));
    expect(entries().map((e) => e.tab)).toEqual([0, -1, -1, -1, -1, -1, -1, -1]);
    // Entries of one fact share their labels, not their element.
    const two = group.addMany([at(60, 'person:same'), at(70, 'person:same')], ['p', 'q']);
    expect(two[0]).not.toBe(two[1]);
    expect(two.map((e) => e.getAttribute('data-fact-id'))).toEqual(['person:same', 'person:same']);
    group.clear();
    expect(host.children.length).toBe(0);
  });

  it("shields the entries with inline styles only where the page's CSS would hide them", () => {
    const plain = list.group();
    addOne(plain, at(1), 'a');
    expect(document.querySelector<HTMLElement>('[data-annotator-ui] mark')!.style.display).toBe('');
    plain.clear();
    for (const e of document.documentElement.querySelectorAll('[data-annotator-ui]')) e.remove();
    const style = document.createElement('style');
    style.textContent = 'mark { display: none !important; }';
    document.head.append(style);
    try {
      const hostile = new HighlightList(new UiHost()).group();
      addOne(hostile, at(1), 'a');
      addOne(hostile, at(2), 'b');
      const marks = [...document.querySelectorAll<HTMLElement>('[data-annotator-ui] mark')];
      expect(marks.map((m) => m.style.getPropertyValue('display'))).toEqual(['inline', 'inline']);
      expect(marks.map((m) => m.style.getPropertyPriority('display'))).toEqual(['important', 'important']);
    } finally {
      style.remove();
    }
  });

  it("held, makes its entries outside the page's document and puts them in once, on release", () => {
    const group = list.group();
    list.hold();
    const made = group.addMany([at(10), at(20)], ['a', 'b']);
    addOne(group, at(5), 'c');
    expect(document.querySelector('[data-annotator-ui]')).toBeNull();
    expect(made[0]!.ownerDocument).not.toBe(document);
    list.release();
    expect(entries()).toEqual([
      { ids: 'person:p5', tab: 0 },
      { ids: 'person:p10', tab: -1 },
      { ids: 'person:p20', tab: -1 },
    ]);
    expect(made[0]!.ownerDocument).toBe(document);
    // Once the list is in the page, a hold does not take it out: later entries go in at once.
    list.hold();
    addOne(group, at(30), 'd');
    expect(entries().map((e) => e.ids)).toContain('person:p30');
    list.release();
  });
});
