/**
 * The page's annotations as a W3C Web Annotation collection. Positions are
 * offsets into document.body.textContent. Marking splits text nodes, but the
 * original node stays the first piece at the same position, so the offsets
 * are the same whichever renderer drew the page.
 */
import type { Annotation } from '../core/annotation';
import { type AnnotationCollection, toWebAnnotations } from '../core/export';
import { locate, type TextIndex } from './text-index';

const SHOW_TEXT = 0x4;

export interface ExportRegion {
  index: TextIndex;
  annotations: readonly Annotation[];
}

export function exportAnnotations(
  body: HTMLElement,
  regions: readonly ExportRegion[],
  label: string,
): AnnotationCollection {
  const starts = new Map<Node, number>();
  const parts: string[] = [];
  let offset = 0;
  const walker = body.ownerDocument.createTreeWalker(body, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    starts.set(node, offset);
    parts.push(data);
    offset += data.length;
  }
  const fullText = parts.join('');
  const items = regions.flatMap(({ index, annotations }) =>
    annotations.flatMap((annotation) => {
      const first = locate(index, annotation.start);
      const last = locate(index, Math.max(annotation.start, annotation.end - 1));
      const start = starts.get(index.nodes[first.node]!);
      const end = starts.get(index.nodes[last.node]!);
      if (start === undefined || end === undefined) return []; // the page removed that text since
      return [
        {
          factIds: annotation.factIds,
          category: annotation.category,
          start: start + first.offset,
          end: end + last.offset + 1,
        },
      ];
    }),
  );
  return toWebAnnotations(items, fullText, location.href, label);
}
