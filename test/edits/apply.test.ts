import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, startsOf } from '../../src/edits/apply.js';
import { recoverText } from '../../src/recover/index.js';
import { normaliseForPrint } from '../../src/recover/print.js';
import type { Edit, Issue } from '../../src/types.js';

// Invented text: two articles, a join of two lines (a sentence broken at a comma) and extraction spaces to reject.
const TEXT = `老街改造让城市焕发新活力
□ 本报记者 王明远
去年以来，城东老街完成了管网改造和立面整修，沿街商铺陆续开门迎客，
街巷里又热闹起来。
改造前，街道办事处先后召开 12 次居民议事会，听取意见。
如今，老街每天迎来游客超过三千人次，周边居民的收入也随之增加。

乡村学校开起音乐课
□ 本报记者 李清和
今年春季学期，山区的十二所乡村小学开设了器乐课程。
学校负责人说，音乐课让孩子们更加自信。
`;
const issue = recoverText(TEXT, { file: 't.txt' });
const ref = (item: string, paragraph: number, of: Issue = issue) => {
  const it = item === 'lead' ? of.lead! : of.articles.find((a) => a.id === item)!;
  return { item, paragraph, starts: startsOf(it.paragraphs[paragraph]!) };
};

test('edits: move, split, join, edit, headline, byline, reviewed', () => {
  const a1 = issue.articles[0]!;
  const last = a1.paragraphs.length - 1;
  const edits: Edit[] = [
    { op: 'move-paragraph', paragraph: ref('a1', last), to: 'a2', at: 0 },
    { op: 'set-headline', item: 'a2', text: '山区学校开起了音乐课' },
    { op: 'set-byline', item: 'a2', byline: { role: '本报记者', name: '李清河' } },
    { op: 'mark-reviewed', item: 'a1', reviewed: true },
  ];
  const r = applyEdits(issue, edits);
  assert.deepEqual(r.failed, []);
  assert.equal(r.applied, 4);
  const [b1, b2] = r.issue.articles;
  assert.equal(b2!.paragraphs[0], a1.paragraphs[last]);
  assert.deepEqual(b2!.source.paragraphs[0], a1.source.paragraphs[last], 'source lines move with the paragraph');
  assert.equal(b1!.paragraphs.length, a1.paragraphs.length - 1);
  assert.equal(b2!.headline, '山区学校开起了音乐课');
  assert.equal(b2!.byline?.name, '李清河');
  assert.equal(b1!.reviewed, true);
  assert.equal(issue.articles[1]!.headline, '乡村学校开起音乐课', 'the issue given is not changed');

  const split = applyEdits(issue, [{ op: 'split-paragraph', paragraph: ref('a2', 0), at: 5 }]).issue;
  assert.equal(split.articles[1]!.paragraphs[0], [...issue.articles[1]!.paragraphs[0]!].slice(0, 5).join(''));
  const joined = applyEdits(split, [{ op: 'join-paragraphs', paragraph: ref('a2', 0, split) }]).issue;
  assert.deepEqual(joined.articles[1]!.paragraphs, issue.articles[1]!.paragraphs);
  const edited = applyEdits(issue, [{ op: 'edit-paragraph', paragraph: ref('a2', 0), text: '新的文字。' }]).issue;
  assert.equal(edited.articles[1]!.paragraphs[0], '新的文字。');
});

test('edits: a rejected correction gives the source text back', () => {
  const spaces = issue.corrections.find((c) => c.kind === 'spaces-removed')!;
  const r = applyEdits(issue, [{ op: 'reject-correction', correction: spaces.id, to: spaces.to }]);
  assert.deepEqual(r.failed, []);
  assert.ok(r.issue.articles[0]!.paragraphs.some((p) => p.includes('召开 12 次')));
  assert.ok(!r.issue.corrections.some((c) => c.id === spaces.id), 'the correction leaves the list');
  const join = issue.corrections.find((c) => c.kind === 'lines-joined' && c.item === 'a1')!;
  const unjoined = applyEdits(issue, [{ op: 'reject-correction', correction: join.id, to: join.to }]).issue;
  assert.equal(
    unjoined.articles[0]!.paragraphs.length,
    issue.articles[0]!.paragraphs.length + join.from.split('\n').length - 1,
  );
});

test('edits that no longer fit are reported, not applied elsewhere', () => {
  const r = applyEdits(issue, [
    { op: 'set-headline', item: 'a9', text: '无' },
    { op: 'edit-paragraph', paragraph: { item: 'a1', paragraph: 0, starts: '别的开头' }, text: '新' },
    { op: 'move-paragraph', paragraph: ref('a1', 0), to: 'a1' },
    { op: 'reject-correction', correction: 'c1', to: 'not what it reads' },
    { op: 'set-deck', text: '——无' },
    { op: 'set-kicker', text: '无' },
    { op: 'set-headline', item: 'a1', text: '这一条能用' },
  ]);
  assert.equal(r.applied, 1);
  assert.deepEqual(
    r.failed.map((f) => f.index),
    [0, 1, 2, 3, 4, 5],
  );
  assert.match(r.failed[5]!.reason, /no lead to give a kicker/);
  assert.match(r.failed[1]!.reason, /no longer starts with “别的开头”/);
  assert.equal(r.issue.articles[0]!.headline, '这一条能用');
});

