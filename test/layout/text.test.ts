import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fillColumns, levelColumns } from '../../src/layout/balance.js';
import { breaksCleanly, fitHeadline, HEADLINE_INSET, setHeadlineAt } from '../../src/layout/headline.js';
import { misreadAround } from '../../src/layout/readable.js';
import { breakParagraph, breakParagraphInto } from '../../src/layout/text/linebreak.js';
import { naturalWidth, setLine } from '../../src/layout/text/setline.js';
import { toUnits } from '../../src/layout/text/units.js';
import { isBlank, keepParagraphsTogether, strandedLines } from '../../src/layout/widows.js';
import { NO_LINE_END, NO_LINE_START } from '../../src/text/chars.js';
import { jiebaWords } from '../../src/text/segmenter.js';
import { Random } from '../generator/random.js';
import { idealFace } from '../helpers/fake-metrics.js';

const text = (units: { text: string }[]) => units.map((u) => u.text).join('');
const lines = (p: string, measure: number) => breakParagraph(p, idealFace, { measure, indent: 2 });

test('units: runs that must not split stay whole', () => {
  assert.deepEqual(
    toUnits('占比45.54%，引入Open Data——这是5G。').map((u) => u.text),
    ['占', '比', '45.54%', '，', '引', '入', 'Open', ' ', 'Data', '——', '这', '是', '5G', '。'],
  );
});

test('pair compression: a closing mark before another mark takes half an em (。” is 1.5 em)', () => {
  assert.equal(naturalWidth(toUnits('好。”'), idealFace), 2.5);
  assert.equal(naturalWidth(toUnits('》，“'), idealFace), 2);
  assert.equal(naturalWidth(toUnits('好，'), idealFace), 2);
});

test('a quarter em between Han and Latin or digits', () => {
  assert.equal(naturalWidth(toUnits('共5件'), idealFace), 2 + 0.5 + 0.5);
});

test('justified lines fill the measure exactly; the last line is set flush left', () => {
  const ls = lines(
    '坚持用党的创新理论指导工作。把学懂弄通做实习近平新时代中国特色社会主义思想作为首要政治任务，推动工作。',
    11,
  );
  ls.forEach((l, i) => {
    const set = setLine(l.units, idealFace, 11 - l.indent, !l.last);
    if (!l.last) assert.equal(set.width, 11 - l.indent, `line ${i}`);
    else assert.ok(set.width <= 11);
  });
});

test('first line indented two ems', () => {
  const ls = lines('一二三四五六七八九十一二三四五六七八九十', 10);
  assert.equal(ls[0]!.indent, 2);
  assert.equal(text(ls[0]!.units), '一二三四五六七八');
  assert.equal(ls[1]!.indent, 0);
});

test('a closing mark that does not fit is squeezed in by compressing the line', () => {
  // 10 em of text, then a comma: the line's own marks give way.
  const ls = breakParagraph('一二三四，五六七八九，下一行', idealFace, { measure: 10, indent: 0 });
  assert.equal(text(ls[0]!.units), '一二三四，五六七八九，');
  const set = setLine(ls[0]!.units, idealFace, 10, true);
  assert.ok(set.width <= 10 + 1e-9);
});

test('when squeezing is not enough, the character before the mark goes down with it', () => {
  const ls = breakParagraph('一二三四五六七八九十！下一行', idealFace, { measure: 10, indent: 0 });
  assert.equal(text(ls[0]!.units), '一二三四五六七八九');
  assert.equal(text(ls[1]!.units), '十！下一行');
});

test('a stop or pause may hang past the line end instead (行末点号悬挂), set half width in the gutter', () => {
  const ls = breakParagraph('一二三四五六七八九十。下一行', idealFace, { measure: 10, indent: 0 });
  assert.equal(text(ls[0]!.units), '一二三四五六七八九十。');
  assert.equal(ls[0]!.hangs, true);
  const set = setLine(ls[0]!.units, idealFace, 10, true, true);
  assert.equal(set.xs.at(-1), 10, 'the mark starts at the measure');
  assert.deepEqual(set.halves, [10]);
  assert.equal(set.width, 10);
});

