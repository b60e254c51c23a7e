/** The popup's static parts: the story and the verdict line. DOM calls only. */
import type { StoryOverview } from '../core/compiled-dataset';
import type { PageState } from '../messages';

function add<K extends keyof HTMLElementTagNameMap>(parent: Element, tag: K, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  parent.append(el);
  return el;
}

export function renderStory(story: StoryOverview): void {
  const summary = document.getElementById('summary')!;
  add(summary, 'p', story.summary.headline).className = 'limit-title';
  const facts = add(summary, 'dl');
  const row = (term: string, value: string | string[]) => {
    add(facts, 'dt', term);
    const dd = add(facts, 'dd');
    if (typeof value === 'string') dd.textContent = value;
    else {
      const list = add(dd, 'ul');
      for (const item of value) add(list, 'li', item);
    }
  };
  row('What', story.summary.what);
  row('When', story.summary.when);
  row('Format', story.summary.format);
  row('Who', story.summary.who.join(', '));
  row('Outcomes', story.summary.outcomes);
  row('Context', story.summary.context);

  const limits = document.getElementById('limits')!;
  for (const limit of story.limits) {
    const item = add(limits, 'li');
    item.dataset.factId = limit.id;
    add(item, 'span', limit.title).className = 'limit-title';
    add(item, 'div', limit.text);
  }
  const source = document.getElementById('source')!;
  source.textContent = `Source: ${story.sourceLine}. By ${story.source.authors.join(' and ')}.`;
}

export function verdictText(state: PageState | undefined): string {
  if (!state) return 'This page cannot be annotated (browser pages and extension stores are off limits).';
  const { kind, statementsFound, statementsTotal, spinExamples } = state.verdict;
  switch (kind) {
    case 'this-summit':
      return `This page reports the Xi–Putin video summit: ${statementsFound} of the story's ${statementsTotal} claims, quotes and limits found.`;
    case 'spun-copy':
      return `This page looks like a machine-reworded copy of the source article: ${statementsFound} of ${statementsTotal} claims found. Rewriter's wording seen: ${spinExamples.map((e) => `“${e}”`).join(', ')}.`;
    case 'other-event':
      return 'This page is about another meeting of the same leaders: people and places are highlighted, statements are not shown as this summit’s facts.';
    case 'other-topic':
      return 'This page mentions people or places from the story but is about something else.';
    case 'nothing':
      return 'Nothing from the story was found on this page.';
  }
}
