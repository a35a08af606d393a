import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from the compiled test file. */
export const ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
})();

export const SAMPLE = join(ROOT, 'samples', 'lvliang-2024-01-08-zhengjiao.txt');
export const CLI = join(ROOT, 'dist', 'src', 'cli', 'index.js');