test('an opening mark never ends a line', () => {
  const ls = breakParagraph('一二三四五六七八九《十》下一行', idealFace, { measure: 10, indent: 0 });
  assert.equal(text(ls[0]!.units), '一二三四五六七八九');
  assert.ok(text(ls[1]!.units).startsWith('《'));
});

test('a run wider than a line (a URL) is cut, never before a mark no line starts with', () => {
  // 0.5 em a Latin character, eight to a 5-em line less its Han-Latin spaces: the first cut would fall before the `.`.
  const ls = breakParagraph('网址abcdefgh.ijklmnopqrstuvwxyz.com', idealFace, { measure: 5, indent: 0 });
  assert.equal(ls.map((l) => text(l.units)).join(''), '网址abcdefgh.ijklmnopqrstuvwxyz.com');
  for (const l of ls.slice(1)) assert.ok(!NO_LINE_START.has(text(l.units)[0]!), text(l.units));
});

test('a paragraph that ends no sentence ends its last line more than 3 em short where no line need open for it', () => {
  // Recovery ends a paragraph at a line that ends no sentence only where the line stops well short (a heading-like
  // paragraph, `…等民生难题`): its last line gives up a character rather than stop 3 em short.
  const open = lines('东州今年新建三座仓库，两条铁路专线，群众办事更方便', 10);
  assert.deepEqual(
    open.map((l) => text(l.units)),
    ['东州今年新建三座', '仓库，两条铁路专线，群', '众办事更方便'],
  );
  assert.ok(open.every((l) => !l.loose));
  // Ending a sentence, it shows its end anyway: the breaks fall where they cost least.
  const closed = lines('东州今年新建三座仓库，两条铁路专线，群众办事更方便。', 10);
  assert.deepEqual(closed.map((l) => text(l.units)).at(-1), '群众办事更方便。');
});

test('no lone character on a paragraph last line', () => {
  const ls = breakParagraph('不断提升人大监督工作质效。', idealFace, { measure: 11, indent: 0 });
  assert.equal(ls.length, 2);
  assert.ok([...text(ls[1]!.units)].filter((c) => /\p{Script=Han}/u.test(c)).length >= 2, text(ls[1]!.units));
});

test('over many random paragraphs: no prohibited line start or end, no line over its measure, nothing lost', () => {
  const r = new Random(7);
  // Text as Chinese is written: words, with at most a closing and an opening mark between them.
  const words = [
    '人大',
    '工作',
    '代表',
    '常委会',
    '2023年',
    '45.54%',
    'Open Data',
    '——',
    '建设',
    '发展',
    '群',
    '众',
    '5G',
    'https://www.example.com/news/2024/01/08/index.html',
  ];
  const closing = ['，', '。', '、', '”', '》', '）', '！', '？', '；', '：', '……', '。”', '》，'];
  const opening = ['“', '《', '（'];
  for (let n = 0; n < 300; n++) {
    let p = '';
    const target = r.int(10, 200);
    while (p.length < target) {
      p += r.pick(words);
      if (r.chance(0.35)) p += r.pick(closing);
      if (r.chance(0.15)) p += r.pick(opening);
    }
    const measure = r.int(8, 24);
    const ls = breakParagraph(p, idealFace, { measure, indent: 2 });
    // A line break between two Latin words takes the place of the space between them.
    assert.equal(
      ls
        .map((l) => text(l.units))
        .join('')
        .replace(/ /g, ''),
      p.replace(/ /g, ''),
      `paragraph ${n} lost text`,
    );
    ls.forEach((l, i) => {
      const s = text(l.units);
      if (i > 0) assert.ok(!NO_LINE_START.has([...s][0]!), `"${s}" starts with a prohibited mark (measure ${measure})`);
      if (!l.last) assert.ok(!NO_LINE_END.has([...s].at(-1)!), `"${s}" ends with a prohibited mark`);
      // A hanging stop or pause stands past the measure; the rest of its line fits.
      const set = setLine(l.hangs ? l.units.slice(0, -1) : l.units, idealFace, measure - l.indent, !l.last);
      assert.ok(set.width <= measure - l.indent + 1e-6, `"${s}" is ${set.width} em in ${measure - l.indent}`);
      if (l.hangs)
        assert.ok(['，', '。', '、'].includes(l.units.at(-1)!.text), `"${s}" hangs a ${l.units.at(-1)!.text}`);
    });
  }
});

