/**
 * wink-nlp's English model, read from the extension's own files (see scripts/wink-model-files.ts):
 * a packaged file, never the network. Read once per page, before the builder's wink-nlp is made.
 */
import { winkModelFiles } from 'virtual:wink-model-files';
import browser from 'webextension-polyfill';

let loaded: Promise<void> | undefined;

async function readFile(file: string): Promise<unknown> {
  const response = await fetch(browser.runtime.getURL(file));
  if (!response.ok) throw new Error(`${file}: ${response.status} ${response.statusText}`);
  return response.json();
}

/** Fills the model's data once every file is read, so a failed read leaves it empty and can be tried again. */
export function loadWinkModel(): Promise<void> {
  loaded ??= Promise.all(winkModelFiles.map(({ file }) => readFile(file))).then(
    (data) =>
      winkModelFiles.forEach(({ into }, i) => {
        if (Array.isArray(into)) into.push(...(data[i] as unknown[]));
        else Object.assign(into, data[i]);
      }),
    (error: unknown) => {
      loaded = undefined;
      throw error;
    },
  );
  return loaded;
}
