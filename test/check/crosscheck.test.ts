import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withBrowser } from '../../src/check/browser.js';
import { crossCheck } from '../../src/check/crosscheck.js';
import { loadMetrics } from '../../src/fonts/faces.js';
import { readTemplate } from '../../src/io/inputs.js';
import { layoutIssue } from '../../src/layout/index.js';
import { renderLayout } from '../../src/render/index.js';
import { generatedIssues } from '../generator/issues.js';
import { buildSample, moved } from './sample.js';

const sample = await buildSample();

test('cross-engine: Chromium drawing the layout agrees with the PDF: the sample and 20 generated issues', async () => {
  await withBrowser(async (browser) => {
    const r = await crossCheck(sample.layout, sample.pdf, sample.faces, browser);
    assert.ok(r.pass, `sample: ${r.ratio} unmatched, patch ${r.patch}`);
    const template = readTemplate('tabloid');
    const metrics = loadMetrics();
    for (const issue of generatedIssues(20)) {
      const layout = layoutIssue(issue, template, metrics);
      const g = await crossCheck(layout, await renderLayout(layout, sample.faces), sample.faces, browser);
      assert.ok(g.pass, `${issue.source.file}: ${g.ratio} unmatched, patch ${g.patch}`);
    }
  });
});

test('cross-engine check bites: a glyph missing from the PDF, a module moved 1 mm', async () => {
  await withBrowser(async (browser) => {
    const blank = structuredClone(sample.layout);
    const line = blank.pages[1]!.boxes.find((b) => b.item === 'a5')!.lines.find((l) => l.role === 'body')!;
    line.text = [...line.text].map((c, i) => (i === 4 ? '\u3000' : c)).join('');
    const missing = await crossCheck(sample.layout, await renderLayout(blank, sample.faces), sample.faces, browser);
    assert.ok(!missing.pass, `missing glyph not caught: patch ${missing.patch}`);
    const shifted = await crossCheck(
      sample.layout,
      await renderLayout(moved(sample.layout, 'a2', 1), sample.faces),
      sample.faces,
      browser,
    );
    assert.ok(!shifted.pass, `1 mm move not caught: ${shifted.ratio}`);
  });
});
