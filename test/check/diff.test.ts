import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { diffPages, isSame } from '../../src/check/diff.js';
import { decodePng, rasterizePdf } from '../../src/check/raster.js';
import { encodePng } from '../../src/io/png.js';
import { runTempDir } from '../../src/io/temp.js';
import { renderLayout } from '../../src/render/index.js';
import { drawPage } from '../../src/render/page-image.js';
import { CLI, ROOT } from '../paths.js';
import { buildSample, GOLDEN_DPI, moved, oneCharacterChanged } from './sample.js';

const dir = runTempDir('diff');
const sample = await buildSample();
const base = join(dir, 'base.pdf');
writeFileSync(base, sample.pdf);
const changed = join(dir, 'changed.pdf');
writeFileSync(changed, await renderLayout(oneCharacterChanged(sample.layout, 'a1'), sample.faces));
const shifted = join(dir, 'shifted.pdf');
writeFileSync(shifted, await renderLayout(moved(sample.layout, 'a5', 1), sample.faces));
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

test('diff of a build with itself: 0 changed pixels, exit 0', () => {
  const r = run('diff', base, base, '-o', join(dir, 'same'));
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /page 1: 0 pixels differ \(0\.000 %\)\npage 2: 0 pixels differ/);
});

test('one character changed: detected on its page, and the diff image shows where', async () => {
  const out = join(dir, 'char');
  const r = run('diff', base, changed, '-o', out);
  assert.equal(r.status, 1);
  const page = sample.layout.pages.findIndex((p) => p.boxes.some((b) => b.item === 'a1')) + 1;
  const m = new RegExp(`page ${page}: (\\d+) pixels differ .* around x (\\d+)-(\\d+), y (\\d+)-(\\d+) px`).exec(
    r.stdout,
  );
  assert.ok(m, r.stdout);
  assert.ok(Number(m[1]) > 0);
  // The box of red pixels is one character's size, where the character is.
  const [x0, x1, y0, y1] = m.slice(2).map(Number) as [number, number, number, number];
  assert.ok(x1 - x0 < 20 && y1 - y0 < 20, `${x1 - x0}×${y1 - y0} px`);
  const image = await decodePng(readFileSync(join(out, `diff-page-${page}.png`)));
  let red = 0;
  for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++) {
      const i = (y * image.width + x) * 4;
      if (image.data[i]! > 200 && image.data[i + 1]! < 60 && image.data[i + 2]! < 60) red++;
    }
  assert.ok(red > 0, 'the diff image paints the change red');
  assert.ok(readFileSync(join(out, `compare-page-${page}.png`)).length > 10_000, 'a | diff | b composite written');
});

test('one article moved by 1 mm: detected', () => {
  const r = run('diff', base, shifted, '-o', join(dir, 'shift'));
  assert.equal(r.status, 1);
  assert.match(r.stdout, /page 2: [1-9]\d* pixels differ/);
});

test('errors exit 2: a missing file, a file that is not a PDF', () => {
  let r = run('diff', base, join(dir, 'nope.pdf'));
  assert.equal(r.status, 2);
  assert.match(r.stderr, /nope\.pdf: no such file or directory/);
  const text = join(dir, 'text.pdf');
  writeFileSync(text, 'hello');
  r = run('diff', text, base);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /text\.pdf: is not a readable PDF/);
});

test(
  'golden images: the sample rebuilds pixel for pixel; a change of one character or a 1 mm move fails ' +
    'the comparison',
  async () => {
    const golden = await Promise.all(
      [1, 2].map(async (n) => decodePng(readFileSync(join(ROOT, 'test', 'golden', `sample-page-${n}.png`)))),
    );
    const now = await rasterizePdf(sample.pdf, GOLDEN_DPI);
    const same = diffPages(golden, now);
    assert.ok(
      isSame(same, 0),
      `the sample differs from its golden images: ${same.pages.map((p) => p.pixels).join(', ')} pixels (npm run ` +
        `golden:update if the change is meant)`,
    );
    for (const pdf of [changed, shifted]) {
      const other = diffPages(golden, await rasterizePdf(readFileSync(pdf), GOLDEN_DPI));
      assert.ok(!isSame(other, 0), `${pdf} should differ from the golden images`);
    }
  },
);

test('page images drawn from the layout agree with pdf.js reading the PDF, by the cross-engine limits', async () => {
  const { CROSS_ENGINE, compareInk } = await import('../../src/check/crosscheck.js');
  const drawn = sample.layout.pages.map((p) => drawPage(p, sample.faces, CROSS_ENGINE.dpi));
  const fromPdf = await rasterizePdf(sample.pdf, CROSS_ENGINE.dpi);
  const same = compareInk(fromPdf, drawn, sample.layout.makeup.bodySize);
  assert.ok(same.pass, `unmatched ink ${same.ratio}, densest patch ${same.patch}`);
  // It bites: pages drawn with one article moved by 1 mm do not pass.
  const shiftedPages = moved(sample.layout, 'a2', 1).pages.map((p) => drawPage(p, sample.faces, CROSS_ENGINE.dpi));
  assert.ok(!compareInk(fromPdf, shiftedPages, sample.layout.makeup.bodySize).pass);
  // The PNG written for it decodes to the same pixels (gray: one channel of four).
  const png = encodePng(drawn[0]!);
  assert.equal(png[25], 0, 'an 8-bit gray PNG');
  assert.deepEqual((await decodePng(png)).data, drawn[0]!.data);
});
