/**
 * The hover card: inside the extension's shadow root, so page CSS cannot
 * reach it, built with DOM calls only (no HTML strings with data).
 */
import {
  attributionText,
  CATEGORY_LABEL_KEYS,
  type CardModel,
  type CardStory,
  cardStories,
  followedSourceText,
} from '../core/cards';
import { CARD_MAX_WIDTH_PX, CARD_OFFSET_PX } from '../core/timing';
import { uiText } from '../core/ui-text';
import type { UiHost } from './ui-host';

const CARD_CSS = `
.card {
  position: fixed; z-index: 2147483647; box-sizing: border-box; max-width: ${CARD_MAX_WIDTH_PX}px;
  padding: 12px 14px; border-radius: 8px; background: #fff; color: #1a202c;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: left;
  box-shadow: 0 4px 18px rgba(0,0,0,.18), 0 0 0 1px rgba(0,0,0,.08);
}
.card[hidden] { display: none; }
.fact + .fact { margin-top: 10px; padding-top: 10px; border-top: 1px solid #e2e8f0; }
.category { display: inline-block; font-size: 11px; letter-spacing: .04em; text-transform: uppercase; color: #4a5568; }
.title { margin: 2px 0 6px; font-size: 15px; font-weight: 600; }
.text, .role { margin: 0 0 6px; }
.quote { margin: 0 0 6px; padding-left: 8px; border-left: 3px solid #cbd5e0; font-style: italic; }
.attribution { margin: 0 0 6px; color: #4a5568; }
.figures { margin: 0 0 6px; padding-left: 18px; }
.similar { margin: 0 0 8px; padding: 6px 8px; border-radius: 4px; background: #edf2f7; color: #2d3748; font-size: 12px; }
.draft { margin: 0 0 6px; padding: 4px 8px; border-radius: 4px; background: #fefcbf; color: #744210; font-size: 12px; }
.gap { font-style: italic; color: #975a16; }
.translated { margin: 0 0 6px; font-size: 11px; font-style: italic; color: #4a5568; }
.source { margin: 8px 0 0; font-size: 11px; color: #4a5568; }
.evidence { margin: 6px 0; padding-left: 8px; border-left: 3px solid #cbd5e0; }
.address { color: inherit; word-break: break-all; }
@media (prefers-color-scheme: dark) {
  .card { background: #1f2430; color: #e2e8f0; box-shadow: 0 4px 18px rgba(0,0,0,.5), 0 0 0 1px rgba(255,255,255,.12); }
  .category, .attribution { color: #a0aec0; }
  .source { color: #8a94a6; }
  .draft { background: #5f370e; color: #fefcbf; }
  .gap { color: #f6e05e; }
  .fact + .fact { border-top-color: #2d3748; }
}
`;

/** Most facts shown in one card when a highlight stands for several. */
const MAX_FACTS_PER_CARD = 3;
/** Most statements listed under a person; the rest are counted. */
const MAX_FIGURES_LISTED = 5;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

export class HoverCard {
  private readonly card: HTMLElement;

  constructor(
    private readonly cards: Record<string, CardModel>,
    private readonly host: UiHost,
    /** Ids of the stories whose cards the page's highlights carry (verdict.storiesInView). */
    private readonly storiesInView: () => readonly string[],
  ) {
    const style = document.createElement('style');
    style.textContent = CARD_CSS;
    this.card = element('div', 'card');
    this.card.setAttribute('role', 'tooltip');
    this.card.hidden = true;
    host.shadow.append(style, this.card);
  }

  get open(): boolean {
    return !this.card.hidden;
  }

  show(factIds: readonly string[], anchor: DOMRect, similar = false): void {
    const models = factIds
      .map((id) => this.cards[id])
      .filter((m): m is CardModel => !!m)
      .slice(0, MAX_FACTS_PER_CARD);
    if (models.length === 0) return;
    const inView = this.storiesInView();
    const shown = models.map((model) => ({ model, stories: cardStories(model, inView) }));
    const first = shown[0]!.stories[0]!;
    const warning = similar ? [element('p', 'similar', uiText('cardSimilar', first.gist))] : [];
    const sources = new Map(shown.flatMap(({ stories }) => stories.map((s) => [s.sourceLine, s] as const)));
    this.card.replaceChildren(
      ...warning,
      ...shown.map(({ model, stories }) => renderFact(model, stories)),
      ...[...sources.values()].map(renderSource),
    );
    this.host.attach();
    this.card.hidden = false;
    this.place(anchor);
  }

