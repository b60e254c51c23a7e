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

/** A root's text, read to be analysed. */
export interface RootText {
  root: Root;
  text: string;
}

/** A root read with its map to text nodes, to be drawn on. */
export interface ReadRoot extends RootText {
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
  const read = await readInSteps(roots, true, nodesPerStep, pause);
  return read?.map(({ root, builder }) => {
    const index = builder.result();
    return { root, text: index.text, index };
  });
}

/** The same reading's text alone (see TextIndexBuilder): what a page that shows nothing needs. */
export async function readRootTexts(
  roots: readonly Root[],
  nodesPerStep: number,
  pause: () => Promise<boolean>,
): Promise<RootText[] | undefined> {
  const read = await readInSteps(roots, false, nodesPerStep, pause);
  return read?.map(({ root, builder }) => ({ root, text: builder.text() }));
}

async function readInSteps(
  roots: readonly Root[],
  mapNodes: boolean,
  nodesPerStep: number,
  pause: () => Promise<boolean>,
): Promise<{ root: Root; builder: TextIndexBuilder }[] | undefined> {
  const queue = [...roots];
  const read: { root: Root; builder: TextIndexBuilder }[] = [];
  for (let r = 0; r < queue.length; r++) {
    const builder = new TextIndexBuilder(queue[r]!, mapNodes);
    while (!builder.step(nodesPerStep)) if (!(await pause())) return undefined;
    queue.push(...builder.shadowRoots);
    read.push({ root: queue[r]!, builder });
  }
  return read;
}

/** Whether two readings read the same roots, in the same order, with the same text. */
export function sameReading(a: readonly RootText[], b: readonly RootText[]): boolean {
  return a.length === b.length && a.every((r, i) => r.root === b[i]!.root && r.text === b[i]!.text);
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
