/**
 * npm run story -- draft <article.txt> --id <id> [--force]
 * npm run story -- check <id> [--article <article.txt>]
 * npm run story -- compare-nlp <article.txt> [--story <id>]   (measures the NLP libraries against a curated pack, the summit by default)
 * npm run story -- labels <folder>   (drafts every article of <folder>/articles/ and scores its entities against <folder>/labels.json)
 *
 * Packs live in <data>/stories/<id>/story.json; <data> is ./data unless
 * --data <dir> says otherwise. Shared entities come from <data>/entities.json.
 * Packs are read and checked by the dataset's own schema and loader, as the
 * build checks them (src/core/dataset.ts, scripts/load-dataset.ts).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { draftPack } from '../../src/builder/draft';
import { builderNlp } from '../../src/builder/nlp';
import { DatasetError, parseDataset, parseLexicon } from '../../src/core/dataset';
import { sourceCopy } from '../check-facts';
import { datasetFiles, SUMMIT_ID } from '../load-dataset';
import { checkPack, formatReport } from './check';
import { compareEngines } from './compare-nlp';
import { loadCuratedStory, loadReferable, readJson } from './files';
import { formatLabelTable, scoreLabelledArticles } from './label-run';

const USAGE = `usage:
  npm run story -- draft <article.txt> --id <id> [--force] [--data <dir>]
  npm run story -- check <id> [--article <article.txt>] [--data <dir>]
  npm run story -- compare-nlp <article.txt> [--story <curated pack id>] [--data <dir>]
  npm run story -- labels <folder> [--data <dir>]`;

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
  /** The data folder's files, without the pack `id` (the one being drafted or checked). */
  const files = (id: string) => {
    const all = datasetFiles(process.cwd(), data);
    return { entities: all.entities, others: all.stories.filter((f) => !f.path.endsWith(`/${id}/story.json`)) };
  };

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
    const { entities, others } = files(id);
    const takenIds =
      others.length > 0 ? parseDataset(entities, others).stories.flatMap((s) => s.facts.map((f) => f.id)) : [];
    const pack = draftPack({
      text,
      id,
      lexicon: lexicon(),
      shared: loadReferable(data, id),
      nlp: builderNlp(),
      takenIds,
      sourceName: basename(articlePath),
    });
    if (pack.facts.length === 0) throw new Error(`${articlePath}: no entity and no statement found, nothing written`);
    // What the builder writes must pass the checks the build makes: nothing invalid reaches the disk.
    parseDataset(entities, [...others, { path: target, json: pack }]);
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
    const { entities, others } = files(id);
    const copy = articlePath ? undefined : sourceCopy(id);
    const report = checkPack({
      pack: readJson(path),
      folder: id,
      entities,
      otherPacks: others,
      ...(copy !== undefined ? { sourceCopy: copy } : {}),
      article: articlePath ? readFileSync(articlePath, 'utf8') : undefined,
      lexicon: lexicon(),
      nlp: articlePath ? builderNlp() : undefined,
    });
    console.log(formatReport(report));
    return report.schemaError || !report.ok ? 1 : 0;
  }
  if (command === 'compare-nlp') {
    if (!args[0]) throw new Error(`compare-nlp needs the article its story was curated from\n${USAGE}`);
    console.log(compareEngines(args[0], loadCuratedStory(data, option(args, '--story') ?? SUMMIT_ID), lexicon()));
    return 0;
  }
  if (command === 'labels') {
    if (!args[0]) throw new Error(`labels needs a folder with articles/ and labels.json\n${USAGE}`);
    console.log(
      formatLabelTable(scoreLabelledArticles(args[0], { lexicon: lexicon(), shared: loadReferable(data, '') })),
    );
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
