import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadFaces, loadMetrics } from '../../src/fonts/faces.js';
import { readTemplate } from '../../src/io/inputs.js';
import { layoutIssue } from '../../src/layout/index.js';
import { layoutViolations } from '../../src/layout/invariants.js';
import { renderLayout } from '../../src/render/index.js';
import { generatedIssues } from '../generator/issues.js';

test('20 generated issues (4-9 items, 4,000-9,000 characters) lay out and render, invariants hold', async () => {
  const metrics = loadMetrics();
  const faces = loadFaces();
  const template = readTemplate('tabloid');
  const holes: number[] = [];
  for (const issue of generatedIssues(20)) {
    const layout = layoutIssue(issue, template, metrics);
    assert.deepEqual(layoutViolations(layout, issue, metrics), [], issue.source.file);
    holes.push(...layout.pages.map((p) => p.holes));
    const pdf = await renderLayout(layout, faces);
    assert.ok(pdf.length > 10_000, issue.source.file);
  }
  // Fill is a goal of the make-up, not an invariant: most pages reach under 3 %; an issue of a few
  // long articles can leave more on page 1, where the lead and one article must share it (README).
  holes.sort((a, b) => a - b);
  assert.ok(holes[Math.floor(holes.length / 2)]! < 0.02, `median hole share ${holes[Math.floor(holes.length / 2)]}`);
  assert.ok(
    holes.filter((h) => h >= 0.03).length <= 2,
    `pages with 3 % or more holes: ${holes.filter((h) => h >= 0.03).length}`,
  );
  // (0.10: total-fit line breaking changed paragraph lengths; seed 8, a lead and one long article on page 1,
  // leaves 9.2 % there, where first fit left under 8 %.)
  assert.ok(holes.at(-1)! < 0.1, `largest hole share ${holes.at(-1)}`);
});