  hide(): void {
    this.card.hidden = true;
  }

  /** Whether the node is the card or inside it (the highlight list, also in the host, is not). */
  contains(node: Node | null): boolean {
    return !!node && (node === this.host.element || this.host.shadow.contains(node));
  }

  /** Below the highlight when it fits, above otherwise; kept inside the viewport. */
  private place(anchor: DOMRect): void {
    const width = Math.min(CARD_MAX_WIDTH_PX, window.innerWidth - 2 * CARD_OFFSET_PX);
    this.card.style.width = `${width}px`;
    const height = this.card.offsetHeight;
    const below = anchor.bottom + CARD_OFFSET_PX;
    const top =
      below + height <= window.innerHeight || anchor.top - CARD_OFFSET_PX - height < 0
        ? below
        : anchor.top - CARD_OFFSET_PX - height;
    const left = Math.max(CARD_OFFSET_PX, Math.min(anchor.left, window.innerWidth - width - CARD_OFFSET_PX));
    this.card.style.top = `${Math.max(CARD_OFFSET_PX, top)}px`;
    this.card.style.left = `${left}px`;
  }
}

/** A story's source: a followed story's names the site, date and the article's address, and says it was not reviewed. */
function renderSource(story: CardStory): HTMLElement {
  if (!story.followed) return element('p', 'source', uiText('cardSource', story.sourceLine));
  // In the reader's language, whatever language the stored copy was compiled in.
  const line = element('p', 'source', `${followedSourceText(uiText, story.followed.site, story.followed.date)}. `);
  const link = element('a', 'address', story.followed.address);
  link.href = story.followed.address;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  line.append(link);
  return line;
}

/**
 * One fact, with what each of the given stories says about it; drafts and unwritten parts marked as such.
 * A followed story's card holds the article's words only: the title and the sentence, verbatim. The labels
 * are the extension's words, in the interface's language, whatever language the card's data was compiled in.
 */
function renderFact(model: CardModel, stories: readonly CardStory[]): HTMLElement {
  const section = element('section', 'fact');
  const category = uiText(CATEGORY_LABEL_KEYS[model.category]);
  section.append(element('span', 'category', category), element('h2', 'title', model.title));
  const followedOnly = stories.every((s) => s.followed);
  if (stories.some((s) => s.draft && !s.followed)) section.append(element('p', 'draft', uiText('draftNote')));
  if (model.quote) section.append(element('blockquote', 'quote', uiText('quoted', model.quote)));
  if (model.text) section.append(element('p', 'text', model.text));
  else if (!followedOnly) section.append(element('p', 'text gap', uiText('cardGap')));
  for (const story of stories) {
    // With several stories, each role says which story it is from.
    const where = stories.length > 1 ? uiText('cardInTheStory', story.gist) : uiText('cardInThisStory');
    if (story.followed) section.append(element('blockquote', 'evidence', story.followed.evidence));
    else if (story.role) section.append(element('p', 'role', uiText('cardRole', where, story.role)));
    else if (story.roleGap) section.append(element('p', 'role gap', uiText('cardRoleGap', where)));
  }
  if (model.attribution) section.append(element('p', 'attribution', attributionText(model.attribution, uiText)));
  // A translated quotation is not the speaker's own words, and the card says so.
  if (model.quotationsTranslated) section.append(element('p', 'translated', uiText('cardQuoteTranslated')));
  const figuresIn = stories.flatMap((s) => s.figuresIn);
  if (figuresIn.length > 0) {
    const list = element('ul', 'figures');
    for (const item of figuresIn.slice(0, MAX_FIGURES_LISTED)) list.append(element('li', '', item.title));
    const more = figuresIn.length - MAX_FIGURES_LISTED;
    if (more > 0) list.append(element('li', '', uiText('cardMore', String(more))));
    section.append(element('p', 'attribution', uiText('cardFiguresIn')), list);
  }
  return section;
}
