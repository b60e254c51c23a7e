/** Which renderer draws a region, and what of its findings the settings let through. */
import type { Annotation } from '../core/annotation';
import type { RegionFindings } from '../core/page-analysis';
import type { Settings } from '../core/settings';
import type { HighlightList } from './highlight-list';
import type { Root } from './regions';
import { HighlightRenderer, highlightsSupported } from './render-highlights';
import { MarkRenderer } from './render-marks';
import type { Renderer } from './renderer';
import type { TextIndex } from './text-index';

/** The element-free renderer where the browser has the Highlight API and the reader wants it. */
export function createRenderer(
  settings: Settings,
  list: HighlightList,
  root: Root,
  index: TextIndex,
  expected: number,
): Renderer {
  return settings.renderer === 'highlights' && highlightsSupported()
    ? new HighlightRenderer(index, list.group(), root instanceof ShadowRoot ? root : undefined, expected)
    : new MarkRenderer(root, index, expected);
}

/** Marks split the page's text nodes: a region drawn with them must be cleared before its text is read again. */
export function changesText(renderer: Renderer): boolean {
  return renderer instanceof MarkRenderer;
}

/** What the settings let through: switched-on categories, plus similar statements if the reader asked. */
export function visibleFindings(findings: RegionFindings, settings: Settings, enabled: boolean): Annotation[] {
  if (!enabled) return [];
  const all = settings.showSimilar
    ? [...findings.annotations, ...findings.similar].sort((a, b) => a.start - b.start)
    : findings.annotations;
  return all.filter((a) => settings.categories[a.category]);
}
