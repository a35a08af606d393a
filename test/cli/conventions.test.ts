/**
 * Command-line conventions: standard input and output, --json, option validation, -q, build issue.json, encodings,
 * templates, the browser.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { onPath } from '../../src/check/browser.js';
import { runTempDir } from '../../src/io/temp.js';
import { generatePage } from '../generator/page.js';
import { CLI, ROOT, SAMPLE } from '../paths.js';

const dir = runTempDir('conv');
const run = (args: string[], opts: { input?: string | Uint8Array; env?: NodeJS.ProcessEnv } = {}) =>
  spawnSync(process.execPath, [CLI, ...args], {
    input: opts.input,
    env: opts.env ?? process.env,
    maxBuffer: 64 * 1024 * 1024,
  });
const text = (b: Buffer | string) => b.toString();
const sample = readFileSync(SAMPLE);

test('- reads standard input and -o - writes standard output, for recover, layout and render', () => {
  const fromFile = JSON.parse(text(run(['recover', SAMPLE]).stdout));
  const r = run(['recover', '-'], { input: sample });
  assert.equal(r.status, 0, text(r.stderr));
  const fromStdin = JSON.parse(text(r.stdout));
  assert.equal(fromStdin.source.file, 'stdin');
  assert.deepEqual(fromStdin.articles, fromFile.articles);
  const layout = run(['layout', '-', '-o', '-'], { input: r.stdout });
  assert.equal(layout.status, 0, text(layout.stderr));
  const pdf = run(['render', '-', '-o', '-'], { input: layout.stdout });
  assert.equal(pdf.status, 0, text(pdf.stderr));
  assert.equal(pdf.stdout.subarray(0, 5).toString(), '%PDF-');
  assert.ok(!existsSync(join(process.cwd(), '-')), 'no file named -');
});

test('options are checked: --jobs abc, 0, -3, --dpi 5, --encoding latin1 are usage errors, exit 2', () => {
  for (const args of [
    ['build', SAMPLE, '-j', 'abc'],
    ['build', SAMPLE, '-j', '0'],
    ['build', SAMPLE, '--jobs=-3'],
    ['diff', SAMPLE, SAMPLE, '--dpi', '5'],
    ['recover', SAMPLE, '--encoding', 'latin1'],
    ['build', '-', SAMPLE],
  ]) {
    const r = run(args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${text(r.stderr)}`);
    assert.doesNotMatch(text(r.stderr), /\n\s+at /);
    assert.ok(text(r.stderr).trim().split('\n').length <= 2, text(r.stderr));
  }
});

test('build --json, -q, and build of an issue.json', () => {
  const out = join(dir, 'json');
  const r = run(['-q', 'build', SAMPLE, '-o', out, '--no-proof', '--json']);
  assert.equal(r.status, 0, text(r.stderr));
  const result = JSON.parse(text(r.stdout));
  assert.equal(result.ok, true);
  assert.ok(existsSync(join(result.folder, 'spread.pdf')));
  assert.doesNotMatch(text(r.stderr), /built|time:/, '-q prints no progress');
  // The issue.json of that build, built again: layout and PDF the same, no recovery.
  const again = run([
    'build',
    join(result.folder, 'issue.json'),
    '-o',
    join(dir, 'from-issue'),
    '--no-proof',
    '--json',
  ]);
  assert.equal(again.status, 0, text(again.stderr));
  const folder = JSON.parse(text(again.stdout)).folder;
  assert.deepEqual(readFileSync(join(folder, 'spread.pdf')), readFileSync(join(result.folder, 'spread.pdf')));
  const verify = run(['verify', result.folder, '--json']);
  assert.equal(verify.status, 0);
  assert.deepEqual(JSON.parse(text(verify.stdout)).problems, []);
  const diff = run([
    'diff',
    join(result.folder, 'spread.pdf'),
    join(folder, 'spread.pdf'),
    '-o',
    join(dir, 'd'),
    '--json',
  ]);
  assert.equal(diff.status, 0, text(diff.stderr));
  assert.equal(JSON.parse(text(diff.stdout)).same, true);
});

test('-q in a batch prints no line per input, only the failures', () => {
  const pages = join(dir, 'quiet');
  mkdirSync(pages);
  for (const seed of [1, 2]) writeFileSync(join(pages, `p${seed}.txt`), generatePage(seed, { articles: [3, 4] }).text);
  writeFileSync(join(pages, 'x.txt'), '');
  const r = run(['-q', 'build', pages, '-o', join(dir, 'quiet-out'), '--no-proof', '-j', '2']);
  assert.equal(r.status, 1);
  assert.doesNotMatch(text(r.stderr), /\[\d\/3\]|built /);
  assert.match(text(r.stderr), /x\.txt: the file is empty/);
});

/** A traditional-Chinese text in Big5, written by hand for this test (not from any corpus). */
const BIG5_TEXT =
  '本報訊 市政府今天召開會議，研究部署城市建設和環境保護工作。會議強調，要堅持以人民為中心的發展思想，加快推進老舊小區改造。\n';

