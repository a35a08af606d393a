/**
 * pdftotext -layout pages back into reading order: made-up lines laid out the
 * way -layout writes them (columns side by side on one line, indents, a
 * headline across, white space between modules).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitLayoutColumns } from '../../src/recover/columns.js';
import { sourceLines } from '../../src/recover/lines.js';

const read = (text: string) => splitLayoutColumns(sourceLines(text)).map((l) => l.raw.trim());

/** Rows of two columns: left text padded to a 24-cell column, a gutter, right text. */
const rows = (left: string[], right: string[]) =>
  left.map((l, i) => `${l.padEnd(24, ' ')}    ${right[i] ?? ''}`.trimEnd()).join('\n');

const LEFT = [
  '  第一栏第一段开头写在这里',
  '第一栏第一段第二行在这里',
  '第一栏第一段第三行完。',
  '  第一栏第二段开头在这里',
  '第一栏第二段的末行。',
];
const RIGHT = [
  '右栏接着写第一行的文字在',
  '右栏第二行的文字在这里',
  '  右栏新的一段从这里开始',
  '右栏新的一段第二行完。',
  '右栏最后一行。',
];

test('-layout: two columns are read one after the other, indents kept', () => {
  const out = read(`${'甲'.repeat(8)}标题横跨两栏\n${rows(LEFT, RIGHT)}`);
  assert.deepEqual(out, [`${'甲'.repeat(8)}标题横跨两栏`, ...LEFT.map((l) => l.trim()), ...RIGHT.map((r) => r.trim())]);
  const raw = splitLayoutColumns(sourceLines(rows(LEFT, RIGHT))).map((l) => l.raw);
  assert.ok(raw[0]!.startsWith('  ') && !raw[1]!.startsWith(' '), 'a first line keeps its indent from the column edge');
});

test('-layout: white space between modules starts a new band; a line across ends one', () => {
  const text = [rows(LEFT, RIGHT), '', '', '第二个模块的标题', rows(LEFT.slice(0, 2), RIGHT.slice(0, 2))].join('\n');
  const out = read(text);
  assert.equal(
    out.indexOf('第二个模块的标题'),
    LEFT.length + RIGHT.length,
    'the second module comes after both columns',
  );
  assert.deepEqual(out.slice(-4), [LEFT[0]!.trim(), LEFT[1], RIGHT[0], RIGHT[1]]);
});

test('-layout: a wide gap inside one column is no gutter', () => {
  const text = [
    '这是一行通栏的长文字，一直写到页面的右边为止，没有任何分栏的空白',
    '这里有一个很宽的      空白，但它只是两端对齐留下的',
    '这是又一行通栏的长文字，一直写到页面的右边为止，没有分栏的空白',
  ].join('\n');
  assert.deepEqual(
    read(`${text}\n${text}\n${rows(LEFT, RIGHT)}`).slice(0, 6),
    [...text.split('\n'), ...text.split('\n')].map((s) => s.trim()),
  );
});

test('-layout: a few rows with wide gaps at one place between full lines are one column', () => {
  const full = '这是一行通栏的长文字，一直写到页面的右边为止，没有任何分栏的空白';
  const gaps = [
    '为什么乡亲们这么喜欢这条路？      “一条路连起了山',
    '一村一户……”十多年过去了，      “村村通公路的',
    '说得很明白。      “这条路让山货卖到了城里去啦',
  ];
  // Under them, two columns (which make the page one to be read in columns at all).
  const out = read([full, ...gaps, full, '', '', rows(LEFT, RIGHT)].join('\n'));
  assert.deepEqual(out.slice(0, 5), [full, ...gaps, full]);
});

test('-layout: other extractions pass through unchanged', () => {
  const text = '第一行\n第二行  有两个空格\n第三行';
  assert.deepEqual(read(text), ['第一行', '第二行  有两个空格', '第三行']);
});

test('-layout: headlines of modules side by side, at different heights, go to the columns they stand over', () => {
  // The left module's headline takes two lines, the right one's one line between them: read row by row, the
  // right headline would land inside the left one. It starts at the right module's edge (cell 28), or centred
  // over a module wider than itself, 8 cells past it, where no column starts: there the bylines side by side
  // under the headlines say where the modules are.
  for (const at of [28, 37]) {
    const text = [
      '',
      '',
      '   左边的新闻标题第一行',
      `${' '.repeat(at)}右边的新闻标题`,
      '   左边标题第二行',
      `□ 本报记者 王明远${' '.repeat(19)}□ 本报记者 李清和`,
      rows(LEFT, RIGHT),
    ].join('\n');
    const out = read(text).filter(Boolean);
    assert.deepEqual(out.slice(0, 3), ['左边的新闻标题第一行', '左边标题第二行', '□ 本报记者 王明远'], `at ${at}`);
    const right = out.indexOf('右边的新闻标题');
    assert.deepEqual(out.slice(right, right + 3), ['右边的新闻标题', '□ 本报记者 李清和', '右栏接着写第一行的文字在']);
  }
});

