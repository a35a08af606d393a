#!/usr/bin/env node
import { execFileSync } from 'node:child_process';
// No line of the project's TypeScript longer than 120 characters (Biome wraps code; this catches long strings and
// comments).
import { existsSync, readFileSync } from 'node:fs';

const MAX = 120;
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.mjs'], {
  encoding: 'utf8',
})
  .split('\n')
  .filter((f) => f && existsSync(f));
let bad = 0;
for (const file of files) {
  // Lines inside a multi-line template literal are output (HTML, CSS, report tables), kept verbatim.
  let inTemplate = false;
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const data = inTemplate;
      if ((line.replace(/\\./g, '').match(/`/g) ?? []).length % 2 === 1) inTemplate = !inTemplate;
      const n = [...line].length;
      if (n > MAX && !data) {
        bad++;
        console.error(`${file}:${i + 1}: ${n} characters (at most ${MAX})`);
      }
    });
}
if (bad) {
  console.error(`${bad} line(s) longer than ${MAX} characters`);
  process.exit(1);
}
