import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadMetrics } from '../../src/fonts/faces.js';
import { readTemplate } from '../../src/io/inputs.js';
import { articleContent, leadContent, leadHeadlineFloors } from '../../src/layout/content.js';
import { gridFor } from '../../src/layout/grid.js';
import { headlineBlockLines } from '../../src/layout/headline.js';
import { layoutIssue } from '../../src/layout/index.js';
import { layoutViolations } from '../../src/layout/invariants.js';
import { recoverBytes } from '../../src/recover/index.js';
import { jiebaWords } from '../../src/text/segmenter.js';
import type { Layout } from '../../src/types.js';
import { SAMPLE } from '../paths.js';

const issue = recoverBytes(readFileSync(SAMPLE), { file: 'sample.txt', words: jiebaWords });
const metrics = loadMetrics();
const layouts = new Map<string, Layout>(
  ['tabloid', 'a3'].map((t) => [t, layoutIssue(issue, readTemplate(t), metrics)]),
);

for (const [name, layout] of layouts) {
  test(`${name}: two pages, every item placed, the type area filled (holes under 6 % a page)`, () => {
    assert.equal(layout.pages.length, 2);
    const items = layout.pages.flatMap((p) =>
      p.boxes.filter((b) => b.kind === 'lead' || b.kind === 'article').map((b) => b.item),
    );
    assert.deepEqual([...items].sort(), ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'lead']);
    assert.equal(layout.pages[0]!.boxes[0]!.kind, 'masthead');
    assert.equal(
      layout.pages[0]!.boxes.find((b) => b.kind === 'lead')!.rect.y,
      Math.min(...layout.pages[0]!.boxes.filter((b) => b.kind !== 'masthead').map((b) => b.rect.y)),
      'the lead is on top of page 1',
    );
    // (6 %: headline blocks no longer grow to fill a page, so the white they hid counts as holes; the a3 build's
    // page 2 leaves 5.7 %. The make-up report holds the issue's 2 % target.)
    for (const p of layout.pages) assert.ok(p.holes < 0.06, `page ${p.number} holes ${p.holes}`);
    assert.deepEqual(layoutViolations(layout, issue, metrics), []);
  });

  test(`${name}: every body line of a page on one baseline grid across columns`, () => {
    const { pitch } = layout.makeup;
    for (const p of layout.pages) {
      const ys = p.boxes.flatMap((b) => b.lines.filter((l) => l.role === 'body').map((l) => l.y));
      const first = Math.min(...ys);
      for (const y of ys) {
        const k = (y - first) / pitch;
        assert.ok(Math.abs(k - Math.round(k)) < 0.01, `baseline ${y} is off the grid of page ${p.number}`);
      }
    }
  });

  test(`${name}: headlines span their modules, bylines sit under them, bodies flow down the columns`, () => {
    for (const p of layout.pages)
      for (const b of p.boxes.filter((x) => x.kind === 'article')) {
        const head = b.lines.filter((l) => l.role === 'headline');
        const by = b.lines.filter((l) => l.role === 'byline');
        const body = b.lines.filter((l) => l.role === 'body');
        assert.ok(head.length >= 1 && by.length >= 1 && body.length > 0, b.id);
        assert.ok(
          Math.max(...head.map((l) => l.y)) < Math.min(...by.map((l) => l.y)),
          `${b.id}: byline under the headline`,
        );
        assert.ok(
          Math.max(...by.map((l) => l.y)) < Math.min(...body.map((l) => l.y)),
          `${b.id}: body under the byline`,
        );
        // One body column per grid column, or one fewer and wider (破栏), two fewer across five or more, each as wide
        // as the others.
        const columns = new Set(body.map((l) => Math.round(l.x)));
        assert.ok(
          columns.size === b.span || columns.size === b.span! - 1 || (b.span! >= 5 && columns.size === b.span! - 2),
          `${b.id}: body set in ${columns.size} columns across ${b.span}`,
        );
        for (const l of head)
          assert.ok(
            l.x >= b.rect.x - 0.5 && l.x + l.width <= b.rect.x + b.rect.width + 0.5,
            `${b.id}: headline inside the module`,
          );
      }
  });
}

test("a headline block is at most the template's maxHeadlineExtra lines taller than its headline needs", () => {
  // (Else the make-up fills a page with air round a headline set smaller than its block: 3 lines under the lead's.)
  const t = readTemplate('tabloid');
  for (const size of [9.25, 11.25]) {
    const g = gridFor(t, size);
    const contents = leadHeadlineFloors(issue.lead, t, g, metrics, jiebaWords).flatMap((least) => [
      leadContent(issue.lead!, t, g, metrics, jiebaWords, least),
      ...issue.articles.map((a) => articleContent(a, t, g, metrics, jiebaWords, least)),
    ]);
    for (const c of contents)
      for (const o of [...c.spans.values()].flat())
        for (const h of o.heads)
          assert.ok(
            h.lines - headlineBlockLines(h.set.length, h.size, g.pitch) <= t.maxHeadlineExtra,
            `${c.item} at ${size} pt, span ${o.span}: ${h.lines} lines for ${h.set.length} at ${h.size} pt`,
          );
  }
});