test('edits: a new article from a paragraph on, two articles joined, a paragraph marked as furniture', () => {
  const a1 = issue.articles[0]!;
  const last = a1.paragraphs.length - 1;
  const split = applyEdits(issue, [{ op: 'new-article', paragraph: ref('a1', last), headline: '新的一篇' }]);
  assert.deepEqual(split.failed, []);
  const made = split.issue.articles[1]!;
  assert.deepEqual([made.id, made.headline, made.paragraphs], ['a3', '新的一篇', [a1.paragraphs[last]]]);
  assert.equal(split.issue.articles[0]!.paragraphs.length, last);
  const joined = applyEdits(issue, [{ op: 'join-articles', item: 'a2', into: 'a1' }]).issue;
  assert.deepEqual(
    joined.articles.map((a) => a.id),
    ['a1'],
  );
  assert.deepEqual(joined.articles[0]!.paragraphs, [...a1.paragraphs, ...issue.articles[1]!.paragraphs]);
  const marked = applyEdits(issue, [{ op: 'mark-furniture', paragraph: ref('a2', 0), kind: 'jump' }]).issue;
  assert.equal(marked.furniture.at(-1)!.text, issue.articles[1]!.paragraphs[0]);
  assert.equal(marked.articles[1]!.paragraphs.length, issue.articles[1]!.paragraphs.length - 1);
});

test('print normalisation: each change a correction, a rejected one gives the printed form back', () => {
  // Invented text: an ASCII comma between Han, a nested title in ASCII angle brackets, two plus signs of one
  // kind and one of the other, a decimal point set apart, a range with GBK's horizontal bar for its dash.
  const printed = recoverText(
    `老街改造让城市焕发新活力
□ 本报记者 王明远
居民议事会听取意见,收集建议，按照《东州市实施<城市更新条例>办法》推进改造。
“线上+线下”“走出去+请进来”和“商户＋居民”的做法，让客流增长了 5 . 6倍，工期3―4天。
`,
    { file: 't.txt' },
  );
  const normal = normaliseForPrint(printed);
  assert.equal(
    normal.articles[0]!.paragraphs.join(''),
    '居民议事会听取意见，收集建议，按照《东州市实施〈城市更新条例〉办法》推进改造。' +
      '“线上+线下”“走出去+请进来”和“商户+居民”的做法，让客流增长了5.6倍，工期3—4天。',
  );
  const added = normal.corrections.filter((c) => c.kind === 'print-normalised');
  assert.deepEqual(
    added.map((c) => [c.from, c.to]),
    [
      ['取意见,收集建', '取意见，收集建'],
      ['市实施<城市更', '市实施〈城市更'],
      ['新条例>办法》', '新条例〉办法》'],
      ['“商户＋居民”', '“商户+居民”'],
      ['长了5 . 6倍，', '长了5.6倍，'],
      ['工期3―4天。', '工期3—4天。'],
    ],
  );
  assert.equal(normaliseForPrint(normal).corrections.length, normal.corrections.length, 'idempotent');
  const comma = added[0]!;
  const r = applyEdits(normal, [{ op: 'reject-correction', correction: comma.id, to: comma.to }]);
  assert.deepEqual(r.failed, []);
  assert.ok(r.issue.articles[0]!.paragraphs[0]!.startsWith('居民议事会听取意见,收集建议'));
});

test('edits: a subhead stays marked on its own paragraph as paragraphs move, split and join around it', () => {
  // a1's second paragraph marked a subhead (as recovery marks a heading line between paragraphs).
  const marked = structuredClone(issue);
  marked.articles[0]!.subheads = [1];
  const heading = marked.articles[0]!.paragraphs[1]!.slice(0, 4);
  const subheadTexts = (of: Issue) =>
    of.articles.map((a) => (a.subheads ?? []).map((k) => a.paragraphs[k]!.slice(0, 4)));
  const split = applyEdits(marked, [{ op: 'split-paragraph', paragraph: ref('a1', 0, marked), at: 5 }]);
  assert.deepEqual(split.issue.articles[0]!.subheads, [2], 'a paragraph split before it: one index on');
  assert.deepEqual(subheadTexts(split.issue), [[heading], []]);
  const moved = applyEdits(marked, [{ op: 'move-paragraph', paragraph: ref('a1', 1, marked), to: 'a2', at: 0 }]);
  assert.deepEqual(subheadTexts(moved.issue), [[], [heading]], 'moved with its paragraph');
  const joined = applyEdits(marked, [{ op: 'join-paragraphs', paragraph: ref('a1', 0, marked) }]);
  assert.deepEqual(subheadTexts(joined.issue), [[], []], 'joined to the paragraph before: of that one’s kind');
  assert.equal(joined.issue.articles[0]!.subheads, undefined, 'no subheads: no field');
  // The editor marks one and unmarks another.
  const edited = applyEdits(marked, [
    { op: 'mark-subhead', paragraph: ref('a2', 0, marked), subhead: true },
    { op: 'mark-subhead', paragraph: ref('a1', 1, marked), subhead: false },
  ]);
  assert.deepEqual(edited.failed, []);
  assert.deepEqual(
    edited.issue.articles.map((a) => a.subheads),
    [undefined, [0]],
  );
});
