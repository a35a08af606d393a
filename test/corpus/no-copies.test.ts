/**
 * The corpus's texts stay out of the repository (its README's rule): no file here shares a run of RUN Han characters
 * with a gold page, unless the bundled sample has it too (shared phrasing of the sample's own paper), and no file
 * names a gold page's reporter. Examples in comments, tests and cases are invented (东州, 西湾, 王明远, 李清和…).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { ROOT, SAMPLE } from '../paths.js';
import { goldPages, NO_CORPUS } from './gold.js';

/** Han characters in a row that make a copy: more than a set phrase (`有关负责人表示` is seven). */
const RUN = 8;
/** What the repository writes by hand: its code, tests, cases, templates, scripts and README. */
const ROOTS = ['src', 'test', 'bench', 'templates', 'scripts', 'README.md'];
const TEXT = /\.(ts|mjs|js|json|md|txt|typ|sh|css|html)$/;

const HAN_RUN = new RegExp(`\\p{Script=Han}{${RUN},}`, 'gu');

/** Every run of RUN Han characters in `text`. */
function runsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const [m] of text.matchAll(HAN_RUN)) {
    const chars = [...m];
    for (let i = 0; i + RUN <= chars.length; i++) out.add(chars.slice(i, i + RUN).join(''));
  }
  return out;
}

function filesUnder(path: string): string[] {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return [];
  if (!stat.isDirectory()) return TEXT.test(path) ? [path] : [];
  return readdirSync(path).flatMap((f) => filesUnder(join(path, f)));
}

test('no corpus text in the repository', (t) => {
  const golds = goldPages();
  if (!golds) {
    t.skip(NO_CORPUS);
    return;
  }
  const sample = runsOf(readFileSync(SAMPLE, 'utf8').replace(/\s/g, ''));
  const copied = new Set([...runsOf(JSON.stringify(golds))].filter((r) => !sample.has(r)));
  // (Three-character names: a two-character one may be an ordinary word.)
  const reporters = golds
    .flatMap((g) => g.articles.flatMap((a) => (a.name ?? '').split(/\s+/)))
    .filter((n) => n.length === 3);
  const found: string[] = [];
  for (const file of ROOTS.flatMap((r) => filesUnder(join(ROOT, r)))) {
    const text = readFileSync(file, 'utf8');
    const runs = [...runsOf(text)].filter((r) => copied.has(r));
    const names = reporters.filter((n) => text.includes(n));
    if (runs.length || names.length)
      found.push(`${relative(ROOT, file)}: ${[...runs.slice(0, 3), ...names].join(' ')}`);
  }
  assert.deepEqual(found, [], 'corpus text copied into the repository');
});
