import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPILED_DATASET, compiledDatasetModules } from '../../scripts/compiled-dataset-module';
import { ROOT } from '../../scripts/load-dataset';

/** The value a `export default JSON.parse("…");` module gives. */
function moduleValue(code: string): unknown {
  const match = /^export default JSON\.parse\((".*")\);$/s.exec(code);
  if (!match) throw new Error(`not a parsed-JSON module: ${code.slice(0, 60)}`);
  return JSON.parse(JSON.parse(match[1]!) as string);
}

describe('the worker’s dataset modules', () => {
  const { modules } = compiledDatasetModules(ROOT, join(ROOT, 'data'));
  const matcherCode = modules[`${COMPILED_DATASET}/matcher`]!;
  const textsCode = modules[`${COMPILED_DATASET}/texts`]!;

  it('write the matcher as one-byte text that parses to the same names in every script', () => {
    // The packs name people in Russian and Chinese: escaped, they load as one-byte source.
    expect(JSON.stringify(moduleValue(matcherCode))).toMatch(/[\u0400-\u04ff]/);
    expect(JSON.stringify(moduleValue(matcherCode))).toMatch(/[\u4e00-\u9fff]/);
    expect([...matcherCode].some((c) => c.charCodeAt(0) > 0xff)).toBe(false);
  });

  it('keep the reader texts as they are (mostly Russian and Chinese, escaping would triple them)', () => {
    expect(textsCode).toMatch(/[\u4e00-\u9fff]/);
    expect(moduleValue(textsCode)).toHaveProperty('cards');
  });
});
