/**
 * The make-up report's white bands, measured on a page drawn by hand: a column of body lines on the grid, some of
 * them missing. A band is the lines missing there, the leading between lines not counted.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { measureMakeup } from '../../src/check/makeup.js';
import { jiebaWords } from '../../src/text/segmenter.js';
import type { Layout, TextLine } from '../../src/types.js';

const SIZE = 10;
const PITCH = 14.5;
const LINES = 20;
const AREA = { x: 50, y: 50, width: 10 * SIZE, height: LINES * PITCH };

/** A one-column page whose grid lines are printed, but for those in `missing` (0 = the top line). */
function page(missing: number[]): Layout {
  const text = '东州西湾新区的河道整治';
  const lines: TextLine[] = [];
  for (let k = 0; k < LINES; k++) {
    if (missing.includes(k)) continue;
    lines.push({
      role: 'body',
      item: 'a1',
      paragraph: k,
      text,
      face: 'song',
      size: SIZE,
      x: AREA.x,
      // On the grid: the em box centred in its line's pitch, as layout/grid.ts baselineOf places it.
      y: AREA.y + k * PITCH + (PITCH - SIZE) / 2 + 0.88 * SIZE,
      width: AREA.width,
      xs: [...text].map((_, i) => i * SIZE),
    });
  }
  return {
    schema: 'newsprint/layout@1',
    template: 'hand',
    issue: { file: 'hand', sha256: '', section: '东州日报', date: null, weekday: '', title: '' },
    outline: [],
    makeup: { bodySize: SIZE, pitch: PITCH, columns: 1, measureEm: 10, score: 0, candidates: 1, pages: [] },
    pages: [
      {
        number: 1,
        width: 300,
        height: 500,
        typeArea: AREA,
        boxes: [{ id: 'a1', kind: 'article', item: 'a1', rect: AREA, span: 1, lines }],
        rules: [],
        holes: missing.length / LINES,
      },
    ],
  };
}

const tallest = (missing: number[]) => measureMakeup(page(missing), jiebaWords).pages[0]!.tallestBand;

test('a white band is the body lines missing there: none between lines, one per missing line, at any height', () => {
  assert.equal(tallest([]), 0);
  assert.equal(tallest([7]), 1);
  assert.equal(tallest([7, 8]), 2);
  assert.equal(tallest([7, 8, 9]), 3);
  // At the type area's foot and top, against its edge.
  assert.equal(tallest([18, 19]), 2);
  assert.equal(tallest([0, 1, 2]), 3);
});

test('white bands over 2 lines are the white share; two missing lines are not over 2', () => {
  const white = (missing: number[]) => measureMakeup(page(missing), jiebaWords).pages[0]!.white;
  assert.equal(white([7, 8]), 0);
  assert.equal(white([18, 19]), 0);
  // Three lines missing: three pitches of white in a column of LINES.
  assert.ok(Math.abs(white([7, 8, 9]) - 3 / LINES) < 1e-9, `${white([7, 8, 9])}`);
});