test('Big5 is detected, --encoding is obeyed, and text that reads as Chinese in no encoding is refused', () => {
  const iconv = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'BIG5'], { input: BIG5_TEXT });
  assert.equal(iconv.status, 0, 'iconv (glibc) encodes Big5');
  const big5 = join(dir, 'big5.txt');
  writeFileSync(big5, iconv.stdout);
  const r = run(['recover', big5]);
  assert.equal(r.status, 0, text(r.stderr));
  const issue = JSON.parse(text(r.stdout));
  assert.equal(issue.source.encoding, 'big5');
  assert.ok(JSON.stringify(issue).includes('老舊小區改造'));
  const told = run(['recover', big5, '--encoding', 'big5']);
  assert.equal(JSON.parse(text(told.stdout)).source.encoding, 'big5');
  // Byte pairs valid in both GB18030 and Big5 but no Chinese in either: refused, not mojibake.
  const noise = Buffer.alloc(400);
  for (let i = 0; i < noise.length; i += 2) {
    noise[i] = 0xa4 + ((i * 7) % 0x50);
    noise[i + 1] = 0xa1 + ((i * 13) % 0x5d);
  }
  const garbled = join(dir, 'garbled.txt');
  writeFileSync(garbled, noise);
  const g = run(['recover', garbled]);
  assert.equal(g.status, 1);
  assert.match(text(g.stderr), /garbled\.txt: is not UTF-8 and reads as garbled characters.*--encoding/);
});

test('templates: unknown keys rejected, allowed values listed, numbers bounded', () => {
  const tabloid = JSON.parse(readFileSync(join(ROOT, 'templates', 'tabloid.json'), 'utf8'));
  const cases: Array<[string, (t: typeof tabloid) => void, RegExp]> = [
    ['extra', (t) => (t.colour = 'red'), /unknown field colour/],
    ['nested', (t) => (t.body.leading = 2), /unknown field body\.leading/],
    ['enum', (t) => (t.body.face = 'comic'), /field body\.face must be one of "song", "bold", "heavy", "kai"/],
    ['zero', (t) => (t.byline.scale = 0), /field byline\.scale must be >= 0\.5/],
    ['title', (t) => (t.masthead.titleSize = 0), /field masthead\.titleSize must be >= 6/],
    ['huge', (t) => (t.page.width = 100000), /field page\.width must be <= 1200/],
    ['search', (t) => (t.maxHeadlineExtra = 1e6), /field maxHeadlineExtra must be <= 20/],
    ['range', (t) => (t.headline.sizes = { min: 30, max: 15 }), /headline\.sizes must have min no larger than max/],
    ['pair', (t) => (t.body.sizes = [7.5, 12]), /field body\.sizes must be object/],
  ];
  for (const [name, change, message] of cases) {
    const t = structuredClone(tabloid);
    change(t);
    const file = join(dir, `t-${name}.json`);
    writeFileSync(file, JSON.stringify(t));
    const r = run(['build', SAMPLE, '-t', file, '-o', join(dir, 'x'), '--no-proof']);
    assert.equal(r.status, 1, name);
    assert.match(text(r.stderr), message, name);
    assert.match(text(r.stderr), new RegExp(`t-${name}\\.json`), 'names the template file');
    assert.ok(!existsSync(join(dir, 'x')), 'nothing written');
  }
});

test('layout errors name the issue.json given, not the extraction it came from', () => {
  const issue = JSON.parse(text(run(['recover', SAMPLE]).stdout));
  issue.articles[0].paragraphs[0] += '😀';
  const file = join(dir, 'emoji-issue.json');
  writeFileSync(file, JSON.stringify(issue));
  const r = run(['layout', file]);
  assert.equal(r.status, 1);
  assert.match(text(r.stderr), /emoji-issue\.json: no font of the template has 😀/);
  issue.articles[0].paragraphs[0] += '😁😂😃😄😅😆';
  writeFileSync(file, JSON.stringify(issue));
  assert.match(
    text(run(['layout', file]).stderr),
    /U\+1F604\) in a1 and 2 more \(replace/,
    'five named, the rest counted',
  );
});

test('build starts no browser (newsprint draws the proof); --check finds one on PATH, says when it fails', () => {
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  const fake = join(bin, 'chromium');
  const started = join(dir, 'browser-started');
  writeFileSync(fake, `#!/bin/sh\ntouch '${started}'\necho "this browser is broken" >&2\nexit 1\n`);
  chmodSync(fake, 0o755);
  assert.equal(onPath(['chromium'], bin), fake);
  const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, PUPPETEER_EXECUTABLE_PATH: '' };
  const out = join(dir, 'broken-browser');
  const r = run(['build', SAMPLE, '-o', out], { env });
  assert.equal(r.status, 0, text(r.stderr));
  assert.ok(!existsSync(started), 'build started a browser');
  assert.doesNotMatch(text(r.stderr), /^warning:/m);
  const [folder] = readdirSync(out);
  const files = readdirSync(join(out, folder!));
  assert.ok(files.includes('spread.pdf') && files.includes('proof.pdf'), files.join(' '));
  assert.equal(run(['verify', join(out, folder!)]).status, 0);
  // The cross-engine check does need one: a broken browser is one line, not a crash.
  const checked = run(['build', SAMPLE, '-o', join(dir, 'checked'), '--check'], { env });
  assert.ok(existsSync(started), 'the check looked for the browser on PATH');
  assert.notEqual(checked.status, 0);
  assert.match(text(checked.stderr), /chromium did not start/);
  assert.equal(text(checked.stderr).trim().split('\n').length, 1, text(checked.stderr));
});
