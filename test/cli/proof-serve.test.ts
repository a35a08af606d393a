/**
 * The interactive proof driven in a real browser: a page whose recovery
 * leaves a paragraph in the wrong article is fixed on screen with the
 * keyboard (move the paragraph, change a headline, reject a correction,
 * save), and `newsprint build` then gives an issue and a PDF with those
 * changes, the same bytes every time.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { test } from 'node:test';
import { launchBrowser } from '../../src/check/browser.js';
import { runTempDir } from '../../src/io/temp.js';
import { validateEdits, validateIssue } from '../../src/schema.js';
import { startProofServer } from '../../src/serve/server.js';
import type { Issue } from '../../src/types.js';
import { pdftotext } from '../helpers/tools.js';
import { CLI } from '../paths.js';

// Invented text. The extractor put the first paragraph of 乡村学校 (音乐教室里…) at the end of 老街改造, where
// recovery leaves it; its line breaks join two paragraphs of 乡村学校 (a lines-joined correction to reject).
const PAGE = `经济周刊 2024年3月5日 星期二 电子信箱：jingji@example.com

老街改造让城市焕发新活力
□ 本报记者 王明远
去年以来，城东老街完成了管网改造和立面整修，
沿街商铺陆续开门迎客，街巷里又热闹起来。
改造前，老街的下水管道年久失修，一到雨天就积水。街道办事处先后召开 12 次居民议事会，
听取意见。
如今，老街每天迎来游客超过三千人次，周边居民的收入也随之增加。
音乐教室里，孩子们第一次拿起小提琴，跟着老师一个音一个音地练习，脸上满是新奇。

乡村学校开起音乐课
□ 本报记者 李清和
今年春季学期，山区的十二所乡村小学开设了器乐课程，县里为每所学校配齐了乐器。
支教老师每周两次走进课堂，从识谱教起，再到合奏，学生们学得认真。
学校负责人说，音乐课让孩子们更加自信，家长们也很支持。
`;
const MISPLACED = '音乐教室里，孩子们第一次拿起小提琴';
const NEW_HEADLINE = '山区学校开起了音乐课';

const dir = runTempDir('serve');
const input = join(dir, 'page.txt');
writeFileSync(input, PAGE);
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

test('proof --serve: fix a page in the browser with the keyboard, save, and build applies the edits', async () => {
  const server = await startProofServer(input, { template: 'tabloid' });
  const { browser, close } = await launchBrowser();
  try {
    const before = server.session.state().issue;
    assert.ok(before.articles[0]!.paragraphs.at(-1)!.startsWith(MISPLACED), 'recovery leaves it in the wrong article');
    const joined = server.session
      .state()
      .corrections.find((c) => c.kind === 'lines-joined' && c.item === 'a2' && c.from.includes('支教老师'))!;
    assert.ok(joined?.rejectable);

    const page = await browser.newPage();
    const problems: string[] = [];
    const origin = new URL(server.url).origin;
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`page error: ${(e as Error).message}`));
    page.on('request', (r) => {
      if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) problems.push(`network: ${r.url()}`);
    });
    await page.setViewport({ width: 1400, height: 900 });
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready]');
    const rebuilt = async (edits: number) =>
      page.waitForFunction((n) => document.querySelector('#status')?.textContent?.startsWith(`${n} edit`), {}, edits);

    // Move the paragraph to the start of 乡村学校, all from the keyboard.
    await page.focus(`#p-a1-${before.articles[0]!.paragraphs.length - 1}`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#move-to');
    await page.focus('#move-to');
    await page.keyboard.press('Home'); // a2, the only other article
    await page.focus('#move-where');
    await page.keyboard.press('ArrowDown'); // at its start
    await page.focus('#move-btn');
    await page.keyboard.press('Enter');
    await rebuilt(1);

    // Change a headline: type it, Tab to its button, Enter.
    await page.focus('#headline-a2');
    await page.keyboard.down('Control');
    await page.keyboard.press('KeyA');
    await page.keyboard.up('Control');
    await page.keyboard.type(NEW_HEADLINE);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await rebuilt(2);

    // Reject the join of two paragraphs: select the article, whose corrections then show, and press Reject.
    await page.focus('#p-a2-1');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`#corr-${joined.id}`, { visible: true });
    await page.focus(`#reject-${joined.id}`);
    await page.keyboard.press('Enter');
    await rebuilt(3);

    // Mark a1's first paragraph a subhead: select it, then tick its box.
    await page.focus('#p-a1-0');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#subhead-a1-0');
    await page.focus('#subhead-a1-0');
    await page.keyboard.press('Space');
    await rebuilt(4);

    await page.focus('#save');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('wrote'));
    assert.deepEqual(problems, []);
  } finally {
    await close();
    await server.close();
  }

  const editsFile = join(dir, 'page.edits.json');
  assert.ok(existsSync(editsFile), 'the edits file is written beside the input');
  const saved = validateEdits(JSON.parse(readFileSync(editsFile, 'utf8')), editsFile);
  assert.deepEqual(
    saved.edits.map((e) => e.op),
    ['move-paragraph', 'set-headline', 'reject-correction', 'mark-subhead'],
  );
  assert.equal(readFileSync(input, 'utf8'), PAGE, 'the input is never rewritten');

  const build = (out: string) => {
    const r = run('build', input, '-o', out, '--no-proof');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /applied 4 of 4 edits from .*page\.edits\.json/);
    return join(out, '2024-03-05-经济周刊');
  };
  const first = build(join(dir, 'out1'));
  const issue = validateIssue(JSON.parse(readFileSync(join(first, 'issue.json'), 'utf8')), 'issue.json');
  const [a1, a2] = issue.articles;
  assert.equal(a2!.headline, NEW_HEADLINE);
  assert.ok(a2!.paragraphs[0]!.startsWith(MISPLACED), 'the paragraph is in the right article');
  assert.ok(!a1!.paragraphs.some((p) => p.startsWith(MISPLACED)));
  assert.ok(
    a2!.paragraphs.some((p) => p.startsWith('支教老师')),
    'the rejected join gives two paragraphs again',
  );
  assert.equal(issue.source.edits?.applied, 4);
  assert.deepEqual(a1!.subheads, [0], 'the marked subhead');
  const text = pdftotext(join(first, 'spread.pdf')).replace(/\s+/g, '');
  assert.ok(text.includes(NEW_HEADLINE), 'the new headline is in the PDF');

  const second = build(join(dir, 'out2'));
  for (const f of ['issue.json', 'layout.json', 'spread.pdf'])
    assert.deepEqual(readFileSync(join(second, f)), readFileSync(join(first, f)), `${f}: same bytes`);
});

test('proof --serve refuses requests without the token or from another host', async () => {
  const server = await startProofServer(input, { template: 'tabloid' });
  try {
    const url = new URL(server.url);
    const token = url.searchParams.get('token')!;
    const bare = `${url.origin}/api/state`;
    assert.equal((await fetch(bare)).status, 403);
    assert.equal((await fetch(`${url.origin}/?token=${'0'.repeat(32)}`)).status, 403);
    assert.equal((await fetch(bare, { headers: { 'x-newsprint-token': token } })).status, 200);
    // A change needs the token in a header: a link or a form from another page cannot make one.
    const post = await fetch(`${url.origin}/api/save?token=${token}`, { method: 'POST', body: '{"edits":[]}' });
    assert.equal(post.status, 403);
    assert.equal((await fetch(`${url.origin}/../../etc/passwd?token=${token}`)).status, 404);
    // A page of another site that made the browser resolve its name to 127.0.0.1 (DNS rebinding).
    const rebound = await new Promise<number>((resolve, reject) =>
      get({ host: '127.0.0.1', port: url.port, path: `/?token=${token}`, headers: { host: 'evil.example' } }, (r) => {
        r.resume();
        resolve(r.statusCode!);
      }).on('error', reject),
    );
    assert.equal(rebound, 403);
  } finally {
    await server.close();
  }
});

test('build: edits that no longer fit are reported one by one; a broken edits file stops it in one line', () => {
  const other = join(dir, 'other');
  mkdirSync(other);
  const page = join(other, 'page.txt');
  writeFileSync(page, PAGE);
  const edits = join(other, 'page.edits.json');
  const source = { file: 'page.txt', sha256: '0'.repeat(64) };
  writeFileSync(
    edits,
    JSON.stringify({ schema: 'newsprint/edits@1', source, edits: [{ op: 'set-headline', item: 'a7', text: '无' }] }),
  );
  const r = run('build', page, '-o', join(other, 'out'), '--no-proof');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /page\.edits\.json: made on another version of page\.txt/);
  assert.match(r.stderr, /edit 1 \(set-headline\) not applied: there is no item a7/);
  writeFileSync(edits, '{"schema":"newsprint/edits@1","edits":[]}');
  const bad = run('build', page, '-o', join(other, 'out2'), '--no-proof');
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /^newsprint: .*page\.edits\.json: not a valid edits file: .*'source'/);
  assert.equal(bad.stderr.trim().split('\n').length, 1);
  assert.ok(!existsSync(join(other, 'out2')), 'nothing written');
});

test('an archive folder is proofread and rebuilt from the extraction it keeps; its edits live beside it', async () => {
  const work = join(dir, 'archive');
  mkdirSync(work);
  const page = join(work, 'page.txt');
  writeFileSync(page, PAGE);
  const out = join(work, 'out');
  assert.equal(run('build', page, '-o', out, '--no-proof').status, 0);
  const [name] = readdirSync(out);
  const folder = join(out, name!);
  assert.deepEqual(readFileSync(join(folder, 'source.txt')), readFileSync(page), 'the extraction is kept as it was');
  const first = readFileSync(join(folder, 'issue.json'), 'utf8');

  const server = await startProofServer(folder, { template: 'tabloid' });
  try {
    assert.equal(server.session.state().editsFile, `${folder}.edits.json`);
    await server.session.setEdits([{ op: 'set-headline', item: 'a2', text: NEW_HEADLINE }]);
    server.session.save();
  } finally {
    await server.close();
  }
  assert.ok(existsSync(`${folder}.edits.json`), 'the edits file is written beside the folder');
  assert.equal(run('verify', folder).status, 0, 'and nothing inside it');

  // Rebuilt from the folder alone: the same issue as from the extraction, with the edits, and a copy of them kept.
  const rebuilt = run('build', folder, '-o', out, '--no-proof');
  assert.equal(rebuilt.status, 0, rebuilt.stderr);
  assert.match(rebuilt.stderr, /applied 1 of 1 edits from .*\.edits\.json/);
  const edited = validateIssue(JSON.parse(readFileSync(join(folder, 'issue.json'), 'utf8')), 'issue.json');
  assert.equal(edited.articles.find((a) => a.id === 'a2')?.headline, NEW_HEADLINE);
  assert.equal(run('verify', folder).status, 0);
  // Without the file beside it, the folder's own copy still gives the editor's issue.
  rmSync(`${folder}.edits.json`);
  assert.equal(run('build', folder, '-o', out, '--no-proof').status, 0);
  const again = JSON.parse(readFileSync(join(folder, 'issue.json'), 'utf8')) as Issue;
  assert.equal(again.articles.find((a) => a.id === 'a2')?.headline, NEW_HEADLINE);
  assert.notEqual(first, JSON.stringify(again));

  // A folder built from an issue.json keeps no extraction: one line, nothing written.
  const fromIssue = join(work, 'from-issue');
  assert.equal(run('build', join(folder, 'issue.json'), '-o', fromIssue, '--no-proof').status, 0);
  const [issueFolder] = readdirSync(fromIssue);
  const refused = run('proof', join(fromIssue, issueFolder!), '-o', join(work, 'proof.html'));
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /^newsprint: .*: keeps no extraction \(source\.txt\)/);
  assert.equal(refused.stderr.trim().split('\n').length, 1);
  assert.ok(!existsSync(join(work, 'proof.html')));
});