test('the two templates differ in geometry, not code: page sizes and columns come from the JSON', () => {
  const t = layouts.get('tabloid')!;
  const a = layouts.get('a3')!;
  assert.equal(t.makeup.columns, 6);
  assert.equal(a.makeup.columns, 7);
  assert.ok(Math.abs(t.pages[0]!.width - (270 * 72) / 25.4) < 0.1);
  assert.ok(Math.abs(a.pages[0]!.height - (420 * 72) / 25.4) < 0.1);
});

test('layout is deterministic', () => {
  assert.equal(
    JSON.stringify(layoutIssue(issue, readTemplate('tabloid'), metrics)),
    JSON.stringify(layouts.get('tabloid')),
  );
});

test('the invariant check bites: overlap, a lost character, a prohibited line start', () => {
  const base = layouts.get('tabloid')!;
  const overlap = structuredClone(base);
  const boxes = overlap.pages[1]!.boxes;
  boxes[2]!.rect = { ...boxes[1]!.rect };
  assert.ok(layoutViolations(overlap, issue, metrics).some((v) => v.includes('overlap')));

  const lost = structuredClone(base);
  const line = lost.pages[0]!.boxes.find((b) => b.item === 'a1')!.lines.find((l) => l.role === 'body')!;
  line.text = line.text.slice(0, -1);
  line.xs = line.xs.slice(0, -1);
  assert.ok(layoutViolations(lost, issue, metrics).some((v) => v.includes('a1 body')));

  const kinsoku = structuredClone(base);
  const l2 = kinsoku.pages[0]!.boxes.find((b) => b.item === 'a2')!.lines.filter((l) => l.role === 'body')[3]!;
  l2.text = '，' + l2.text.slice(1);
  assert.ok(layoutViolations(kinsoku, issue, metrics).some((v) => v.includes('starts with ，')));
});

test('content that cannot fit two pages: a clear error saying by how much', () => {
  const huge = structuredClone(issue);
  huge.articles = Array.from({ length: 4 }, () => issue.articles)
    .flat()
    .map((a, i) => ({ ...a, id: `a${i + 1}` }));
  assert.throws(
    () => layoutIssue(huge, readTemplate('tabloid'), metrics),
    (e: Error) => /does not fit two pages of template "tabloid".*\d+ % too much/.test(e.message),
  );
});

test("a lead headline too long for two lines at the lead's sizes is set smaller; one too long for any, refused", () => {
  const template = readTemplate('tabloid');
  const withLead = (n: number) => ({
    ...issue,
    lead: { ...issue.lead!, headline: [...issue.articles.map((a) => a.paragraphs[0]).join('')].slice(0, n).join('') },
  });
  const sizes = layoutIssue(withLead(60), template, metrics)
    .pages[0]!.boxes.flatMap((b) => b.lines)
    .filter((l) => l.role === 'lead-headline')
    .map((l) => l.size);
  assert.ok(sizes.length > 0 && sizes.every((s) => s < template.lead.headline.sizes.min && s >= 15), `${sizes}`);
  assert.throws(() => layoutIssue(withLead(200), template, metrics), /lead's headline \(200 characters\) does not fit/);
});

test('a long headline over a line of body: set in a module it fits; one too long for any, refused', () => {
  // What a scrambled recovery can give: a column line read into a headline, the body left with a line.
  const withHeadline = (n: number) => {
    const x = structuredClone(issue);
    x.articles[1]!.headline = [
      ...issue.articles
        .map((a) => a.paragraphs[0])
        .join('')
        .replace(/\p{P}/gu, ''),
    ]
      .slice(0, n)
      .join('');
    x.articles[1]!.paragraphs = [x.articles[1]!.paragraphs[0]!.slice(0, 40)];
    return x;
  };
  const long = withHeadline(40);
  const layout = layoutIssue(long, readTemplate('tabloid'), metrics);
  assert.deepEqual(layoutViolations(layout, long, metrics), []);
  assert.throws(
    () => layoutIssue(withHeadline(200), readTemplate('tabloid'), metrics),
    /headline of a2 \(200 characters\) does not fit/,
  );
});

test("a lead's kicker is set above its headline, centred, in the deck's face, and counted by the invariants", () => {
  const template = readTemplate('tabloid');
  const kicked = { ...issue, lead: { ...issue.lead!, kicker: '学用结合 推动工作' } };
  const layout = layoutIssue(kicked, template, metrics);
  const lines = layout.pages[0]!.boxes.find((b) => b.kind === 'lead')!.lines;
  const kicker = lines.filter((l) => l.role === 'kicker');
  const head = lines.filter((l) => l.role === 'lead-headline');
  assert.equal(kicker.map((l) => l.text).join(''), '学用结合 推动工作');
  assert.ok(kicker.every((l) => l.face === template.lead.deck.face && l.y < Math.min(...head.map((h) => h.y))));
  assert.deepEqual(layoutViolations(layout, kicked, metrics), []);
  // The check bites: a kicker the layout did not place is a violation.
  assert.ok(layoutViolations(layout, { ...kicked, lead: { ...kicked.lead, kicker: '别的' } }, metrics).length > 0);
});
