/** The popup's story parts: the verdict line, the story picker and the chosen story. DOM calls only. */
import { formatDate, listNames, uiText } from '../core/ui-text';
import { ABOUT_KINDS } from '../core/verdict';
import type { PageStateResponse, StoryInfo } from '../messages';

type Verdicts = PageStateResponse['verdicts'];

function add<K extends keyof HTMLElementTagNameMap>(parent: Element, tag: K, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  parent.append(el);
  return el;
}

/** The stories the page reports (its claims, quotes and limits are shown as theirs). */
export function reportedIds(verdicts: Verdicts): string[] {
  return verdicts.filter((v) => v.kind === 'this-summit' || v.kind === 'spun-copy').map((v) => v.storyId);
}

/** One story's summary, limits and source, replacing the story shown before. */
export function renderStory(story: StoryInfo): void {
  const summary = document.getElementById('summary')!;
  summary.replaceChildren();
  summary.dataset.storyId = story.id;
  if (story.draft) add(summary, 'p', uiText('draftNote')).className = 'draft';
  if (story.translated) add(summary, 'p', uiText('popupTranslated')).className = 'translated';
  add(summary, 'p', story.summary.gist.text).className = 'limit-title';
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
  const texts = (lines: { text: string }[]) => lines.map((line) => line.text);
  row(uiText('popupWhat'), story.summary.what.text);
  row(uiText('popupWhen'), story.summary.when.text);
  row(uiText('popupFormat'), story.summary.format.text);
  row(uiText('popupWho'), texts(story.summary.who).join(', '));
  row(uiText('popupOutcomes'), texts(story.summary.outcomes));
  if (story.summary.remarks.length > 0) row(uiText('popupRemarks'), texts(story.summary.remarks));
  row(uiText('popupContext'), texts(story.summary.context));

  const limits = document.getElementById('limits')!;
  limits.replaceChildren();
  for (const limit of story.limits) {
    const item = add(limits, 'li');
    item.dataset.factId = limit.id;
    add(item, 'span', limit.title).className = 'limit-title';
    if (limit.text) add(item, 'div', limit.text);
    else add(item, 'div', uiText('cardGap')).className = 'gap';
  }
  renderSource(story.source);
}

/** Outlet, reporters and date of the report, and what copy of it the dataset was built from: no headline of ours. */
function renderSource(source: StoryInfo['source']): void {
  const footer = document.getElementById('source')!;
  footer.replaceChildren();
  const facts = add(footer, 'dl');
  const row = (term: string, value: string, name: string) => {
    add(facts, 'dt', term);
    add(facts, 'dd', value).dataset.source = name;
  };
  // A draft's field its article did not state shows as a gap.
  const gap = uiText('roleGap');
  const locale = uiText('locale');
  row(uiText('popupSource'), source.outlet?.name ?? gap, 'outlet');
  row(uiText('popupReporters'), source.reporters ? listNames(source.reporters.names, locale) : gap, 'reporters');
  row(uiText('popupDate'), source.date ? formatDate(source.date.value, locale) : gap, 'date');
  add(footer, 'p', source.builtFrom).dataset.source = 'built-from';
}

/**
 * The list to pick a story from: the stories the page reports where there
 * are several, every story the extension knows where it reports none; no
 * list where it reports exactly one. Returns the story to show first.
 */
export function renderPicker(stories: readonly StoryInfo[], reported: readonly string[]): StoryInfo | undefined {
  const picker = document.getElementById('story-picker')!;
  const list = document.getElementById('stories')!;
  const heading = document.getElementById('story-picker-heading')!;
  list.replaceChildren();
  const choices = reported.length > 0 ? stories.filter((s) => reported.includes(s.id)) : stories;
  picker.hidden = choices.length === 0 || reported.length === 1;
  heading.textContent =
    reported.length > 1
      ? uiText('popupPickOne', String(reported.length))
      : uiText('popupKnownStories', String(stories.length));
  const buttons: HTMLButtonElement[] = [];
  const select = (story: StoryInfo) => {
    for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.storyId === story.id));
    renderStory(story);
  };
  for (const story of choices) {
    const button = add(add(list, 'li'), 'button', story.summary.gist.text);
    button.type = 'button';
    button.dataset.storyId = story.id;
    const meta = uiText(story.draft ? 'popupStoryMetaDraft' : 'popupStoryMeta', story.summary.when.text);
    add(button, 'span', meta).className = 'story-meta';
    button.addEventListener('click', () => select(story));
    buttons.push(button);
  }
  const first = choices[0];
  if (first) select(first);
  return first;
}

export function verdictText(
  state: PageStateResponse | undefined,
  stories: readonly StoryInfo[],
  namesEverywhere = false,
): string {
  if (!state) return uiText('verdictCannotAnnotate');
  // A story is named by its gist in parentheses: in quotation marks it would read as a headline.
  const storyName = (id: string) =>
    uiText('verdictStoryName', stories.find((s) => s.id === id)?.summary.gist.text ?? id);
  const about = state.verdicts.filter((v) => ABOUT_KINDS.includes(v.kind));
  if (about.length === 0) {
    if (state.named.length === 0) return uiText('verdictNothing');
    const named = listNames(state.named.map(storyName), uiText('locale'));
    return uiText(namesEverywhere ? 'verdictNamesShown' : 'verdictNamesHidden', named, uiText('popupNamesEverywhere'));
  }
  const reported = reportedIds(state.verdicts);
  // The stories the page reports first; the others only where it reports none.
  const lines = about
    .filter((v) => reported.length === 0 || reported.includes(v.storyId))
    .map(({ storyId, kind, statementsFound, statementsTotal, spinExamples }) => {
      switch (kind) {
        case 'this-summit':
          return uiText('verdictThisStory', storyName(storyId), String(statementsFound), String(statementsTotal));
        case 'spun-copy':
          return uiText(
            'verdictSpunCopy',
            storyName(storyId),
            String(statementsFound),
            String(statementsTotal),
            spinExamples.map((e) => uiText('quoted', e)).join(', '),
          );
        case 'other-event':
          return uiText('verdictOtherEvent', storyName(storyId));
        default:
          return '';
      }
    });
  return lines.filter(Boolean).join(' ');
}
