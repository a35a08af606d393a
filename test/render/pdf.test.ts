import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadFaces, loadMetrics } from '../../src/fonts/faces.js';
import { readTemplate } from '../../src/io/inputs.js';
import { runTempDir } from '../../src/io/temp.js';
import { layoutIssue } from '../../src/layout/index.js';
import { recoverSource } from '../../src/pipeline/index.js';
import { renderLayout } from '../../src/render/index.js';
import { hanCounts, NO_LINE_END, NO_LINE_START } from '../../src/text/chars.js';
import { issueHan } from '../../src/text/han.js';
import type { Issue } from '../../src/types.js';
import { extract } from '../corpus/extract.js';
import { pdftotext, tool } from '../helpers/tools.js';
import { SAMPLE } from '../paths.js';

const dir = runTempDir('render');
// As `newsprint build` sets it: recovered, then normalised for print.
const { issue } = recoverSource(readFileSync(SAMPLE), 'sample.txt');
const layout = layoutIssue(issue, readTemplate('tabloid'), loadMetrics());
const faces = loadFaces();
const bytes = await renderLayout(layout, faces);
const pdf = join(dir, 'spread.pdf');
writeFileSync(pdf, bytes);
const squash = (s: string) => s.replace(/\s/g, '');

test('qpdf finds nothing wrong; two pages; a sensible size', () => {
  const check = tool('qpdf', ['--check', pdf]);
  assert.equal(check.status, 0, check.stdout + check.stderr);
  assert.match(check.stdout, /No syntax or stream encoding errors/);
  assert.match(tool('pdfinfo', [pdf]).stdout, /Pages:\s+2/);
  assert.ok(bytes.length < 3_000_000, `${bytes.length} bytes`);
});

test('fonts embedded as subsets with a tag, nothing taken from the system', () => {
  const fonts = tool('pdffonts', [pdf]).stdout.split('\n').slice(2).filter(Boolean);
  assert.ok(fonts.length >= 3);
  for (const f of fonts) {
    assert.match(f, /^[A-Z]{6}\+/, f);
    assert.match(f, /CID TrueType\s+Identity-H\s+yes yes yes/, f);
  }
});

test(
  'pdftotext gives back every Han character of the issue, no line against the prohibitions; in content order ' +
    '(-raw) each item reads in order',
  () => {
    const text = pdftotext(pdf);
    const got = hanCounts(text);
    for (const [ch, n] of issueHan(issue)) assert.ok((got.get(ch) ?? 0) >= n, `${ch}: ${got.get(ch) ?? 0} of ${n}`);
    // The order is the PDF's own (-raw): pdftotext's default mode guesses columns from the geometry and may read a
    // headline between the columns of the module above it; how recovery copes is measured by the round trip
    // (npm run accuracy, engine newsprint).
    const flat = squash(pdftotext(pdf, '-raw'));
    const items = [
      { id: 'lead', parts: [issue.lead!.headline, issue.lead!.deck!, ...issue.lead!.paragraphs] },
      ...issue.articles.map((a) => ({
        id: a.id,
        parts: [a.headline, `□${a.byline!.role}${a.byline!.name}`, ...a.paragraphs],
      })),
    ];
    for (const { id, parts } of items) {
      let at = 0;
      for (const part of parts) {
        const k = flat.indexOf(squash(part), at);
        assert.ok(k >= 0, `${id}: "${part.slice(0, 16)}…" is not where reading order puts it`);
        at = k + squash(part).length;
      }
    }
    for (const line of text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)) {
      assert.ok(!NO_LINE_START.has([...line][0]!), `line starts with a prohibited mark: ${line}`);
      assert.ok(!NO_LINE_END.has([...line].at(-1)!), `line ends with a prohibited mark: ${line}`);
    }
  },
);

test("the round trip: pdftotext's (default, -raw) and pdf.js's text of the spread give back every item", async () => {
  // (Articles in any order: the spread may set one in another place than the page it was recovered from did.)
  const itemsOf = (i: Issue) => [
    [i.lead?.kicker, i.lead?.headline, i.lead?.deck, ...(i.lead?.paragraphs ?? [])].join('\n'),
    ...i.articles.map((a) => [a.headline, a.byline?.role, a.byline?.name, ...a.paragraphs].join('\n')).sort(),
  ];
  const a3 = await renderLayout(layoutIssue(issue, readTemplate('a3'), loadMetrics()), faces);
  // (The tabloid breaks a headline with no space, `…推动新时代` / `人大工作…`, between two words, as a clause break is
  // printed; recovery joins it again because its body runs those words together.)
  for (const [name, spread] of [
    ['a3', a3],
    ['tabloid', bytes],
  ] as const)
    for (const mode of ['pdftotext', 'pdftotext-raw', 'pdfjs'] as const) {
      const text = await extract(spread, mode, dir, name);
      const back = recoverSource(new TextEncoder().encode(text), 'spread.txt').issue;
      assert.deepEqual(itemsOf(back), itemsOf(issue), `${name} ${mode}`);
    }
});

