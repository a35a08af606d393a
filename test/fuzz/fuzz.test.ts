/**
 * Seeded fuzzing: the sample and generated pages, mutated thousands of times
 * (truncated, lines dropped or doubled, random bytes, blocks shuffled, lines
 * rewrapped to extreme widths). Every run either succeeds with the no-loss
 * invariant holding, or fails with a clear error (a NewsprintError, which the
 * CLI prints as one line); never anything else, never an invariant broken.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { InvariantError, NewsprintError } from '../../src/errors.js';
import { loadMetrics } from '../../src/fonts/faces.js';
import { readTemplate } from '../../src/io/inputs.js';
import { layoutIssue } from '../../src/layout/index.js';
import { recoverBytes } from '../../src/recover/index.js';
import { jiebaWords } from '../../src/text/segmenter.js';
import { generatePage } from '../generator/page.js';
import { Random } from '../generator/random.js';
import { SAMPLE } from '../paths.js';

const RECOVERY_CASES = 3000;
const LAYOUT_CASES = 60;

const enc = new TextEncoder();
const seeds = [readFileSync(SAMPLE, 'utf8'), ...Array.from({ length: 8 }, (_, i) => generatePage(500 + i).text)];

type Mutation = (r: Random, text: string) => string | Uint8Array;

const lines = (t: string) => t.split('\n');
const MUTATIONS: Record<string, Mutation> = {
  truncate: (r, t) => t.slice(0, r.int(0, t.length)),
  dropLines: (r, t) =>
    lines(t)
      .filter(() => !r.chance(0.15))
      .join('\n'),
  doubleLines: (r, t) =>
    lines(t)
      .flatMap((l) => (r.chance(0.1) ? [l, l] : [l]))
      .join('\n'),
  randomBytes: (r, t) => {
    const b = Array.from(enc.encode(t));
    for (let k = r.int(1, 40); k > 0; k--) b.splice(r.int(0, b.length), r.chance(0.5) ? 1 : 0, r.int(0, 255));
    return new Uint8Array(b);
  },
  shuffleBlocks: (r, t) => r.shuffle(t.split(/\n\s*\n/)).join('\n\n'),
  rewrap: (r, t) => {
    const width = r.chance(0.5) ? r.int(1, 4) : r.int(60, 400);
    const flat = lines(t).join('');
    const out: string[] = [];
    for (let i = 0; i < flat.length; i += width) out.push(flat.slice(i, i + width));
    return out.join(r.chance(0.5) ? '\n' : '\n\n');
  },
  junkCharacters: (r, t) => {
    const junk = [
      '□',
      '口',
      '——',
      '……',
      '\u3000',
      '\t',
      '\f',
      '\u200b',
      '𠀀',
      '🙂',
      '\uFFFD',
      '年月日',
      '星期',
      '@',
      '%',
    ];
    const c = [...t];
    for (let k = r.int(1, 60); k > 0; k--) c.splice(r.int(0, c.length), 0, r.pick(junk));
    return c.join('');
  },
  onlyPunctuation: (r, t) =>
    lines(t)
      .map((l) => (r.chance(0.3) ? l.replace(/[\p{Script=Han}]/gu, () => r.pick(['，', '。', '“', '》', '（'])) : l))
      .join('\n'),
};
const names = Object.keys(MUTATIONS);

function mutate(seed: number): { name: string; bytes: Uint8Array } {
  const r = new Random(seed);
  let data: string | Uint8Array = seeds[seed % seeds.length]!;
  const applied: string[] = [];
  for (let k = r.int(1, 3); k > 0; k--) {
    const name = r.pick(names);
    applied.push(name);
    data = MUTATIONS[name]!(r, typeof data === 'string' ? data : new TextDecoder().decode(data));
  }
  return { name: `seed ${seed} (${applied.join(' + ')})`, bytes: typeof data === 'string' ? enc.encode(data) : data };
}

/** Runs fn; a NewsprintError is a clear failure, anything else (and an InvariantError) fails the test. */
function clearly<T>(name: string, fn: () => T): T | null {
  try {
    return fn();
  } catch (e) {
    if (e instanceof InvariantError) assert.fail(`${name}: invariant broken: ${e.message}`);
    if (!(e instanceof NewsprintError)) assert.fail(`${name}: crashed: ${(e as Error).stack}`);
    assert.ok(e.oneLine().length > 10 && !e.oneLine().includes('\n'), `${name}: unclear message`);
    return null;
  }
}

test(`${RECOVERY_CASES} mutated pages through recovery: each recovers with nothing lost, or fails clearly`, () => {
  let recovered = 0;
  for (let seed = 1; seed <= RECOVERY_CASES; seed++) {
    const { name, bytes } = mutate(seed);
    // recoverBytes checks the no-loss invariant itself and throws InvariantError when it breaks.
    if (clearly(name, () => recoverBytes(bytes, { file: `fuzz-${seed}.txt`, words: jiebaWords }))) recovered++;
  }
  assert.ok(recovered > RECOVERY_CASES * 0.5, `only ${recovered} recovered`);
});

test(`${LAYOUT_CASES} mutated pages through layout: laid out with every layout invariant, or a clear error`, () => {
  const metrics = loadMetrics();
  const template = readTemplate('tabloid');
  let laidOut = 0;
  for (let seed = 10_001; seed < 10_001 + LAYOUT_CASES; seed++) {
    const { name, bytes } = mutate(seed);
    const issue = clearly(name, () => recoverBytes(bytes, { file: `fuzz-${seed}.txt`, words: jiebaWords }));
    if (issue && clearly(name, () => layoutIssue(issue, template, metrics))) laidOut++;
  }
  assert.ok(laidOut > 0);
});
