/**
 * npm run story -- draft <article.txt> --id <id> [--force]
 * npm run story -- check <id> [--article <article.txt>]
 * npm run story -- compare-nlp <article.txt>   (measures the NLP libraries against <data>/story.json)
 *
 * Packs live in <data>/stories/<id>/story.json; <data> is ./data unless
 * --data <dir> says otherwise. Shared entities come from <data>/entities.json,
 * or, where there is none yet, from the entity facts of <data>/story.json.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { DatasetError, parseLexicon } from '../../src/core/dataset';
import { checkPack, formatReport } from './check';
import { compareEngines } from './compare-nlp';
import { draftPack } from './draft';
import { loadCuratedStory, loadShared, readJson } from './files';
import { builderNlp } from './nlp';
import { parsePack } from './pack-schema';

const USAGE = `usage:
  npm run story -- draft <article.txt> --id <id> [--force] [--data <dir>]
  npm run story -- check <id> [--article <article.txt>] [--data <dir>]
  npm run story -- compare-nlp <article.txt> [--story <curated pack id>] [--data <dir>]`;

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (!value || value.startsWith('--')) throw new Error(`${name} needs a value`);
  args.splice(at, 2);
  return value;
}

export function main(argv: string[]): number {
  const args = [...argv];
  const data = resolve(option(args, '--data') ?? 'data');
  const command = args.shift();
  const lexicon = () => parseLexicon(readJson(join(data, 'spin-lexicon.json')));

  if (command === 'draft') {
    const id = option(args, '--id');
    const force = args.includes('--force');
    const articlePath = args.find((a) => !a.startsWith('--'));
    if (!id || !articlePath) throw new Error(`draft needs an article and --id\n${USAGE}`);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) throw new Error(`--id must be kebab-case (a-z, 0-9, hyphens): ${id}`);
    const target = join(data, 'stories', id, 'story.json');
    if (existsSync(target) && !force) throw new Error(`${target} exists: pass --force to replace it`);
    const text = readFileSync(articlePath, 'utf8');
    if (!/\p{L}/u.test(text)) throw new Error(`${articlePath} has no text to draft from`);
    const shared = loadShared(data);
    const pack = draftPack({
      text,
      id,
      lexicon: lexicon(),
      shared,
      nlp: builderNlp(),
      sourceName: basename(articlePath),
    });
    if (pack.facts.length === 0) throw new Error(`${articlePath}: no entity and no statement found, nothing written`);
    // What the builder writes must pass the schema it will be checked against: nothing invalid reaches the disk.
    parsePack(pack, shared, id);
    mkdirSync(join(data, 'stories', id), { recursive: true });
    writeFileSync(target, `${JSON.stringify(pack, null, 2)}\n`);
    const statements = pack.facts.filter((f) => 'signature' in f);
    console.log(
      `wrote ${target}: draft, ${pack.facts.length - statements.length} entities of its own, ${pack.entityRefs.length} shared, ${statements.length} claims, quotes and limits`,
    );
    console.log(`next: npm run story -- check ${id} --article ${articlePath}`);
    return 0;
  }
  if (command === 'check') {
    const articlePath = option(args, '--article');
    const id = args.shift();
    if (!id) throw new Error(`check needs a story id\n${USAGE}`);
    const path = join(data, 'stories', id, 'story.json');
    if (!existsSync(path)) throw new Error(`no story pack at ${path}`);
    const report = checkPack({
      pack: readJson(path),
      folder: id,
      shared: loadShared(data),
      article: articlePath ? readFileSync(articlePath, 'utf8') : undefined,
      lexicon: lexicon(),
      nlp: articlePath ? builderNlp() : undefined,
    });
    console.log(formatReport(report));
    return report.schemaError || !report.ok ? 1 : 0;
  }
  if (command === 'compare-nlp') {
    if (!args[0]) throw new Error(`compare-nlp needs the article its story was curated from\n${USAGE}`);
    console.log(compareEngines(args[0], loadCuratedStory(data, option(args, '--story')), lexicon()));
    return 0;
  }
  throw new Error(USAGE);
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof DatasetError || error instanceof Error ? `story: ${error.message}` : error);
  process.exitCode = 2;
}
