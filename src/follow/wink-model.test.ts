import { beforeEach, describe, expect, it, vi } from 'vitest';

/** Two of the model's files, as the build lists them: one an object, one an array. */
const files = vi.hoisted(() => ({
  core: {} as Record<string, unknown>,
  ner: [] as unknown[],
}));

vi.mock('virtual:wink-model-files', () => ({
  winkModelFiles: [
    { file: 'assets/wink-model/core.json', into: files.core },
    { file: 'assets/wink-model/ner.json', into: files.ner },
  ],
}));
vi.mock('webextension-polyfill', () => ({
  default: { runtime: { getURL: (path: string) => `chrome-extension://id/${path}` } },
}));

const contents: Record<string, unknown> = {
  'chrome-extension://id/assets/wink-model/core.json': { header: { 0: 0 }, lexicon: 'AAAA' },
  'chrome-extension://id/assets/wink-model/ner.json': ['[100,2]', '[1]'],
};

let failing: string | undefined;
const fetchMock = vi.fn(async (url: string) =>
  url === failing ? new Response('', { status: 404, statusText: 'Not Found' }) : Response.json(contents[url]),
);
vi.stubGlobal('fetch', fetchMock);

beforeEach(() => {
  vi.resetModules();
  fetchMock.mockClear();
  failing = undefined;
  for (const key of Object.keys(files.core)) delete files.core[key];
  files.ner.length = 0;
});

describe('loadWinkModel', () => {
  it("fills each of the model's values from its packaged file, once per page", async () => {
    const { loadWinkModel } = await import('./wink-model');
    await Promise.all([loadWinkModel(), loadWinkModel()]);
    await loadWinkModel();
    expect(files.core).toEqual(contents['chrome-extension://id/assets/wink-model/core.json']);
    expect(files.ner).toEqual(contents['chrome-extension://id/assets/wink-model/ner.json']);
    expect(fetchMock.mock.calls.map(([url]) => url).sort()).toEqual(Object.keys(contents).sort());
  });

  it('leaves every value empty when one file cannot be read, and reads them all again on the next call', async () => {
    const { loadWinkModel } = await import('./wink-model');
    failing = 'chrome-extension://id/assets/wink-model/ner.json';
    await expect(loadWinkModel()).rejects.toThrow('assets/wink-model/ner.json: 404 Not Found');
    expect(files.core).toEqual({});
    expect(files.ner).toEqual([]);

    failing = undefined;
    await loadWinkModel();
    expect(files.ner).toEqual(['[100,2]', '[1]']);
    expect(fetchMock).toHaveBeenCalledTimes(4);
  });
});
