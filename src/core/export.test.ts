import { describe, expect, it } from 'vitest';
import { type ExportItem, QUOTE_CONTEXT, toWebAnnotations } from './export';

const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const SOURCE = 'https://news.example/summit';

const text =
  'On Wednesday, Xi Jinping and Vladimir Putin held a video call. It was their 37th meeting since 2013, ' +
  'the Kremlin said, and the two men praised ties that exceed an alliance.';

/** An item over the first occurrence of `words` in the text. */
function over(words: string, category: ExportItem['category'], ...factIds: string[]): ExportItem {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`not in the text: ${words}`);
  return { factIds, category, start, end: start + words.length };
}

const xi = over('Xi Jinping', 'person', 'person:xi-jinping');
const putin = over('Vladimir Putin', 'person', 'person:vladimir-putin');
const claim = over('It was their 37th meeting since 2013', 'claim', 'claim:37th-meeting');
const kremlin = over('Kremlin', 'organization', 'organization:kremlin');

describe('Web Annotation export', () => {
  it('is a collection in the W3C Web Annotation vocabulary', () => {
    const collection = toWebAnnotations([xi, claim], text, SOURCE, 'Summit annotations');
    expect(collection['@context']).toBe(ANNO_CONTEXT);
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.label).toBe('Summit annotations');
    expect(collection.total).toBe(2);
    expect(collection.items).toHaveLength(2);
    for (const item of collection.items) {
      expect(item['@context']).toBe(ANNO_CONTEXT);
      expect(item.type).toBe('Annotation');
      expect(item.target.source).toBe(SOURCE);
    }
  });

  it('selects each highlight by quote, with 32 characters of context, and by position', () => {
    const [annotation] = toWebAnnotations([claim], text, SOURCE, 'x').items;
    expect(annotation!.target.selector).toEqual([
      {
        type: 'TextQuoteSelector',
        exact: 'It was their 37th meeting since 2013',
        prefix: 'Jinping and Vladimir Putin held a video call. '.slice(-QUOTE_CONTEXT),
        suffix: ', the Kremlin said, and the two men praised'.slice(0, QUOTE_CONTEXT),
      },
      { type: 'TextPositionSelector', start: claim.start, end: claim.end },
    ]);
    expect(QUOTE_CONTEXT).toBe(32);
  });

  it('cuts the context short at the ends of the text', () => {
    const first = { factIds: ['event:x'], category: 'event' as const, start: 0, end: 2 };
    const last = { factIds: ['event:y'], category: 'event' as const, start: text.length - 9, end: text.length };
    const [head, tail] = toWebAnnotations([first, last], text, SOURCE, 'x').items;
    expect(head!.target.selector[0]).toEqual({
      type: 'TextQuoteSelector',
      exact: 'On',
      prefix: '',
      suffix: text.slice(2, 2 + QUOTE_CONTEXT),
    });
    expect(tail!.target.selector[0]).toMatchObject({ exact: 'alliance.', suffix: '' });
    expect(tail!.target.selector[0].prefix).toHaveLength(QUOTE_CONTEXT);
    // Fewer than 32 characters before the highlight: all of them.
    const short = 'Then Xi Jinping met Vladimir Putin again.';
    const [near] = toWebAnnotations(
      [{ factIds: ['person:xi-jinping'], category: 'person', start: 5, end: 15 }],
      short,
      SOURCE,
      'x',
    ).items;
    expect(near!.target.selector[0]).toMatchObject({ exact: 'Xi Jinping', prefix: 'Then ', suffix: short.slice(15) });
  });

  it('keeps quote and position selectors in agreement with the text', () => {
    const items = [xi, putin, claim, kremlin, over('two men', 'claim', 'claim:37th-meeting')];
    for (const annotation of toWebAnnotations(items, text, SOURCE, 'x').items) {
      const [quote, position] = annotation.target.selector;
      expect(text.slice(position.start, position.end)).toBe(quote.exact);
      expect(text.slice(position.start - quote.prefix.length, position.end + quote.suffix.length)).toBe(
        quote.prefix + quote.exact + quote.suffix,
      );
    }
  });

  it('names each fact of a highlight in a body of its own, with the category', () => {
    const both = over('the two men', 'claim', 'claim:37th-meeting', 'claim:personal-chemistry');
    const [annotation] = toWebAnnotations([both], text, SOURCE, 'x').items;
    expect(annotation!.body).toEqual([
      { type: 'TextualBody', purpose: 'identifying', value: 'claim:37th-meeting', category: 'claim' },
      { type: 'TextualBody', purpose: 'identifying', value: 'claim:personal-chemistry', category: 'claim' },
    ]);
  });

  it('identifies people, organisations, places and events, and describes statements', () => {
    const motivations = Object.fromEntries(
      (['person', 'organization', 'place', 'event', 'claim', 'quote', 'limit'] as const).map((category) => [
        category,
        toWebAnnotations([{ factIds: [`${category}:a`], category, start: 0, end: 2 }], text, SOURCE, 'x').items[0]!
          .motivation,
      ]),
    );
    expect(motivations).toEqual({
      person: 'identifying',
      organization: 'identifying',
      place: 'identifying',
      event: 'identifying',
      claim: 'describing',
      quote: 'describing',
      limit: 'describing',
    });
  });

  it('lists highlights in text order, the longer first where two start together, without reordering its input', () => {
    const inner = over('Vladimir', 'person', 'person:vladimir-putin');
    const items = [kremlin, inner, claim, putin, xi];
    const copy = structuredClone(items);
    const values = toWebAnnotations(items, text, SOURCE, 'x').items.map((a) => a.target.selector[1]);
    expect(values.map((p) => text.slice(p.start, p.end))).toEqual([
      'Xi Jinping',
      'Vladimir Putin',
      'Vladimir',
      'It was their 37th meeting since 2013',
      'Kremlin',
    ]);
    expect(items).toEqual(copy);
  });

  it('is plain JSON, and empty for a page without highlights', () => {
    const collection = toWebAnnotations([xi, claim], text, SOURCE, 'x');
    expect(JSON.parse(JSON.stringify(collection))).toEqual(collection);
    expect(toWebAnnotations([], text, SOURCE, 'x')).toMatchObject({ total: 0, items: [] });
  });
});
