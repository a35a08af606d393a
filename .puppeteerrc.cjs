/**
 * puppeteer's own browser download cannot run everywhere (here only the npm
 * registry and Debian's packages are reachable), so it is skipped; newsprint
 * finds a browser itself: PUPPETEER_EXECUTABLE_PATH, then puppeteer's own
 * browser if one was installed (`npx puppeteer browsers install chrome`),
 * then the system's Chromium or Chrome (see src/check/browser.ts).
 */
module.exports = { skipDownload: true };
