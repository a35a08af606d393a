/**
 * A headless Chromium through puppeteer. PUPPETEER_EXECUTABLE_PATH wins;
 * then puppeteer's own browser (a user ran `npx puppeteer browsers install
 * chrome`); then a Chromium or Chrome on PATH or at the usual places
 * (Debian's `chromium` here, where puppeteer's download is not reachable).
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer';
import { NewsprintError } from '../errors.js';
import { runTempDir } from '../io/temp.js';

/** Names a Chromium or Chrome goes by on PATH. */
const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
/** Where browsers live that may not be on PATH. */
const KNOWN_PATHS = ['/usr/bin/chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];

/** No browser, or one that would not start: the proof and the cross-engine check cannot run. */
export class BrowserError extends NewsprintError {
  override name = 'BrowserError';
}

const HOW_TO_GET_ONE =
  'install Chromium (apt-get install chromium), run `npx puppeteer browsers install chrome`, or set ' +
  'PUPPETEER_EXECUTABLE_PATH';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The first of `names` found in the folders of PATH. */
export function onPath(names: string[], path = process.env.PATH ?? ''): string | null {
  for (const dir of path.split(delimiter).filter(Boolean))
    for (const name of names) if (executable(join(dir, name))) return join(dir, name);
  return null;
}

export function browserExecutable(): string {
  const env = process.env.PUPPETEER_EXECUTABLE_PATH;
  if (env) {
    if (!existsSync(env)) throw new BrowserError(`PUPPETEER_EXECUTABLE_PATH points to ${env}, which does not exist`);
    return env;
  }
  try {
    const own = puppeteer.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // puppeteer has no browser of its own
  }
  const found = onPath(BROWSER_NAMES) ?? KNOWN_PATHS.find(executable);
  if (found) return found;
  throw new BrowserError('no browser found for the cross-engine check', undefined, HOW_TO_GET_ONE);
}

export function hasBrowser(): boolean {
  try {
    browserExecutable();
    return true;
  } catch {
    return false;
  }
}

/**
 * A headless browser and how to close it. Its profile is in this run's
 * temporary folder; it talks to us over a pipe, so it exits when newsprint
 * does, however newsprint ends (a websocket would leave it running).
 */
export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const executablePath = browserExecutable();
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      pipe: true,
      userDataDir: runTempDir('chromium'),
      timeout: 60_000,
      // No network here and none needed: keep Chromium from trying.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-default-apps',
        '--font-render-hinting=none',
      ],
    });
  } catch (e) {
    const first = String((e as Error).message ?? e).split('\n')[0];
    throw new BrowserError(`the browser ${executablePath} did not start (${first})`, undefined, HOW_TO_GET_ONE);
  }
  return { browser, close: () => browser.close() };
}

/** Runs `fn` with a fresh headless browser, always closed afterwards. */
export async function withBrowser<T>(fn: (browser: Browser) => Promise<T>): Promise<T> {
  const { browser, close } = await launchBrowser();
  try {
    return await fn(browser);
  } finally {
    await close();
  }
}
