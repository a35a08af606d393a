import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { recoverBytes } from '../../src/recover/index.js';
import { validateIssue } from '../../src/schema.js';
import { hanCounts } from '../../src/text/chars.js';
import { issueHan } from '../../src/text/han.js';
import { jiebaWords } from '../../src/text/segmenter.js';
import { SAMPLE } from '../paths.js';

const bytes = readFileSync(SAMPLE);
const issue = recoverBytes(bytes, { file: 'sample.txt', words: jiebaWords });

test('masthead: undoubled, date resolved by the weekday', () => {
  assert.equal(issue.masthead?.section, '政教专刊部主办');
  assert.equal(issue.masthead?.date, '2024-01-08');
  assert.equal(issue.masthead?.weekday, '星期一');
  assert.equal(issue.masthead?.email, 'llrbzhjb@163.com');
});

test('eight items: the lead and seven signed articles, each headline with its own byline and body', () => {
  assert.equal(issue.lead?.headline, '凝聚发展新共识 开创人大新局面');
  assert.match(issue.lead?.deck ?? '', /^——全市人大学用/);
  assert.equal(issue.lead?.paragraphs.length, 2);
  // Each byline's county is the county its body speaks of (the bodies name themselves in their first paragraph).
  const expected: Array<[string, string, string, number]> = [
    ['加强和改进新时代人大工作推进高质量发展', '岚县人大常委会主任', '尹永平', 11],
    ['学深悟透党的二十大精神 推动基层人大工作创新发展', '中阳县人大常委会主任', '任建中', 6],
    ['依法履职尽责推动新时代人大工作高质量发展', '石楼县人大常委会主任', '田文军', 6],
    ['强化思想引领 开拓新时代人大工作新局面', '兴县人大常委会主任', '史小军', 6],
    ['践行全过程人民民主 助推新时代人大工作', '交口县人大常委会主任', '朱和平', 5],
    ['拓展深化人大代表工作 更好发挥代表主体作用', '临县人大常委会副主任', '张新', 5],
    ['依法履职尽责推动新时代人大工作迈上新台阶', '柳林县人大常委会主任', '薛平', 5],
  ];
  assert.deepEqual(
    issue.articles.map((a) => [a.headline, a.byline?.role, a.byline?.name, a.paragraphs.length]),
    expected,
  );
  for (const a of issue.articles.slice(0, 5)) {
    const county = a.byline!.role.replace(/人大常委会.*$/, '').replace(/县$/, '');
    assert.ok(a.paragraphs[0]!.includes(county), `${a.id} opens with ${county}`);
  }
});

test('paragraphs as printed: first and last paragraph of the split run', () => {
  assert.equal(
    issue.articles[0]!.paragraphs[0],
    '岚县人大常委会认真履行法定职责，更好助力岚县经济社会发展和改革攻坚任务，为全面推动岚县高质量发展贡献了智慧和力量。',
  );
  assert.ok(issue.articles[1]!.paragraphs[0]!.startsWith('2023年，中阳县人大常委会'));
  assert.ok(issue.articles[1]!.paragraphs[3]!.startsWith('坚持“线上+线下”“走出去+请进来”相结合'));
  assert.ok(issue.articles[5]!.paragraphs[2]!.startsWith('发挥代表联络站“桥头堡”作用'));
});

test('extraction spaces removed, real text kept', () => {
  const all = issue.articles.flatMap((a) => a.paragraphs).join('');
  assert.ok(all.includes('课题进行监督，不断提升人大监督工作质效。'));
  assert.ok(all.includes('每乡镇安排5万元运行经费'));
  assert.ok(issue.lead!.paragraphs[1]!.startsWith('2023年11月24日，'));
  assert.ok(!/[\u4e00-\u9fff] [\u4e00-\u9fff]/.test(all), 'no space between Han characters in bodies');
});

test('no Han character lost or added; the one change is the listed 口 → □', () => {
  const input = hanCounts(readFileSync(SAMPLE, 'utf8').split('\n').slice(2).join('\n'));
  hanCounts(issue.masthead!.text, input);
  const carried = issueHan(issue);
  carried.set('口', (carried.get('口') ?? 0) + 1);
  assert.deepEqual([...carried].sort(), [...input].sort());
  const marker = issue.corrections.filter((c) => c.kind === 'byline-marker');
  assert.equal(marker.length, 1);
  assert.deepEqual(marker[0]!.lines, [739]);
});

test('every correction names its lines and item; the rejoined headlines are listed', () => {
  const kinds = new Set(issue.corrections.map((c) => c.kind));
  for (const k of [
    'masthead-undoubled',
    'spaces-removed',
    'lines-joined',
    'headline-moved',
    'headline-rejoined',
    'byline-moved',
    'byline-marker',
  ])
    assert.ok(kinds.has(k as never), k);
  const rejoined = issue.corrections.filter((c) => c.kind === 'headline-rejoined').map((c) => c.to);
  assert.deepEqual(
    rejoined.sort(),
    ['依法履职尽责推动新时代人大工作迈上新台阶', '拓展深化人大代表工作 更好发挥代表主体作用'].sort(),
  );
  for (const c of issue.corrections)
    assert.ok(c.item === 'masthead' || c.item === 'lead' || /^a\d+$/.test(c.item), `${c.id} item ${c.item}`);
});

test('deterministic and valid against the schema', () => {
  const again = recoverBytes(bytes, { file: 'sample.txt', words: jiebaWords });
  assert.equal(JSON.stringify(again), JSON.stringify(issue));
  validateIssue(JSON.parse(JSON.stringify(issue)), 'sample issue');
});