test('headlines: a clause breaks at a mark, else in balanced lines between words, not by a one-character word', () => {
  const headline = '依法履职尽责推动新时代人大工作高质量发展';
  // 14 ems of room at size 1, after the insets on each side.
  const set = setHeadlineAt(headline, 14 + 2 * HEADLINE_INSET, 1, idealFace, jiebaWords);
  assert.deepEqual(set.map(text), ['依法履职尽责推动新时代', '人大工作高质量发展']);
  // Without a segmenter: balanced, but anywhere clreq allows.
  assert.equal(setHeadlineAt(headline, 14 + 2 * HEADLINE_INSET, 1, idealFace).length, 2);
  assert.ok(breaksCleanly('凝聚发展新共识 开创人大新局面', [toUnits('凝聚发展新共识'), toUnits('开创人大新局面')]));
  assert.ok(!breaksCleanly(headline, set));
  // A break beside a mark reads as the phrase going on (recovery joins it with nothing): after a pause first, then
  // beside a bracket, before a balanced break between two Han characters.
  const lines = (t: string) => setHeadlineAt(t, 14 + 2 * HEADLINE_INSET, 1, idealFace, jiebaWords).map(text);
  assert.deepEqual(lines('东州整治“代抢”门票，专项行动见成效'), ['东州整治“代抢”门票，', '专项行动见成效']);
  assert.deepEqual(lines('西湾港累计发运中欧（中亚）班列超三万列'), ['西湾港累计发运中欧', '（中亚）班列超三万列']);
  assert.ok(
    breaksCleanly('西湾港累计发运中欧（中亚）班列超三万列', [
      toUnits('西湾港累计发运中欧'),
      toUnits('（中亚）班列超三万列'),
    ]),
  );
  // A size that needs no break inside a clause wins over a larger one that does.
  const fit = fitHeadline(headline, 20 + 2 * HEADLINE_INSET, { min: 1, max: 2 }, 2, idealFace, jiebaWords);
  assert.deepEqual([fit.size, fit.lines.length], [1, 1]);
});

test('a paragraph set into exactly one line more or fewer, within a stretch cap, or not at all', () => {
  // 23 characters and four commas at 10 em: 3 lines; 2 lines only by halving marks, which is allowed.
  const p = '一二三四五，六七八九十，一二三四五，六七八九十，一二三';
  const natural = breakParagraph(p, idealFace, { measure: 10, indent: 2 });
  assert.equal(natural.length, 3);
  const opts = { measure: 10, indent: 2 };
  const four = breakParagraphInto(p, idealFace, opts, { lines: 4, maxStretch: 0.5 });
  assert.equal(four?.length, 4);
  assert.equal(four!.map((l) => text(l.units)).join(''), p);
  // One em short over nine gaps is 0.11 em a gap: a cap of 0.05 allows no line that short.
  assert.equal(breakParagraphInto(p, idealFace, opts, { lines: 4, maxStretch: 0.05 }), null);
  assert.equal(breakParagraphInto(p, idealFace, opts, { lines: 1, maxStretch: 0.5 }), null);
});

