/**
 * The page make-up's search on modules of given shapes (no text set): which cuts it finds, and in which order it
 * places the items.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ItemContent, SpanOption } from '../../src/layout/content.js';
import { planPage } from '../../src/layout/makeup.js';

/** A module option `span` columns wide and `height` lines tall, headline included, with no room to grow. */
function option(span: number, height: number): SpanOption {
  return {
    span,
    columns: span,
    body: [],
    measure: 10,
    gutter: 1.5,
    paragraphs: [],
    heads: [{ lines: 2, size: 20, set: [], clean: true }],
    perColumn: height - 2,
    stranded: 0,
    loose: 0,
    minHeight: height,
    maxHeight: height,
    tail: 0,
  };
}

function article(item: string, shapes: Array<[span: number, height: number]>): ItemContent {
  const spans = new Map<number, SpanOption[]>();
  for (const [span, height] of shapes) spans.set(span, [option(span, height)]);
  return { kind: 'article', item, headline: item, spans, bylines: new Map() };
}

/** A lead with one module option, `span` columns wide and `height` lines tall; no kicker, deck or air. */
function lead(span: number, height: number): ItemContent {
  return {
    kind: 'lead',
    item: 'lead',
    headline: 'lead',
    spans: new Map([[span, [option(span, height)]]]),
    deckSet: [],
    deckLines: 0,
    kickerSet: [],
    kickerLines: 0,
    airLines: 0,
  };
}

const page = (items: ItemContent[]) => planPage({ items, firstLine: 0, lines: 20, columns: 6, space: 1 });

test('make-up: articles set out of reading order where only that fills the page (a1 and a3 stacked beside a2)', () => {
  // Two columns hold a1 (9 lines) over a3 (10 lines, a rule's line between); a2 takes the other four columns whole.
  const plan = page([article('a1', [[2, 9]]), article('a2', [[4, 20]]), article('a3', [[2, 10]])]);
  assert.ok(plan, 'the page is made up');
  assert.equal(plan.holes, 0);
  assert.equal(plan.arrangement, '[a1(2×9) / a3(2×10) | a2(4×20)]');
});

test('make-up: reading order kept where it fills the page as well as another order', () => {
  const plan = page([article('a1', [[2, 20]]), article('a2', [[2, 20]]), article('a3', [[2, 20]])]);
  assert.deepEqual(
    plan?.modules.map((m) => [m.item, m.col]),
    [
      ['a1', 0],
      ['a2', 2],
      ['a3', 4],
    ],
  );
});

test('make-up: the lead stays first on its page; the articles take any order after it', () => {
  // a1 beside the lead over a2 would fill the page as well, but the lead opens the page.
  const plan = page([lead(2, 10), article('a1', [[4, 20]]), article('a2', [[2, 9]])]);
  assert.equal(plan?.arrangement, '[lead(2×10) / a2(2×9) | a1(4×20)]');
});

test('make-up: a page of many short items keeps reading order, each region a run of them', () => {
  const briefs = Array.from({ length: 10 }, (_, k) => article(`a${k + 1}`, [[6, 1]]));
  const plan = page(briefs);
  assert.deepEqual(
    plan?.modules.map((m) => m.item),
    briefs.map((b) => b.item),
  );
  assert.equal(plan?.holes, 6);
});

test('make-up: under a lead, one article across the page at most, unless nothing else fits', () => {
  // Stacked across the page, a1 and a2 fill it (5 + 1 + 6 + 1 + 7 lines); side by side they leave white, and win.
  const mixed = page([
    lead(6, 5),
    article('a1', [
      [6, 6],
      [3, 14],
    ]),
    article('a2', [
      [6, 7],
      [3, 12],
    ]),
  ]);
  assert.equal(mixed?.arrangement, 'lead(6×5) / [a1(3×14) | a2(3×12)]');
  assert.ok(mixed.holes > 0);
  // Where no other shape fits, the layer cake is the make-up.
  const only = page([lead(6, 5), article('a1', [[6, 6]]), article('a2', [[6, 7]])]);
  assert.equal(only?.arrangement, 'lead(6×5) / a1(6×6) / a2(6×7)');
  // Without a lead on the page, two across it may stack (at their cost) where that fills it.
  const band = page([
    article('a1', [
      [6, 9],
      [3, 19],
    ]),
    article('a2', [
      [6, 10],
      [3, 16],
    ]),
  ]);
  assert.equal(band?.arrangement, 'a1(6×9) / a2(6×10)');
});

test('make-up: a later article may stand across the top where that alone fills the page', () => {
  // a3 is set only across the page: over a1 and a2 side by side (5 + 1 + 14 lines) it fills the page.
  const plan = page([article('a1', [[3, 14]]), article('a2', [[3, 14]]), article('a3', [[6, 5]])]);
  assert.equal(plan?.arrangement, 'a3(6×5) / [a1(3×14) | a2(3×14)]');
  assert.equal(plan.holes, 0);
});
