/** Assertions shared by the Chromium and the Firefox end-to-end tests. */
import { expect } from 'vitest';

/** One W3C Web Annotation as the content script exports it. */
export interface ExportedAnnotation {
  type: string;
  body: { value: string; category: string }[];
  target: {
    source: string;
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
  };
}
export interface ExportedCollection {
  type: string;
  total: number;
  items: ExportedAnnotation[];
}

/** Every item's selectors point at its quote, with its prefix and suffix, in `bodyText`. */
export function checkExportSelectors(collection: ExportedCollection, bodyText: string): void {
  expect(collection.items.length).toBeGreaterThan(0);
  expect(collection.total).toBe(collection.items.length);
  for (const item of collection.items) {
    const [quote, position] = item.target.selector;
    expect(quote.type).toBe('TextQuoteSelector');
    expect(position.type).toBe('TextPositionSelector');
    expect(item.body.length).toBeGreaterThan(0);
    expect(bodyText.slice(position.start, position.end), JSON.stringify(item.body)).toBe(quote.exact);
    expect(bodyText.slice(Math.max(0, position.start - quote.prefix.length), position.start)).toBe(quote.prefix);
    expect(bodyText.slice(position.end, position.end + quote.suffix.length)).toBe(quote.suffix);
  }
}

/** The fact ids of an export, de-duplicated and sorted. */
export function exportedFactIds(collection: ExportedCollection): string[] {
  return [...new Set(collection.items.flatMap((i) => i.body.map((b) => b.value)))].sort();
}
