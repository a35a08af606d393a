/**
 * The make-up report held to floors: the sample (tabloid and a3), every
 * real-corpus page laid out from its gold (skipped with one line where the
 * corpus is absent) and a few generated issues. Headlines broken inside a
 * word are at the target (none); the other floors are today's
 * figures with a little room, so a change that makes pages worse fails, while
 * the targets of issue 12 (holes ≤ 2 %, no band over 2 lines, no line over
 * 1.10 em) are not reached yet; the lead's headline is held to the target.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LOOSE_PITCH } from '../../src/check/makeup.js';
import { makeupCases, measureCases } from './report.js';

const FLOORS = {
  /**
   * Worst empty share of page 1's type area, and of its area in white bands taller than 2 lines (today 11.0 % and
   * 9.6 %, both on 2025-02-07-10, whose text fills half a spread at the largest body size; 14.1 and 14.5 % while
   * article headlines stopped at 18 pt). Page 2 takes what the
   * text cannot fill: there 83 % of it stays empty, which no make-up can close without inventing text.
   */
  holes: [0.12, 0.85],
  white: [0.11, 0.85],
  /**
   * Mean empty share over every page of every spread (today 3.4 %: white under a module charged from its second line,
   * the first that reads as a band over 2 lines; 3.68 % before: a lead that jumps may keep articles under it on
   * page 1; 3.79 % before, when a module could first be a line taller where its
   * paragraphs fill it set solid, which closed the sample's and 2025-02-06-18's worst pages but left generated 4's
   * page 1 10 % empty in place of two stacked bands; 3.68 % before; article headlines as large as the lead allows,
   * 4.07 % while they stopped at 18 pt; articles set in any order on their page, 4.48 %
   * in reading order; 4.89 % before modules' last columns were filled where paragraphs go a line longer set solid).
   */
  holesMean: 0.035,
  /**
   * Tallest white band down any column, in body lines missing: page 1 (today 6, 2025-02-07-10; 6.2 while the leading
   * beside it counted; 10.2 before), page 2.
   */
  band: [7, 50],
  /** Share of body lines looser than LOOSE_PITCH, on one spread (today at most 2.5 %: 8- to 12-em measures). */
  loose: 0.03,
  /**
   * Share of body lines looser than LOOSE_PITCH over every spread together (today 0.72 %, 55 of 7,665, since a
   * paragraph that ends no sentence ends on a full line; 0.69 % before: the make-up weighs a module's loose lines
   * against holes, 1.3-1.4 % before it did; Kai quotes in a full em, 0.93 % before;
   * 0.65 % before paragraph ends were set to read back).
   */
  looseAll: 0.008,
  /**
   * Loosest body line, in ems (issue 12: 1.10; the setter spreads no gap by more than a tenth of an em, and a line it
   * could fill no better, a 6-em first line before a 4-em number in 10 em, keeps the rest at its end). Positions are
   * kept to a hundredth of a point, a few thousandths of an em.
   */
  pitch: 1.105,
  /** Least ratio of the lead's headline size to the largest article headline (issue 12: 1.4). */
  leadRatio: 1.4,
  /** Widows and orphans on one spread (issue 12: none). */
  stranded: 0,
  /**
   * White above or below a headline, in body lines (today 1.2-2.1: the house style's half a line to a line on each
   * side, centred in the headline's grid lines, and the template's extra line where the block grows; a lead with no
   * deck read 2.7 while it kept a line of air under its headline as well).
   */
  headlineSpace: 2.5,
  /**
   * Articles on a spread with a larger headline than the article before them on their page (today at most 1: a later
   * headline is set at the earlier's size where it keeps its lines; 2 while article headlines stopped at 18 pt).
   */
  inversions: 1,
  /**
   * Body line junctions on a spread that recovery's paragraph reading gets wrong with the indents dropped (today at
   * most 1: a paragraph that ends no sentence on a full line, `…的整治力度` / `“‘代抢’…`, which no line break within
   * the pitch cap can end short; 5 over the report).
   */
  misread: 1,
  /**
   * Full-width articles set right under another, over all spreads (issue 12: none; today 5, generated 1's and 4's
   * page 1, where held to one article across under the lead they leave 6-12 % of it white (makeup.ts
   * LAYER_CAKE_HOLES), and page 2s of articles of fixed height that side by side leave a module's last third empty;
   * 3 while the make-up took two across under a lead wherever that cost less than its holes; 10 while a lead
   * jumped only with the articles after it, stacked under its continuation on page 2; 12 before a module could be a
   * line taller filled solid, 10 before a headline was kept from breaking into two half-empty lines).
   */
  stacked: 5,
  /**
   * Widest white between two body columns of a module, in ems (today 3.4, the lead's introduction, measured from the
   * grid's gutter; articles 3.2 at most; 4.0 when they too were measured only so: 2 columns over 3 at 12 pt, from a
   * grid gutter already 2 em wide). A newspaper's are 1-2 em.
   */
  gutter: 3.5,
};

