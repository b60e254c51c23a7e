/**
 * Export as a W3C Web Annotation collection: per highlight, a body naming the
 * fact and a target with a quote selector (exact text, 32 characters either
 * side) and a position selector (offsets into the page's full text).
 */
import type { Category } from './categories';

export const QUOTE_CONTEXT = 32;

export interface ExportItem {
  factIds: string[];
  category: Category;
  /** Offsets into `fullText`. */
  start: number;
  end: number;
}

export interface WebAnnotation {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  type: 'Annotation';
  motivation: 'identifying' | 'describing';
  body: { type: 'TextualBody'; purpose: 'identifying'; value: string; category: Category }[];
  target: {
    source: string;
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
  };
}

export interface AnnotationCollection {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  type: 'AnnotationCollection';
  label: string;
  total: number;
  items: WebAnnotation[];
}

export function toWebAnnotations(
  items: readonly ExportItem[],
  fullText: string,
  source: string,
  label: string,
): AnnotationCollection {
  const sorted = [...items].sort((a, b) => a.start - b.start || b.end - a.end);
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    label,
    total: sorted.length,
    items: sorted.map((item) => ({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      motivation:
        item.category === 'person' ||
        item.category === 'organization' ||
        item.category === 'place' ||
        item.category === 'event'
          ? 'identifying'
          : 'describing',
      body: item.factIds.map((id) => ({
        type: 'TextualBody',
        purpose: 'identifying',
        value: id,
        category: item.category,
      })),
      target: {
        source,
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: fullText.slice(item.start, item.end),
            prefix: fullText.slice(Math.max(0, item.start - QUOTE_CONTEXT), item.start),
            suffix: fullText.slice(item.end, item.end + QUOTE_CONTEXT),
          },
          { type: 'TextPositionSelector', start: item.start, end: item.end },
        ],
      },
    })),
  };
}
