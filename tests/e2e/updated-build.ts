/**
 * An update of the extension, as the browser meets it: the next version's build is the same code with
 * its own build id (the id the shipped packs were compiled under), so the followed stories the version
 * before compiled are stale for it, as after any real update. Also the followed story the update tests
 * store: port-strike's article A, drafted as the extension drafts it.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { followPair, readPairs } from '../../scripts/eval-followed';
import { loadDataset, loadLexicon } from '../../scripts/load-dataset';
import { type Served, serve } from '../../scripts/serve';
import { builderNlp } from '../../src/builder/nlp';
import type { Story } from '../../src/core/dataset';
import { fixtureText, renderPage } from '../fixtures/follow/render';

/** A copy of a build to install, and update in place later (the browser knows an add-on by its folder). */
export function copyBuild(from: string, to: string): string {
  cpSync(from, to, { recursive: true });
  return to;
}

/**
 * Turns the build in `dir` into the next version: every script's build id `build` becomes another, and the
 * manifest's version goes up. Returns the new build id.
 */
export function updateBuild(dir: string, build: string): string {
  const next = build.replace(/[0-9a-f]/g, (digit) => ((Number.parseInt(digit, 16) + 1) % 16).toString(16));
  let scripts = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const file = join(entry.parentPath, entry.name);
    const code = readFileSync(file, 'utf8');
    if (!code.includes(build)) continue;
    writeFileSync(file, code.replaceAll(build, next));
    scripts++;
  }
  // The worker's and the pages' (the shipped packs' module) copies of the id.
  if (scripts < 2) throw new Error(`build id ${build} found in ${scripts} scripts of ${dir}, expected 2 or more`);
  const manifestFile = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { version: string };
  manifest.version = manifest.version.replace(/\d+$/, (patch) => String(Number(patch) + 1));
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return next;
}

/**
 * What the update tests need in `work`: port-strike's article A followed, as a story file the story
 * manager imports (`story.json`), and page B, another outlet's report of it, served.
 */
export async function updateFixtures(work: string): Promise<{ story: Story; storyFile: string; site: Served }> {
  const story = followPair(readPairs()[0]!, { shipped: loadDataset(), lexicon: loadLexicon(), nlp: builderNlp() });
  const storyFile = join(work, 'story.json');
  writeFileSync(storyFile, JSON.stringify(story, null, 2));
  mkdirSync(join(work, 'site'));
  writeFileSync(join(work, 'site/b.html'), renderPage(fixtureText('port-strike-b'), 'Coastal Wire'));
  return { story, storyFile, site: await serve(join(work, 'site')) };
}
