/** `npm start`'s choice of browser: with no Chromium to be found, the demo runs in Firefox ESR. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/chrome';

const run = promisify(execFile);

describe('npm start', () => {
  it('runs the demo in Firefox ESR when CHROME_PATH points nowhere', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, CHROME_PATH: join(ROOT, 'no-such-chromium'), HEADLESS: '1' };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    delete env.FIREFOX_PATH;
    // After `npm run build`, `npm start` runs this script.
    const { stdout } = await run(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/start.ts'], {
      cwd: ROOT,
      env,
      timeout: 150_000,
    });
    expect(stdout).toContain('no-such-chromium is not an executable file');
    expect(stdout).toMatch(/^Browser: Firefox \(\/usr\/bin\/firefox-esr\)$/m);
    expect(stdout).not.toContain('Browser: Chromium');
    const total = Number(/^Highlights: (\d+)$/m.exec(stdout)?.[1]);
    expect(total).toBeGreaterThan(50);
    expect(stdout).toMatch(/^ {2}limit +[1-9]/m);
  }, 180_000);
});