test('make-up report: no headline broken inside a word, and no page worse than today', (t) => {
  const { cases, note } = makeupCases();
  if (note) t.diagnostic(note);
  const rows = measureCases(cases);
  let [allLines, allLoose, stacked] = [0, 0, 0];
  const holes: number[] = [];
  for (const { name, score, error } of rows) {
    assert.ok(score, `${name}: not set: ${error}`);
    for (const p of score.pages) {
      const at = `${name} page ${p.page}`;
      assert.deepEqual(p.midWordBreaks, [], `${at}: headlines broken inside a word`);
      const k = p.page === 1 ? 0 : 1;
      assert.ok(p.holes <= FLOORS.holes[k]!, `${at}: holes ${p.holes}`);
      holes.push(p.holes);
      assert.ok(p.white <= FLOORS.white[k]!, `${at}: white bands ${p.white}`);
      assert.ok(p.tallestBand <= FLOORS.band[k]!, `${at}: a white band of ${p.tallestBand} lines`);
      assert.ok(p.maxPitch <= FLOORS.pitch, `${at}: a body line at ${p.maxPitch} em`);
      assert.ok(p.headlineSpace <= FLOORS.headlineSpace, `${at}: ${p.headlineSpace} lines of white at a headline`);
      stacked += p.stackedFullWidth;
      assert.ok(p.widestGutter <= FLOORS.gutter, `${at}: a gutter of ${p.widestGutter} em`);
    }
    const lines = score.pages.reduce((k, p) => k + p.bodyLines, 0);
    const loose = score.pages.reduce((k, p) => k + p.looseLines, 0);
    assert.ok(loose / lines <= FLOORS.loose, `${name}: ${loose} of ${lines} lines looser than ${LOOSE_PITCH} em`);
    allLines += lines;
    allLoose += loose;
    if (score.leadRatio !== null) assert.ok(score.leadRatio >= FLOORS.leadRatio, `${name}: lead ${score.leadRatio}`);
    const inverted = score.pages.reduce((k, p) => k + p.hierarchyInversions, 0);
    assert.ok(inverted <= FLOORS.inversions, `${name}: ${inverted} headlines larger than the one before them`);
    const misread = score.pages.flatMap((p) => p.misread);
    assert.ok(misread.length <= FLOORS.misread, `${name}: paragraph junctions read wrong: ${misread.join(' ')}`);
    const stranded = score.pages.reduce((k, p) => k + p.widows + p.orphans, 0);
    assert.ok(stranded <= FLOORS.stranded, `${name}: ${stranded} widows and orphans`);
    // Issue 12's layer cake: on the sample and the corpus pages no two full-width articles stacked under the lead
    // (generated 1 has one such pair, so the count is live; page 2s without the lead are held to FLOORS.stacked).
    if (!name.startsWith('generated')) {
      const underLead = score.pages.reduce((k, p) => k + p.stackedUnderLead, 0);
      assert.equal(underLead, 0, `${name}: full-width articles stacked under the lead`);
    }
    // The sample fits two pages at a reading size on both templates (issue 12: body at 9 pt or more).
    if (name.startsWith('sample')) assert.ok(score.bodySize >= 9, `${name}: body ${score.bodySize} pt`);
    // On the sample's tabloid spread, issue 12's target for loose lines: ≤ 1 % over 1.05 em.
    if (name === 'sample tabloid')
      assert.ok(loose / lines <= 0.01, `${name}: ${loose} of ${lines} lines looser than ${LOOSE_PITCH} em`);
  }
  assert.ok(allLoose / allLines <= FLOORS.looseAll, `${allLoose} of ${allLines} lines looser than ${LOOSE_PITCH} em`);
  assert.ok(stacked <= FLOORS.stacked, `${stacked} full-width articles stacked on another`);
  const meanHoles = holes.reduce((a, b) => a + b, 0) / holes.length;
  assert.ok(meanHoles <= FLOORS.holesMean, `mean holes ${meanHoles} over ${holes.length} pages`);
});
