/**
 * The page as regions: the body on a full reading, open shadow roots inside
 * it, and subtrees a dynamic page added or changed later. Each region keeps
 * the text index it was read with, what the worker found in that text, and
 * the renderer that draws it.
 */
import type { Annotation } from '../core/annotation';
import type { RegionFindings } from '../core/page-analysis';
import type { ChangedArea } from './changed-area';
import type { Renderer } from './renderer';
import { locate, type TextIndex, TextIndexBuilder } from './text-index';

/** The body, an open shadow root inside it, or a block a dynamic page changed. */
export type Root = HTMLElement | ShadowRoot;

export interface Region {
  root: Root;
  index: TextIndex;
  findings: RegionFindings;
  renderer: Renderer;
  /** What the settings let through, drawn now. */
  shown: Annotation[];
}

/** A root read, waiting for the worker's findings. */
export interface ReadRoot {
  root: Root;
  index: TextIndex;
}

/**
 * Reads `roots` and every open shadow root found inside them, in steps of
 * `nodesPerStep` text nodes with `pause` in between. Undefined when `pause`
 * gives up (a newer reading started).
 */
export async function readRoots(
  roots: readonly Root[],
  nodesPerStep: number,
  pause: () => Promise<boolean>,
): Promise<ReadRoot[] | undefined> {
  const queue = [...roots];
  const read: ReadRoot[] = [];
  for (let r = 0; r < queue.length; r++) {
    const builder = new TextIndexBuilder(queue[r]!);
    while (!builder.step(nodesPerStep)) if (!(await pause())) return undefined;
    queue.push(...builder.shadowRoots);
    read.push({ root: queue[r]!, index: builder.result() });
  }
  return read;
}

/**
 * The annotations whose text is still as it was read: the page may have
 * changed it while the worker was reading (those changes are queued for a
 * reading of their own).
 */
export function stillInPlace(index: TextIndex, annotations: readonly Annotation[]): Annotation[] {
  const intact = (offset: number) => {
    const at = locate(index, offset).node;
    const node = index.nodes[at]!;
    return node.isConnected && node.data.length === index.lengths[at];
  };
  return annotations.filter((a) => intact(a.start) && intact(Math.max(a.start, a.end - 1)));
}

/**
 * Drops a region's annotations inside a subtree being re-read (or whose text
 * the page has removed): the subtree's new region stands for them now.
 */
export function forgetWithin(region: Region, area: ChangedArea): void {
  const keep = (a: Annotation) => {
    const node = region.index.nodes[locate(region.index, a.start).node]!;
    return node.isConnected && !area.texts.has(node);
  };
  region.shown = region.shown.filter(keep);
  region.findings = {
    annotations: region.findings.annotations.filter(keep),
    similar: region.findings.similar.filter(keep),
  };
}

/** Forgets a region's findings on text nodes no longer in the page; true if there were any. */
export function dropDetached(region: Region): boolean {
  const attached = (a: Annotation) => region.index.nodes[locate(region.index, a.start).node]!.isConnected;
  const annotations = region.findings.annotations.filter(attached);
  const similar = region.findings.similar.filter(attached);
  if (annotations.length === region.findings.annotations.length && similar.length === region.findings.similar.length)
    return false;
  region.findings = { annotations, similar };
  return true;
}

/** The smallest set of roots covering these, none inside another. */
export function outermost<T extends Node>(roots: Iterable<T>): T[] {
  const list = [...new Set(roots)].filter((root) => root.isConnected);
  return list.filter((root) => !list.some((other) => other !== root && other.contains(root)));
}
