/**
 * `npm run check:facts`: the provenance check over data/story.json (see
 * src/core/provenance.ts). Evidence is looked up in the article body of the
 * demo page, which reproduces the machine-reworded copy the dataset was built
 * from. Prints each failure with its JSON path; exits 1 if there is any.
 *
 *   tsx scripts/check-facts.ts [story.json]
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { buildTextIndex } from '../src/content/text-index';
import { parseLexicon } from '../src/core/dataset';
import { checkProvenance } from '../src/core/provenance';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The article body of the demo page: the reworded copy, paragraph by paragraph. */
export function copyText(): string {
  const window = new Window();
  const html = readFileSync(join(ROOT, 'demo/index.html'), 'utf8');
  const document = new window.DOMParser().parseFromString(html, 'text/html');
  const body = document.querySelector('.story-body');
  if (!body) throw new Error('demo/index.html has no .story-body');
  return buildTextIndex(body as unknown as Element).text;
}

/** Checks a story file, prints each failure with its path, and returns the exit code: 1 on any failure. */
export function main(storyPath = resolve(process.argv[2] ?? join(ROOT, 'data/story.json'))): number {
  const story = JSON.parse(readFileSync(storyPath, 'utf8'));
  const lexicon = parseLexicon(JSON.parse(readFileSync(join(ROOT, 'data/spin-lexicon.json'), 'utf8')));
  const failures = checkProvenance(story, lexicon, { sourceText: copyText() });
  for (const failure of failures) console.log(`${failure.path || '(root)'}: ${failure.message}`);
  if (failures.length === 0) {
    console.log(`${storyPath}: every reader-facing text rests on its evidence`);
    return 0;
  }
  console.log(`\n${failures.length} provenance failure(s) in ${storyPath}`);
  return 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
