/** The table of the in-page rows (harness-runs.ts), with the dataset-scale and append lines under it. */

import { fmtMs, fmtRatio, fmtTime } from './format';
import type { HarnessResults, SizeResults } from './harness-runs';
import { rescanLongestTask } from './harness-session';
import type { OpResult } from './stats';

/** What the run was: printed under the tables. */
export interface RunContext {
  dataset: string;
  facts: number;
  phrases: number;
  aliases: number;
  expandedAliases: boolean;
  chromium: string;
  capSeconds: number;
  traced: boolean;
  devtoolsTrace: boolean;
  /** One-minute load average at the start and the end of the run. */
  load: string;
}

export function harnessTable({ sizes: results, scale, append }: HarnessResults, context: RunContext): string {
  const sizes = [...results.keys()];
  const cap = context.capSeconds;
  const rows: string[][] = [];
  const row = (label: string, f: (r: SizeResults) => string) =>
    rows.push([label, ...sizes.map((s) => f(results.get(s)!))]);
  const ok = (r: OpResult | undefined): boolean => !!r && !r.skipped && !r.timedOut && Number.isFinite(r.ms);
  const time = (r: OpResult | undefined): string => {
    if (!r) return '–';
    if (r.skipped) return `skipped (${r.skipped})`;
    if (r.timedOut) return `> ${cap} s`;
    return fmtMs(r.ms);
  };
  const ratio = (x: OpResult | undefined, y: OpResult | undefined): string => {
    if (x?.timedOut && ok(y)) return `> ${fmtRatio((cap * 1000) / y!.ms)}`;
    return ok(x) && ok(y) ? fmtRatio(x!.ms / y!.ms) : '–';
  };
  const num = (n: number | string | undefined) => (typeof n === 'number' ? fmtMs(n) : '–');
  const task = (o: OpResult | undefined) => (o?.timedOut ? `> ${cap} s` : ok(o) ? fmtMs(o!.longestTaskMs) : '–');
  const heap = (o: OpResult | undefined) => (ok(o) && Number.isFinite(o!.heapMB) ? o!.heapMB.toFixed(0) : '–');

  row(
    'page text, chars / text nodes',
    (r) => `${(r.text.chars / 1000).toFixed(0)} k / ${(r.text.nodes / 1000).toFixed(1)} k`,
  );
  row(
    'runs: (a), (b), (c), (d)',
    (r) => `${r.floor?.runs ?? 0}, ${r.rescan?.runs ?? 0}, ${r.markKeywords?.runs ?? 0}, ${r.markRegExp?.runs ?? 0}`,
  );
  row('**(a)** floor: TreeWalker reads every text node, ms', (r) => time(r.floor));
  row(
    "  ↳ (a′) the same, then the text joined, NFKC'd and lower-cased, ms; × (a)",
    (r) => `${time(r.floorNormalised)}; ${ratio(r.floorNormalised, r.floor)}`,
  );
  row('**(b)** extension: `PageAnnotator.rescan()`, ms', (r) => time(r.rescan));
  row(
    '  ↳ verdict; annotations; highlights drawn',
    (r) => `${r.stages?.extra.verdict ?? '–'}; ${r.stages?.extra.annotations ?? '–'}; ${r.rescan?.extra.drawn ?? '–'}`,
  );
  row('  ↳ same work unsliced: `buildTextIndex`, ms', (r) => num(r.stages?.extra.indexMs));
  row('  ↳ unsliced: `annotate`, ms', (r) => num(r.stages?.extra.annotateMs));
  row('  ↳ unsliced: `HighlightRenderer.render`, ms', (r) => num(r.stages?.extra.renderMs));
  row('  ↳ unsliced: total, ms', (r) => time(r.stages));
  row(
    '  ↳ `rescan()` with the marks renderer, ms (`<mark>` elements)',
    (r) => `${time(r.rescanMarks)} (${r.rescanMarks?.extra.marks ?? '–'})`,
  );
  row('**(c)** mark.js `mark(aliases)`, ms', (r) => time(r.markKeywords));
  row('**(d)** mark.js `markRegExp(alternation)`, ms', (r) => time(r.markRegExp));
  row(
    '  ↳ marks made by (c) / (d)',
    (r) => `${r.markKeywords?.extra.marks ?? '–'} / ${r.markRegExp?.extra.marks ?? '–'}`,
  );
  row('(b) / (a)', (r) => ratio(r.rescan, r.floor));
  row('(c) / (a)', (r) => ratio(r.markKeywords, r.floor));
  row('(d) / (a)', (r) => ratio(r.markRegExp, r.floor));
  row('(c) / (b)', (r) => ratio(r.markKeywords, r.rescan));
  row('(d) / (b)', (r) => ratio(r.markRegExp, r.rescan));
  const under50 = (o: OpResult | undefined) => (ok(o) && o!.tasksOver50 === 0 ? '< 50' : task(o));
  row('**(b) longest task**, ms', (r) =>
    r.rescan?.timedOut ? `> ${cap} s` : r.rescan ? fmtMs(rescanLongestTask(r.rescan)) : '–',
  );
  row('  ↳ timed runs, Long Tasks API: longest, ms; tasks ≥ 50 ms', (r) =>
    ok(r.rescan) ? `${under50(r.rescan)}; ${r.rescan!.tasksOver50}` : task(r.rescan),
  );
  if (context.traced) {
    row('  ↳ traced run: longest, ms; tasks ≥ 1 ms', (r) =>
      r.rescan?.traced ? `${fmtMs(r.rescan.traced.longestTaskMs)}; ${r.rescan.traced.tasks}` : '–',
    );
    row('  ↳ traced run: main thread busy / wall, ms', (r) =>
      r.rescan?.traced ? `${fmtMs(r.rescan.traced.busyMs)} / ${fmtMs(r.rescan.traced.windowMs)}` : '–',
    );
  }
  row('longest task with the marks renderer, ms', (r) => under50(r.rescanMarks));
  row(
    'longest task, ms: (b) unsliced / (c) / (d)',
    (r) => `${task(r.stages)} / ${task(r.markKeywords)} / ${task(r.markRegExp)}`,
  );
  row(
    'JS heap after, MB: (a) / (b) / (c) / (d)',
    (r) => `${heap(r.floor)} / ${heap(r.rescan)} / ${heap(r.markKeywords)} / ${heap(r.markRegExp)}`,
  );

  const lines: string[] = [];
  lines.push(`| | ${sizes.join(' | ')} |`);
  lines.push(`| --- | ${sizes.map(() => '---:').join(' | ')} |`);
  for (const r of rows) lines.push(`| ${r.join(' | ')} |`);
  lines.push('');
  if (scale) {
    const re = scale.real.extra;
    const ge = scale.generated.extra;
    lines.push(
      `**Dataset scale** (1 MB page, \`buildTextIndex\` + \`annotate\`, drawing excluded): real dataset ${num(re.indexAnnotateMs)} ms ` +
        `(annotate ${num(re.annotateMs)}, ${re.annotations} annotations); with 10,000 generated entities and 2,000 generated claims added ` +
        `(${scale.facts} facts, ${scale.phrases} phrases; each claim's required concept is a distinctive made-up word, its other concepts often the filler's own words) ` +
        `${num(ge.indexAnnotateMs)} ms (annotate ${num(ge.annotateMs)}, ${ge.annotations} annotations): ` +
        `**×${scale.ratio.toFixed(2)}** (the 10,000 entities alone: ×${scale.entitiesOnlyRatio.toFixed(2)}; the 2,000 claims alone: ×${scale.claimsOnlyRatio.toFixed(2)}). \`new Matcher\` in the page: ${num(re.matcherMs)} ms vs ${num(ge.matcherMs)} ms; ` +
        `parsing and compiling the large dataset in Node: ${fmtTime(scale.compileMs)}, ${(scale.jsonKB / 1024).toFixed(1)} MB of matcher JSON.`,
    );
  }
  if (append) {
    lines.push('');
    lines.push(
      `**Appending a paragraph** (~300 characters naming Putin and Xi) to the annotated 1 MB page: \`PageAnnotator.refresh([p])\` ` +
        `median **${fmtMs(append.ms)} ms** over ${append.runs} appends (longest task ${fmtMs(append.longestTaskMs)} ms, ` +
        `${append.highlightsInParagraph} highlights drawn in it); the page's \`rescan()\` before them took ${fmtMs(append.rescanMs)} ms ` +
        `for ${append.highlightsOnPage} highlights.`,
    );
  }
  lines.push('');
  return lines.join('\n');
}
