import { appendFileSync, cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compiledDatasetModules } from '../../scripts/compiled-dataset-module';
import { ROOT } from '../../scripts/load-dataset';

describe('the build id stored copies are checked against', () => {
  const copy = mkdtempSync(join(tmpdir(), 'nic-build-id-'));
  // The same data and catalogues, and a copy of the code that may be changed.
  cpSync(join(ROOT, 'src', 'core'), join(copy, 'src', 'core'), { recursive: true });
  for (const dir of ['data', '_locales']) symlinkSync(join(ROOT, dir), join(copy, dir));
  const data = join(ROOT, 'data');
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('is the same for the same data and code', () => {
    expect(compiledDatasetModules(copy, join(copy, 'data')).buildId).toBe(compiledDatasetModules(ROOT, data).buildId);
  });

  it('changes when the code that compiles followed stories or builds their gate changes', () => {
    const before = compiledDatasetModules(copy, join(copy, 'data')).buildId;
    appendFileSync(join(copy, 'src', 'core', 'precheck-gate.ts'), '\n// a gate built another way\n');
    expect(compiledDatasetModules(copy, join(copy, 'data')).buildId).not.toBe(before);
  });
});