test('-layout: headlines side by side on one row, each centred over its module, and a byline under one', () => {
  // Two modules of two 12-cell columns each: module A's columns start at cells 0 and 16, module B's at 32 and
  // 48. B's headline is centred over B (cell 40), its byline starts at B's edge; A's byline starts A's first row.
  const cell = (pieces: Array<[number, string]>) =>
    pieces.reduce((line, [x, t]) => line.padEnd(x, ' ') + t, '').replace(/\s+$/, '');
  const A1 = ['甲栏第一行文字', '甲栏第二行文字', '甲栏第三行完。'];
  const A2 = ['甲二栏第一行字', '甲二栏第二行字', '甲二栏末行完。'];
  const B1 = ['乙栏第一行文字', '乙栏第二行文字', '乙栏第三行完。'];
  const B2 = ['乙二栏第一行字', '乙二栏第二行字', '乙二栏末行完。'];
  const text = [
    cell([
      [4, '城市更新让老街焕发新活力'],
      [40, '乡村学校迎来音乐课'],
    ]),
    cell([[32, '□ 本报记者 李清和']]),
    cell([
      [0, '□ 本报记者 王明远'],
      [32, B1[0]!],
      [48, B2[0]!],
    ]),
    ...[0, 1, 2].map((i) =>
      cell([
        [0, A1[i]!],
        [16, A2[i]!],
        [32, B1[i + 1] ?? '乙栏补一行。'],
        [48, B2[i + 1] ?? '乙二栏补行。'],
      ]),
    ),
  ].join('\n');
  const out = read(text);
  assert.deepEqual(out.slice(0, 2), ['城市更新让老街焕发新活力', '□ 本报记者 王明远']);
  const b = out.indexOf('乡村学校迎来音乐课');
  assert.deepEqual(out.slice(b, b + 3), ['乡村学校迎来音乐课', '□ 本报记者 李清和', B1[0]]);
});

test('-layout: side-by-side headlines at different heights, a byline alone on its row, head their columns', () => {
  // The left headline, the right one a row lower, the left byline alone under them; the right byline stands in
  // the first row of columns. Read row by row, the right headline would head the left module's text.
  const text = [
    '',
    '',
    '   左边的新闻标题在这里',
    `${' '.repeat(28)}右边的新闻标题`,
    '□ 本报记者 王明远',
    rows(LEFT, ['□ 本报记者 李清和', ...RIGHT]),
  ].join('\n');
  const out = read(text).filter(Boolean);
  assert.deepEqual(out.slice(0, 3), ['左边的新闻标题在这里', '□ 本报记者 王明远', LEFT[0]!.trim()]);
  const right = out.indexOf('右边的新闻标题');
  assert.deepEqual(out.slice(right, right + 3), ['右边的新闻标题', '□ 本报记者 李清和', '右栏接着写第一行的文字在']);
});

test('-layout: line ends cut off by the glue before an opening quote are no column beside the lines', () => {
  // Two columns; in the right one, two lines end in a wide gap and a quote's first characters (`“聚`, `“推`),
  // a row apart and at about one place: justification, not a third column.
  const right = [
    '右栏接着写第一行的文字在',
    '右栏第二行的文字写到了      “聚',
    '右栏新的一段从这里开始写',
    '右栏的一段第二行写到      “推',
    '右栏最后一行。',
  ];
  const out = read(rows(LEFT, right));
  // Each stays right after the line it ends (recovery puts split lines together), not read after the column.
  assert.deepEqual(out, [...LEFT.map((l) => l.trim()), ...right.flatMap((r) => r.split(/ {3,}/))]);
});

test('-layout: modules stacked beside a taller one are read in turn, each headline over its own text', () => {
  // A page of cells: each row a list of [cell, text]. A two-column module on the left, its headline and byline set
  // lower than those of the right-hand modules (a headline centred over its two columns, a byline under it), which
  // stand one above the other, white between them.
  const page: Array<Array<[number, string]>> = [];
  const put = (row: number, x: number, text: string) => (page[row] ??= []).push([x, text]);
  const body = (who: string, n: number) =>
    Array.from({ length: n }, (_, i) => `${who}第${'一二三四五六七八九十'[i]}行正文，写在这里`);
  put(0, 52, '东州港口吞吐量创新高');
  put(1, 4, '西湾渔港');
  put(1, 36, '□ 本报记者 王明远');
  put(2, 4, '完成改造');
  put(3, 0, '□ 本报记者 李清和');
  const [l1, l2, b1, b2, c1, c2] = [
    body('左一', 10),
    body('左二', 10),
    body('上一', 5),
    body('上二', 5),
    body('下一', 4),
    body('下二', 4),
  ];
  l1.forEach((t, i) => put(4 + i, 0, t));
  l2.forEach((t, i) => put(4 + i, 18, t));
  b1.forEach((t, i) => put(2 + i, 36, t));
  b2.forEach((t, i) => put(2 + i, 56, t));
  put(10, 50, '东州新区发布规划');
  put(11, 36, '□ 本报记者 赵清远');
  c1.forEach((t, i) => put(12 + i, 36, t));
  c2.forEach((t, i) => put(12 + i, 56, t));
  const text = Array.from({ length: page.length }, (_, row) =>
    (page[row] ?? []).sort((a, b) => a[0] - b[0]).reduce((line, [x, t]) => `${line.padEnd(x, ' ')}${t}`, ''),
  ).join('\n');
  assert.deepEqual(read(text), [
    '西湾渔港',
    '完成改造',
    '□ 本报记者 李清和',
    ...l1,
    ...l2,
    '东州港口吞吐量创新高',
    '□ 本报记者 王明远',
    ...b1,
    ...b2,
    '东州新区发布规划',
    '□ 本报记者 赵清远',
    ...c1,
    ...c2,
  ]);
});
