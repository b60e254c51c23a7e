/**
 * The order highlights are drawn in: those in the viewport first, in
 * batches that never split a block.
 */
import type { Annotation } from '../core/annotation';
import { partitionPoint } from '../core/partition';
import { DRAW_ANNOTATIONS_PER_STEP } from '../core/timing';
import { locate, type TextIndex } from './text-index';

/**
 * Batches of annotations to draw, those in the viewport first. Annotations
 * are in document order, which is (nearly always) top-to-bottom order, so
 * two binary searches find the visible stretch with a handful of layout
 * reads, all before any of the batches' writes.
 */
export function visibleFirst(annotations: readonly Annotation[], index: TextIndex): Annotation[][] {
  // One batch either way: no need to ask where it is (each layout read may make the browser lay out).
  if (annotations.length <= DRAW_ANNOTATIONS_PER_STEP) return [[...annotations]];
  const rectOf = (a: Annotation) => index.nodes[locate(index, a.start).node]!.parentElement?.getBoundingClientRect();
  const top = partitionPoint(annotations, (a) => (rectOf(a)?.bottom ?? 0) < 0);
  const bottom = partitionPoint(annotations, (a) => (rectOf(a)?.top ?? Infinity) <= window.innerHeight, top);
  const ordered = [...annotations.slice(top, bottom), ...annotations.slice(bottom), ...annotations.slice(0, top)];
  // A block is never split across batches: each batch makes the browser lay its blocks out again,
  // which for one huge paragraph costs far more than drawing all of its marks at once.
  const batches: Annotation[][] = [];
  let batch: Annotation[] = [];
  let block: Element | null | undefined;
  for (const annotation of ordered) {
    const parent = index.nodes[locate(index, annotation.start).node]!.parentElement;
    if (parent !== block && batch.length >= DRAW_ANNOTATIONS_PER_STEP) {
      batches.push(batch);
      batch = [];
    }
    block = parent;
    batch.push(annotation);
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
