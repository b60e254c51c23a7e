/**
 * Finds a browser binary the way every script and test here does: an environment variable first,
 * then Debian's path, then the usual names on PATH; else one line saying what to install.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface BrowserSearch {
  /** Name of the browser in messages ("Chromium"). */
  name: string;
  /** Environment variable that names the binary ("CHROME_PATH"). */
  envVar: string;
  /** Where Debian's package puts it. */
  debianPath: string;
  /** Names to look for on PATH, in order. */
  pathNames: readonly string[];
  /** The Debian package to install. */
  debianPackage: string;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findBrowser(search: BrowserSearch): string {
  const fromEnv = process.env[search.envVar];
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new Error(
      `${search.envVar}=${fromEnv} is not an executable file: point it at a ${search.name} binary or unset it`,
    );
  }
  if (isExecutable(search.debianPath)) return search.debianPath;
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of search.pathNames) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  throw new Error(
    `${search.name} not found: install it with \`apt-get install ${search.debianPackage}\` or set ${search.envVar}`,
  );
}
