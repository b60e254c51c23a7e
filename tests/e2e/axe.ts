/**
 * axe-core in the end-to-end tests: the source to inject into a page, and the in-page function
 * that runs it on the extension's own UI (the popup document, or the `[data-annotator-ui]` host
 * with its shadow root and its slotted highlight list) and returns the violations.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** axe-core's browser bundle, evaluated as a script in the page under test. */
export const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The extension's UI in a web page: its one host element (its shadow root and light-DOM children come with it). */
export const UI_HOST = '[data-annotator-ui]';

export interface AxeRequest {
  /** Selector of the part of the document to check; null for the whole document. */
  include: string | null;
  /** Rules switched off, by id (none today: see the callers). */
  disabledRules: string[];
}

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; html: string; summary: string }[];
}

export interface AxeOutcome {
  violations: AxeFinding[];
  /** Rules that found something to check within the scope and passed. */
  passedRules: string[];
  /** Rules axe could not decide on some element ("needs review"), e.g. contrast it could not measure. */
  incompleteRules: string[];
  /** Elements within the scope that at least one rule checked. */
  checkedElements: number;
}

/**
 * Runs axe-core (already injected as `window.axe`) on `request.include`; every rule of the
 * default set (WCAG A/AA and best practices). Self-contained: it is sent to the page as source.
 *
 * axe-core lays out the page for its contrast check from <body> down only, so for the
 * extension's host, which sits after <body>, `color-contrast` would end "incomplete" (not
 * measured). That rule is therefore run a second time with the host placed at the end of <body>
 * for the moment: the host resets every inherited style (`all: initial`) and its card is
 * `position: fixed`, so it looks the same there. Its result replaces the first one.
 */
export async function runAxeInPage(request: AxeRequest): Promise<AxeOutcome> {
  type Node = { target: unknown[]; html: string; failureSummary?: string };
  type Result = { id: string; impact?: string | null; help: string; nodes: Node[] };
  type Results = Record<'passes' | 'violations' | 'incomplete', Result[]>;
  const axe = (window as unknown as { axe: { run(context: unknown, options: object): Promise<Results> } }).axe;
  const context = request.include ? { include: [[request.include]] } : document;
  const rules = Object.fromEntries(request.disabledRules.map((id) => [id, { enabled: false }]));
  const results = await axe.run(context, { rules });
  const host = request.include ? document.querySelector(request.include) : null;
  if (host && !document.body.contains(host) && !request.disabledRules.includes('color-contrast')) {
    const [parent, next] = [host.parentNode!, host.nextSibling];
    document.body.append(host);
    try {
      const contrast = await axe.run(context, { runOnly: ['color-contrast'] });
      for (const kind of ['passes', 'violations', 'incomplete'] as const) {
        results[kind] = [...results[kind].filter((r) => r.id !== 'color-contrast'), ...contrast[kind]];
      }
    } finally {
      parent.insertBefore(host, next);
    }
  }
  const checked = new Set<string>();
  for (const kind of ['passes', 'violations', 'incomplete'] as const) {
    for (const rule of results[kind]) for (const node of rule.nodes) checked.add(JSON.stringify(node.target));
  }
  return {
    violations: results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: JSON.stringify(n.target), html: n.html, summary: n.failureSummary ?? '' })),
    })),
    passedRules: results.passes.map((p) => p.id).sort(),
    incompleteRules: results.incomplete.map((p) => p.id).sort(),
    checkedElements: checked.size,
  };
}

/** A readable list of violations for an assertion message. */
export function describeViolations(violations: AxeFinding[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target} ${n.html}\n  ${n.summary}`).join('\n')}`,
    )
    .join('\n');
}
