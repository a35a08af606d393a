import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readingEnds, showsBreak } from '../../src/layout/readable.js';
import { breakParagraph, type ReadingEnds } from '../../src/layout/text/linebreak.js';
import { emWidth } from '../../src/text/chars.js';
import { idealFace } from '../helpers/fake-metrics.js';

/** Invented paragraphs; the second opens with marks that total fit compresses to fit its first line. */
const TIGHT_START = '李华认为，“光盘行动”“小份菜”“半份菜”等做法值得推广，餐饮企业要主动提醒顾客适量点餐。';
const counted = (units: { text: string }[]) => emWidth(units.map((u) => u.text).join(''));

function body(paragraphs: string[], measure: number) {
  const set = (k: number, reads: ReadingEnds) =>
    breakParagraph(paragraphs[k]!, idealFace, { measure, indent: 2, gaps: true, reads });
  const shows = (ends: ReadingEnds[]) => {
    const [p, q] = [set(0, ends[0]!), set(1, ends[1]!)];
    return showsBreak(p, q, q[1], measure);
  };
  return { set, shows, ends: readingEnds(paragraphs.length, measure, set, () => false) };
}

test('a first line told to show its indent falls 1.5 em short of the measure as a reader counts it', () => {
  const opts = { measure: 19, indent: 2, gaps: true };
  const free = breakParagraph(TIGHT_START, idealFace, opts)[0]!;
  const shown = breakParagraph(TIGHT_START, idealFace, { ...opts, reads: { showIndent: true } })[0]!;
  assert.ok(counted(free.units) > 17.5, 'set freely, the first line reads full');
  assert.ok(counted(shown.units) <= 17.5);
});

test('a paragraph end that the lines would hide is shown: the next first line shows its indent', () => {
  const b = body(['书屋管理员说，明年还将增设电子阅览区，让更多居民在家门口就能读到好书。', TIGHT_START], 18);
  assert.equal(b.shows([{}, {}]), false, 'set freely, a reader joins the two');
  assert.deepEqual(b.ends, [{}, { showIndent: true }]);
  assert.equal(b.shows(b.ends), true);
});

test('where the next first line cannot show its indent, the paragraph before ends short instead', () => {
  const b = body(
    ['港口负责人介绍，新航线开通以后，更多企业选择从东州港出海，一年能省下一大笔运输费用。', TIGHT_START],
    22,
  );
  assert.equal(b.shows([{}, {}]), false);
  assert.deepEqual(b.ends, [{ lastShortBy: 1.5 }, {}]);
  assert.equal(b.shows(b.ends), true);
  const last = b.set(0, b.ends[0]!).at(-1)!;
  assert.ok(counted(last.units) <= 22 - 1.5);
});

test('a paragraph that ends no sentence shows its end by a full last line over a first line an indent shorter', () => {
  // Invented: a standfirst with no stop at its end; a short last line would read as the next paragraph's first.
  const b = body(
    [
      '东州市今年新建的三座便民服务站，让居民办事更方便，离家更近也更省心',
      '新华街道的服务站设在社区中心里，每天开放到晚上八点，周末也有志愿者轮流值班，居民随时都能来办事。',
    ],
    18,
  );
  assert.equal(b.shows([{}, {}]), false, 'set freely, a reader joins the two');
  assert.deepEqual(b.ends, [{ lastFull: true }, { showIndent: true }]);
  assert.equal(b.shows(b.ends), true);
  assert.ok(counted(b.set(0, b.ends[0]!).at(-1)!.units) >= 18, 'the last line full (its marks counted whole)');
});