test('widows and orphans: a paragraph re-set a line longer or shorter keeps its lines together', () => {
  // Paragraph 0 of 5 lines, paragraph 1 of 3: in columns of 3, paragraph 1 starts alone at the foot of column 2.
  const body = [0, 0, 0, 0, 0, 1, 1, 1].map((paragraph, i, all) => ({
    units: toUnits('字'),
    indent: 0,
    last: all[i + 1] !== paragraph,
    paragraph,
  }));
  assert.equal(strandedLines(body, 3), 1);
  const rebreak = (p: number, n: number) =>
    p === 0 ? Array.from({ length: n }, (_, k) => ({ units: toUnits('字'), indent: 0, last: k === n - 1 })) : null;
  const kept = keepParagraphsTogether(body, 3, 9, rebreak);
  assert.equal(strandedLines(kept, 3), 0);
  assert.equal(kept.length, 9, 'paragraph 0 a line longer, paragraph 1 moved whole to the next column');
  // No other setting, and no room for an empty line: nothing changes.
  assert.deepEqual(
    keepParagraphsTogether(body, 3, 8, () => null),
    body,
  );
});

test('paragraph starts a reader of the text would miss or add around a paragraph, indents dropped', () => {
  const opts = { measure: 10, indent: 2 };
  const body = (...ps: string[]) =>
    ps.flatMap((p, paragraph) => breakParagraph(p, idealFace, opts).map((l) => ({ ...l, paragraph })));
  const never = () => false;
  const next = '西湾北岭南山东州西湾北岭南山。';
  // Ends a sentence on a short line: the next one's start is seen.
  assert.equal(misreadAround(body('东州西湾北岭南山东州西湾。', next), 0, 10, never), 0);
  // Ends no sentence on a full line (8 + 10 characters): nothing shows the next one starts.
  const full = body('东州西湾北岭南山东州西湾北岭南山东州', next);
  assert.equal(full[1]!.units.length, 10);
  assert.equal(misreadAround(full, 0, 10, never), 1);
  assert.equal(misreadAround(full, 1, 10, never), 1, 'the same junction, seen from the paragraph after');
  // A subhead is told by its shape: its junctions are not counted.
  assert.equal(
    misreadAround(full, 0, 10, (p) => p === 0),
    0,
  );
});

test('columns are not filled by a re-setting that a reader of the text would read as another paragraph break', () => {
  const opts = { measure: 10, indent: 2 };
  const marks =
    '东州、西湾、北岭、南山、东州、西湾、北岭、南山、东州、西湾、北岭、南山、东州、西湾、北岭、南山、东州、西湾。';
  const body = breakParagraph(marks, idealFace, opts).map((l) => ({ ...l, paragraph: 0 }));
  const solid = (_: number, n: number) => breakParagraphInto(marks, idealFace, opts, { lines: n, maxStretch: 0.0495 });
  const level = { perColumn: 3, capacity: 6, measure: 10, stretch: 0.0495 };
  assert.equal(fillColumns(body, level, solid, () => 0).length, 6);
  // Every re-set body reads worse than the one set: the column stays short.
  assert.equal(fillColumns(body, level, solid, (b) => (b === body ? 0 : 1)).length, 5);
});

test('columns end level: a paragraph goes a line longer where its marks, set full, take up the room', () => {
  const opts = { measure: 10, indent: 2 };
  const body = (p: string) => breakParagraph(p, idealFace, opts).map((l) => ({ ...l, paragraph: 0 }));
  const solid = (p: string) => (_: number, n: number) =>
    breakParagraphInto(p, idealFace, opts, { lines: n, maxStretch: 0.0495 });
  const fill = (p: string) =>
    fillColumns(body(p), { perColumn: 3, capacity: 6, measure: 10, stretch: 0.0495 }, solid(p), () => 0);
  // Five lines, the last full, its pauses halved: set in six, the pauses full width, no line spaced out.
  const marks =
    '东州、西湾、北岭、南山、东州、西湾、北岭、南山、东州、西湾、北岭、南山、东州、西湾、北岭、南山、东州、西湾。';
  assert.equal(body(marks).length, 5);
  const filled = fill(marks);
  assert.equal(filled.length, 6, 'the last column filled');
  assert.equal(filled.map((l) => text(l.units)).join(''), marks);
  assert.ok(filled.every((l) => !l.loose));
  // Quotes set solid leave no room to give: a sixth line would space the others out, so the column stays short.
  const quotes = '“东州”“西湾”“北岭”“南山”“东州”“西湾”“北岭”“南山”“东州”“西湾”“北岭”“南山”。';
  assert.equal(fill(quotes).length, body(quotes).length);
});

