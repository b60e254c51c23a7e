import { describe, expect, it } from 'vitest';
import { BLOCK_SEPARATOR, normalizeText, toRawSpan } from '../../src/core/normalize';

describe('normalizeText', () => {
  it('unifies quotes, dashes and spaces and drops soft hyphens and zero-width characters', () => {
    const norm = normalizeText('“Pu\u00adtin’s\u00a0view” \u2014 Xi\u200b Jinping');
    expect(norm.text).toBe(`"Putin's view" - Xi Jinping`);
    expect(norm.lower).toBe(`"putin's view" - xi jinping`);
  });

  it('collapses whitespace and turns block separators into newlines', () => {
    const norm = normalizeText(`  one \n\t two${BLOCK_SEPARATOR} three`);
    expect(norm.text).toBe('one two\nthree');
  });

  it('applies NFKC: ligatures and full-width letters fold', () => {
    expect(normalizeText('ﬁnal ＮＡＴＯ').lower).toBe('final nato');
  });

  it('maps every output span back to the exact raw span', () => {
    const raw = 'A\u00adB  “C”\u200bD ﬁ';
    const norm = normalizeText(raw);
    expect(norm.text).toBe('AB "C"D fi');
    expect(norm.text.length).toBe(norm.rawStart.length);
    const quoted = norm.text.indexOf('"C"');
    const [start, end] = toRawSpan(norm, quoted, quoted + 3);
    expect(raw.slice(start, end)).toBe('“C”');
    const lig = norm.text.indexOf('fi');
    expect(raw.slice(...toRawSpan(norm, lig, lig + 2))).toBe('ﬁ');
    const ab = toRawSpan(norm, 0, 2);
    expect(raw.slice(...ab)).toBe('A\u00adB');
  });

  it('keeps emoji and right-to-left text intact and aligned', () => {
    const raw = 'שלום 👋 Putin';
    const norm = normalizeText(raw);
    expect(norm.text).toBe(raw);
    const at = norm.text.indexOf('Putin');
    expect(raw.slice(...toRawSpan(norm, at, at + 5))).toBe('Putin');
  });

  it('composes an ASCII letter with the combining mark after it, inside a run of plain words', () => {
    const raw = 'the Cafe\u0301 de Flore  and cafe\u0301s';
    const norm = normalizeText(raw);
    expect(norm.text).toBe('the Caf\u00e9 de Flore and caf\u00e9s');
    expect(norm.lower).toBe('the caf\u00e9 de flore and caf\u00e9s');
    const e = norm.text.indexOf('\u00e9');
    expect(raw.slice(...toRawSpan(norm, e, e + 1))).toBe('e\u0301');
    expect(raw.slice(...toRawSpan(norm, 0, e + 1))).toBe('the Cafe\u0301');
    const and = norm.text.indexOf('and');
    expect(raw.slice(...toRawSpan(norm, and - 1, and + 3))).toBe('  and');
    expect(raw.slice(...toRawSpan(norm, and, norm.text.length))).toBe('and cafe\u0301s');
  });
});
