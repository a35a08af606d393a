/**
 * A headless Chromium through puppeteer. Where puppeteer has its own browser
 * (a user ran `npx puppeteer browsers install chrome`) that one is used; a
 * PUPPETEER_EXECUTABLE_PATH wins over everything; otherwise the system's
 * Chromium or Chrome (Debian's `chromium` here, where puppeteer's download
 * is not reachable).
 */
import { existsSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer';
import { NewsprintError } from '../errors.js';

const SYSTEM_BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];

export function browserExecutable(): string {
  const env = process.env.PUPPETEER_EXECUTABLE_PATH;
  if (env) {
    if (!existsSync(env)) throw new NewsprintError(`PUPPETEER_EXECUTABLE_PATH points to ${env}, which does not exist`);
    return env;
  }
  try {
    const own = puppeteer.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // puppeteer has no browser of its own
  }
  const system = SYSTEM_BROWSERS.find((p) => existsSync(p));
  if (system) return system;
  throw new NewsprintError('no browser found for the proof sheet and the cross-engine check', undefined, 'install Chromium (apt-get install chromium) or run `npx puppeteer browsers install chrome`, or set PUPPETEER_EXECUTABLE_PATH');
}

export function hasBrowser(): boolean {
  try {
    browserExecutable();
    return true;
  } catch {
    return false;
  }
}

/** A headless browser and how to close it (and remove its profile). */
export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'newsprint-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: browserExecutable(),
    headless: true,
    userDataDir: profile,
    // No network here and none needed: keep Chromium from trying.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-default-apps', '--font-render-hinting=none'],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
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
