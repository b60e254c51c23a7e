/**
 * The story manager (the extension's options page): the stories that come
 * with the extension, and those the reader follows, each with what it takes
 * in storage. A followed story can be renamed, cleared of a drafted fact,
 * exported as a file or unfollowed; a story file can be imported. Every
 * change is checked with the shared schema before it is stored, and a change
 * that fails the check leaves the stored stories as they were.
 */
import browser from 'webextension-polyfill';
import { CATEGORY_LABEL_KEYS, sourceLine } from '../core/cards';
import type { Category } from '../core/categories';
import type { Story } from '../core/dataset';
import { FOLLOWED_KEY, storedBytes } from '../core/followed';
import { removeFact, renameStory } from '../core/followed-edit';
import { formatDate, uiText } from '../core/ui-text';
import { compileIfStale, readStore, shippedPacks, writeStories } from '../follow/store';
import { localizePage } from '../popup/text';

function add<K extends keyof HTMLElementTagNameMap>(parent: Element, tag: K, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  parent.append(el);
  return el;
}

function button(parent: Element, text: string, onClick: () => Promise<void>): HTMLButtonElement {
  const el = add(parent, 'button', text);
  el.type = 'button';
  el.addEventListener('click', () => void onClick().catch(showError));
  return el;
}

const status = () => document.getElementById('status')!;
const errorLine = () => document.getElementById('error')!;

function showError(error: unknown): void {
  errorLine().textContent = error instanceof Error ? error.message : String(error);
}

/** Replaces one followed story (or removes it, with `next` undefined); checked before anything is stored. */
async function change(id: string, next: Story | undefined): Promise<void> {
  const { stories } = await readStore();
  errorLine().textContent = '';
  await writeStories(next ? stories.map((s) => (s.id === id ? next : s)) : stories.filter((s) => s.id !== id));
}

function download(story: Story): void {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(story, null, 2)}\n`], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${story.id}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "12.5 KB stored": what the story takes in storage. */
function storage(story: Story): string {
  return uiText('managerStorage', (storedBytes(story) / 1024).toFixed(1));
}

function renderFollowed(story: Story): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'story';
  item.dataset.storyId = story.id;
  add(item, 'h3', story.summary.gist.text);
  const where = story.followed;
  if (where) {
    const meta = add(item, 'p', `${where.site}${where.date ? `, ${formatDate(where.date, uiText('locale'))}` : ''} · `);
    meta.className = 'meta';
    const link = add(meta, 'a', where.address);
    link.href = where.address;
  }
  const factCount = uiText('managerFactCount', String(story.facts.length + story.entityRefs.length));
  add(item, 'p', `${factCount} · ${storage(story)}`).className = 'meta';
  const actions = add(item, 'div');
  actions.className = 'actions';
  const nameId = `name-${story.id}`;
  const label = add(actions, 'label', uiText('managerRenameLabel', story.summary.gist.text));
  label.htmlFor = nameId;
  const name = add(actions, 'input');
  name.id = nameId;
  name.value = story.summary.gist.text;
  button(actions, uiText('managerRename'), () => change(story.id, renameStory(story, name.value)));
  button(actions, uiText('managerExport'), async () => download(story));
  button(actions, uiText('managerUnfollow'), () => change(story.id, undefined));
  const facts = add(item, 'ul');
  facts.className = 'facts';
  const entries = [
    ...story.facts.map((f) => ({ id: f.id, category: f.category, title: f.title })),
    ...story.entityRefs.map((r) => ({
      id: r.id,
      category: r.id.split(':')[0] as Category,
      title: r.id.replace(/^[a-z]+:/, '').replace(/-/g, ' '),
    })),
  ];
  for (const fact of entries) {
    const entry = add(facts, 'li', `${uiText(CATEGORY_LABEL_KEYS[fact.category])}: ${fact.title}`);
    entry.dataset.factId = fact.id;
    button(entry, uiText('managerRemoveFact', fact.title), () => change(story.id, removeFact(story, fact.id)));
  }
  return item;
}

async function render(): Promise<void> {
  const { stories } = await readStore();
  const followed = document.getElementById('followed')!;
  followed.replaceChildren(...stories.map(renderFollowed));
  if (stories.length === 0) add(followed, 'li', uiText('managerNoneFollowed'));
}

function renderShipped(): void {
  const list = document.getElementById('shipped')!;
  for (const story of shippedPacks().dataset.stories) {
    const item = add(list, 'li');
    item.className = 'story';
    item.dataset.storyId = story.id;
    add(item, 'h3', story.summary.gist.text);
    add(item, 'p', sourceLine(story, uiText)).className = 'meta';
    add(item, 'p', storage(story)).className = 'meta';
  }
}

async function importFile(file: File): Promise<void> {
  errorLine().textContent = '';
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch (error) {
    throw new Error(uiText('managerImportFailed', file.name, uiText('managerNotJson', (error as Error).message)));
  }
  const { stories } = await readStore();
  try {
    await writeStories([...stories, json]);
  } catch (error) {
    throw new Error(uiText('managerImportFailed', file.name, (error as Error).message));
  }
  const title = (json as Story).summary?.gist?.text ?? file.name;
  status().textContent = uiText('managerImported', title);
}

function main(): void {
  localizePage('managerTitle');
  const input = document.getElementById('import-file') as HTMLInputElement;
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void importFile(file).catch(showError);
    input.value = '';
  });
  renderShipped();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && FOLLOWED_KEY in changes) void render().catch(showError);
  });
  void render().catch(showError);
  void compileIfStale().catch(showError);
}

main();
