/**
 * Regenerated sections of the docs: the text between `<!-- NAME:start -->` and `<!-- NAME:end -->`
 * in a file under docs/ is replaced by what a command measured, and nothing else is touched.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeDocsSection(root: string, file: string, name: string, text: string): void {
  const path = join(root, file);
  const doc = readFileSync(path, 'utf8');
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file} has no ${name} markers`);
  writeFileSync(path, `${doc.slice(0, from + start.length)}\n${text}\n${doc.slice(to)}`);
}