test('columns end level: a last column two lines or more short gives its shortfall to the columns before it', () => {
  // Thirteen one-line paragraphs down four columns of four: 4, 3, 3, 3 lines, not 4, 4, 4, 1.
  const line = (paragraph: number) => ({ units: toUnits('字'), indent: 0, last: true, paragraph });
  const body = Array.from({ length: 13 }, (_, k) => line(k));
  const level = levelColumns(body, 4, 4, 0);
  assert.deepEqual(
    level.flatMap((l, i) => (isBlank(l) ? [i] : [])),
    [7, 11],
  );
  assert.deepEqual(
    level.filter((l) => !isBlank(l)),
    body,
    'every line kept, in order',
  );
  // A line short is level enough.
  const fifteen = Array.from({ length: 15 }, (_, k) => line(k));
  assert.equal(levelColumns(fifteen, 4, 4, 0), fifteen);
  // Ten lines down four columns of three, a two-line paragraph on the eighth and ninth lines: the last two columns
  // short would stand a line at the third column's foot and a line at the fourth's top, so the second and third
  // stand short (3, 2, 2, 3 lines), the paragraph whole in the fourth.
  const ten = [...Array.from({ length: 7 }, (_, k) => line(k)), { ...line(7), last: false }, line(7), line(8)];
  assert.deepEqual(
    levelColumns(ten, 3, 4, 0).flatMap((l, i) => (isBlank(l) ? [i] : [])),
    [5, 8],
  );
  // Seven lines down three columns of three, paragraphs of 1, 2, 3 and 1 lines: every choice of two short columns
  // breaks inside the second or third paragraph, so the columns stay as they are (3, 3, 1).
  const inner = (paragraph: number) => ({ ...line(paragraph), last: false });
  const seven = [line(0), inner(1), line(1), inner(2), inner(2), line(2), line(3)];
  assert.equal(levelColumns(seven, 3, 3, 0), seven);
});

test('body text: a gap between Han characters stays inside a line, where it is printed and read back', () => {
  const p = '一二三四五六七  八九十一二三四五六';
  // At 8 em the first line would be seven characters and the gap (two half-em spaces), where it is not printed.
  const plain = breakParagraph(p, idealFace, { measure: 8, indent: 0 });
  const kept = breakParagraph(p, idealFace, { measure: 8, indent: 0, gaps: true });
  assert.notEqual(plain.map((l) => text(l.units)).join(''), p, 'without gaps the spaces at the edge are dropped');
  assert.equal(kept.map((l) => text(l.units)).join(''), p);
  for (const l of kept) {
    assert.ok(!/^\s|\s$/.test(text(l.units)), `no line starts or ends with the gap: "${text(l.units)}"`);
  }
});

test('total fit: a paragraph ends short of the measure where its marks can give way', () => {
  // Invented text, 10-em measure: first fit ends it one character short (`居民借书更加方便。`), which an extractor that
  // drops the next paragraph's indent shows as no paragraph end; halving the two commas of the line above makes room.
  const ls = lines('新华街道今年新建三座书屋，藏书过万，居民借书更加方便。', 10);
  assert.deepEqual(
    ls.map((l) => l.units.map((u) => u.text).join('')),
    ['新华街道今年新建', '三座书屋，藏书过万，居', '民借书更加方便。'],
  );
});

test('total fit: a stop hung or a mark halved comes before a line spaced out past 1.05 em', () => {
  // Invented text, 20-em measure: pushing `成` down leaves 19 characters over 20 em (1.056 em apart); hanging the
  // comma in the gutter sets the line solid.
  const ls = breakParagraph('东州港今年开三条航线货运量比去年增长两成，西湾港也在扩建码头。', idealFace, {
    measure: 20,
    indent: 0,
  });
  assert.equal(text(ls[0]!.units), '东州港今年开三条航线货运量比去年增长两成，');
  assert.equal(ls[0]!.hangs, true);
  assert.ok(!ls.some((l) => l.loose));
});

