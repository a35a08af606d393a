import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { withBrowser } from '../../src/check/browser.js';
import { decodePng } from '../../src/check/raster.js';
import { runTempDir } from '../../src/io/temp.js';
import { proofHtmlFile, proofPdfFile } from '../../src/pipeline/index.js';
import { tool } from '../helpers/tools.js';
import { buildSample } from './sample.js';

const dir = runTempDir('proof');
const sample = await buildSample();
const html = await proofHtmlFile(sample.issue, sample.source, sample.layout);
const pdf = await proofPdfFile(sample.issue, sample.source, sample.layout);
const file = join(dir, 'proof.html');
writeFileSync(file, html);

test('the proof sheet in a real browser: no console errors; every item, correction, warning', async () => {
  await withBrowser(async (browser) => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('requestfailed', (r) => errors.push(`failed to load ${r.url()}`));
    await page.setViewport({ width: 1100, height: 1400 });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const found = await page.evaluate(() => ({
      items: [...document.querySelectorAll('section.item')].map((s) => s.getAttribute('data-item')),
      corrections: [
        ...new Set([...document.querySelectorAll('mark.corr')].map((m) => m.getAttribute('data-correction'))),
      ],
      highlighted: [...document.querySelectorAll('mark.corr')].every(
        (m) => getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)',
      ),
      warnings: [...document.querySelectorAll('li.warning')].map((l) => l.getAttribute('data-code')),
      font: document.fonts.check('16px np-proof', '岚县'),
    }));
    assert.deepEqual(errors, []);
    assert.deepEqual(found.items, ['masthead', 'lead', ...sample.issue.articles.map((a) => a.id)]);
    assert.deepEqual(
      [...found.corrections].sort(),
      sample.issue.corrections.map((c) => c.id).sort(),
      'every correction marked once or more',
    );
    assert.ok(found.highlighted, 'every mark has a background');
    assert.deepEqual(
      found.warnings,
      sample.issue.warnings.map((w) => w.code),
    );
    assert.ok(found.font, 'the embedded face is used');
    const shot = await decodePng(await page.screenshot({ type: 'png' }));
    let ink = 0;
    for (let i = 0; i < shot.data.length; i += 4) if (shot.data[i]! < 100) ink++;
    assert.ok(ink > 10_000, 'the screenshot shows text');
  });
});

test('the proof PDF is drawn by newsprint (no browser): readable, every item, the same bytes every time', async () => {
  const path = join(dir, 'proof.pdf');
  writeFileSync(path, pdf!);
  assert.equal(tool('qpdf', ['--check', path]).status, 0);
  const text = tool('pdftotext', ['-enc', 'UTF-8', path, '-']).stdout.replace(/\s/g, '');
  for (const a of sample.issue.articles) assert.ok(text.includes(a.headline.replace(/\s/g, '')), a.id);
  const again = await proofPdfFile(sample.issue, sample.source, sample.layout);
  assert.deepEqual(again, pdf);
});
