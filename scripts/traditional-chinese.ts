/**
 * `npm run translate:zh-TW`: the traditional-Chinese catalogue and story translations, made from
 * the simplified ones with OpenCC (simplified to traditional characters, Taiwan's standard):
 *   _locales/zh_CN/messages.json                      → _locales/zh_TW/messages.json
 *   data/…/translations/zh_CN.json                    → data/…/translations/zh_TW.json
 * Each line keeps the English it translates, so the check of the simplified line holds for the
 * traditional one. `--check` writes nothing and exits 1 if a file is not what it would write.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import type { TranslationFile } from '../src/core/translations';
import type { Catalogue } from '../src/core/ui-text';
import { LOCALES_DIR, ROOT, translationFiles } from './load-dataset';

const SIMPLIFIED = 'zh_CN';
const TRADITIONAL = 'zh_TW';

// Characters only ('tw'): Taiwan's phrase swaps ('twp') turn a video call (视频) into a film (影片).
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

function catalogue(simplified: Catalogue): Catalogue {
  return Object.fromEntries(
    Object.entries(simplified).map(([key, entry]) => [
      key,
      { ...entry, message: key === 'locale' ? TRADITIONAL : toTraditional(entry.message) },
    ]),
  );
}

/** A translation file as written: `names` may be left out. */
type TranslationJson = Omit<TranslationFile, 'names'> & Partial<Pick<TranslationFile, 'names'>>;

function translation(simplified: TranslationJson): TranslationJson {
  return {
    ...simplified,
    locale: TRADITIONAL,
    ...(simplified.names
      ? {
          names: Object.fromEntries(
            Object.entries(simplified.names).map(([id, forms]) => [id, forms.map(toTraditional)]),
          ),
        }
      : {}),
    lines: Object.fromEntries(
      Object.entries(simplified.lines).map(([path, line]) => [
        path,
        {
          ...line,
          text: toTraditional(line.text),
          ...(line.original ? { original: { ...line.original, wording: toTraditional(line.original.wording) } } : {}),
        },
      ]),
    ),
  };
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Every traditional-Chinese file, by path from the project root, as made from its simplified one. */
export function traditionalFiles(root = ROOT): Map<string, string> {
  const files = new Map<string, string>();
  const read = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'));
  files.set(
    `${LOCALES_DIR}/${TRADITIONAL}/messages.json`,
    json(catalogue(read(`${LOCALES_DIR}/${SIMPLIFIED}/messages.json`))),
  );
  const simplified = translationFiles(root).find((f) => f.locale === SIMPLIFIED);
  for (const file of [simplified?.entities, ...Object.values(simplified?.stories ?? {})]) {
    if (!file) continue;
    const path = file.path.replace(new RegExp(`${SIMPLIFIED}\\.json$`), `${TRADITIONAL}.json`);
    files.set(path, json(translation(file.json as TranslationJson)));
  }
  return files;
}

function main(check: boolean): number {
  let stale = 0;
  for (const [path, content] of traditionalFiles()) {
    const file = join(ROOT, path);
    const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    if (current === content) continue;
    if (check) {
      console.log(`${path}: not made from its simplified-Chinese file (run npm run translate:zh-TW)`);
      stale++;
    } else writeFileSync(file, content);
  }
  return stale > 0 ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = main(process.argv.includes('--check'));