test('a line short of the measure opens its Han–Latin spaces (to half an em) before spacing its characters', () => {
  // 8 Han characters and a 1-em number in 10 em: 9.5 em set, half an em to spread.
  const set = setLine(toUnits('东州港建成12座码头'), idealFace, 10, true);
  const pitches = set.xs.slice(1).map((x, i) => x - set.xs[i]!);
  assert.deepEqual(pitches.slice(0, 3), [1, 1, 1], 'the Han characters stay one em apart');
  assert.equal(set.xs[5]! - set.xs[4]!, 1 + 0.5, 'the space before the number opened to half an em');
  assert.equal(set.width, 10);
});

test('a justified line spreads no gap by more than a tenth of an em; what is left stays at its end', () => {
  // 6 Han characters in 10 em: spread evenly they would stand 1.8 em apart.
  const set = setLine(toUnits('东州港码头建'), idealFace, 10, true);
  const pitches = set.xs.slice(1).map((x, i) => x - set.xs[i]!);
  assert.ok(
    pitches.every((p) => Math.abs(p - 1.1) < 1e-9),
    pitches.join(' '),
  );
  assert.ok(Math.abs(set.width - 6.5) < 1e-9, `${set.width}`);
});

test('widows and orphans: of the paragraphs that can mend a break, the one whose lines stay solid', () => {
  // Paragraphs of 1, 1 and 3 lines in columns of 3: paragraph 2's first line alone at the foot of column 0.
  const line = (paragraph: number, last: boolean, loose = false) => ({
    units: toUnits('字'),
    indent: 0,
    last,
    paragraph,
    ...(loose ? { loose } : {}),
  });
  const body = [0, 1, 2, 2, 2].map((p, i, all) => line(p, all[i + 1] !== p));
  assert.equal(strandedLines(body, 3), 1);
  // Paragraph 0 or paragraph 1 a line longer mends it: paragraph 1, nearer the break, only spaced out.
  const rebreak = (p: number, n: number) =>
    p > 1 ? null : Array.from({ length: n }, (_, k) => line(p, k === n - 1, p === 1 && k < n - 1));
  const kept = keepParagraphsTogether(body, 3, 9, rebreak);
  assert.equal(strandedLines(kept, 3), 0);
  assert.deepEqual(
    kept.map((l) => l.paragraph),
    [0, 0, 1, 2, 2, 2],
    'paragraph 0 a line longer',
  );
});

test('widows and orphans: an orphan no re-setting mends goes to the next column, its line left empty', () => {
  // Paragraphs of 2 and 3 lines in columns of 3: paragraph 1's first line alone at the foot of column 0.
  const body = [0, 0, 1, 1, 1].map((paragraph, i, all) => ({
    units: toUnits('字'),
    indent: 0,
    last: all[i + 1] !== paragraph,
    paragraph,
  }));
  assert.equal(strandedLines(body, 3), 1);
  const kept = keepParagraphsTogether(body, 3, 6, () => null);
  assert.equal(strandedLines(kept, 3), 0);
  assert.deepEqual(
    kept.map((l) => (isBlank(l) ? '_' : l.paragraph)),
    [0, 0, '_', 1, 1, 1],
  );
  // No room in the module's columns for an empty line: the orphan stays.
  const full = keepParagraphsTogether(body, 3, 5, () => null);
  assert.equal(strandedLines(full, 3), 1);
});

test('a subhead at a column foot goes to the top of the next, with the paragraph it heads', () => {
  const body = [0, 0, 1, 2, 2].map((paragraph, i, all) => ({
    units: toUnits('字'),
    indent: 0,
    last: all[i + 1] !== paragraph,
    paragraph,
    ...(paragraph === 1 ? { subhead: true } : {}),
  }));
  assert.equal(strandedLines(body, 3), 1);
  const kept = keepParagraphsTogether(body, 3, 6, () => null);
  assert.equal(strandedLines(kept, 3), 0);
  assert.deepEqual(
    kept.map((l) => (isBlank(l) ? '_' : l.paragraph)),
    [0, 0, '_', 1, 2, 2],
  );
});