test('metadata: title with section and date, language, creation date from the issue, one bookmark per item', () => {
  const info = tool('pdfinfo', [pdf]).stdout;
  assert.match(info, /Title:\s+政教专刊部主办 2024-01-08/);
  assert.match(info, /CreationDate:\s+Mon Jan\s+8 00:00:00 2024/);
  const raw = Buffer.from(bytes).toString('latin1');
  assert.match(raw, /\/Lang \(zh-CN\)/);
  assert.match(raw, /\/Type \/Outlines[\s\S]*?\/Count 8/);
});

test('byte-identical for the same layout; the spread sheet has both pages on one', async () => {
  assert.deepEqual(await renderLayout(layout, faces), bytes);
  const sheet = join(dir, 'sheet.pdf');
  writeFileSync(sheet, await renderLayout(layout, faces, { sheet: true }));
  const info = tool('pdfinfo', [sheet]).stdout;
  assert.match(info, /Pages:\s+1/);
  const [w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1).map(Number) as [number, number];
  assert.ok(Math.abs(w - 2 * layout.pages[0]!.width) < 1 && Math.abs(h - layout.pages[0]!.height) < 1);
  assert.equal(squash(pdftotext(sheet)).length, squash(pdftotext(pdf)).length);
});

test('print: a TrimBox on every page, rules in DeviceGray (no RGB black), the folio on the outer edge', () => {
  const qdf = join(dir, 'qdf.pdf');
  assert.equal(tool('qpdf', ['--qdf', '--object-streams=disable', pdf, qdf]).status, 0);
  const raw = readFileSync(qdf, 'latin1');
  assert.equal((raw.match(/\/TrimBox/g) ?? []).length, 2);
  assert.ok(!/\b0 0 0 RG\b/.test(raw) && !/\b0 0 0 rg\b/.test(raw), 'no RGB black');
  assert.match(raw, /\b0 G\b/, 'rules stroked in gray');
  // Page 2 is the right-hand page: its folio ends its running head, at the right.
  const head = pdftotext(pdf, '-f', '2', '-l', '2', '-layout')
    .split('\n')
    .find((l) => l.trim());
  assert.match(head ?? '', /第\s*2\s*版\s*$/);
});

test('every face sets a full-width mark half width, the Kai face (no `halt` feature) by where its ink lies', () => {
  for (const [role, m] of Object.entries(loadMetrics())) {
    assert.deepEqual(m.half('，'), { advance: 0.5, offset: 0 }, `${role}: a comma keeps its left half`);
    assert.deepEqual(m.half('（'), { advance: 0.5, offset: -0.5 }, `${role}: an opening bracket keeps its right half`);
  }
});

test('a face with Latin-narrow quotes (Kai) sets them in a full em, ink against their text, read whole', async () => {
  const kai = loadMetrics().kai;
  assert.ok(kai.glyphAdvance('“') < 0.5, 'LXGW WenKai draws its quotes narrow');
  assert.equal(kai.advance('“'), 1);
  assert.ok(
    kai.inset('“') > 0.5 && kai.inset('”') === 0,
    'an opening quote sits at its em’s end, a closing one at its start',
  );
  assert.deepEqual(kai.half('”'), { advance: 0.5, offset: 0 });
  // Invented text in the lead's introduction (set in Kai).
  const quoted = '“东州港今年新开三条航线”，王明远说，“货物吞吐量再创新高。”';
  const withQuotes = { ...issue, lead: { ...issue.lead!, paragraphs: [quoted, ...issue.lead!.paragraphs] } };
  const set = layoutIssue(withQuotes, readTemplate('tabloid'), loadMetrics());
  const line = set.pages[0]!.boxes.flatMap((b) => b.lines).find((l) => l.text.includes('东州港'))!;
  assert.equal(line.face, 'kai');
  const at = [...line.text].indexOf('“', 2);
  assert.ok(at >= 0, line.text);
  const ink = line.xs[at + 1]! - line.xs[at]!;
  assert.ok(
    Math.abs(ink - kai.glyphAdvance('“') * line.size) < 0.01,
    `the quote's ink meets the next character: ${ink}`,
  );
  const file = join(dir, 'quotes.pdf');
  writeFileSync(file, await renderLayout(set, faces));
  assert.ok(pdftotext(file).includes('“东州港今年新开三条航线”，'), 'no gap read into the line at a quote');
});
