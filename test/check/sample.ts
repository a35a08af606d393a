/** The sample built in memory, once per test file: issue, layout, PDF. */
import { readFileSync } from 'node:fs';
import { loadFaces, loadMetrics } from '../../src/fonts/faces.js';
import { readTemplate } from '../../src/io/inputs.js';
import { layoutIssue } from '../../src/layout/index.js';
import { recoverBytes } from '../../src/recover/index.js';
import { renderLayout } from '../../src/render/index.js';
import { jiebaWords } from '../../src/text/segmenter.js';
import type { Layout } from '../../src/types.js';
import { SAMPLE } from '../paths.js';

export async function buildSample() {
  const issue = recoverBytes(readFileSync(SAMPLE), { file: 'lvliang-2024-01-08-zhengjiao.txt', words: jiebaWords });
  const layout = layoutIssue(issue, readTemplate('tabloid'), loadMetrics());
  const faces = loadFaces();
  const pdf = await renderLayout(layout, faces);
  return { issue, layout, faces, pdf, source: readFileSync(SAMPLE, 'utf8') };
}

/** The same layout with one article moved right by `mm`. */
export function moved(layout: Layout, item: string, mm: number): Layout {
  const out = structuredClone(layout);
  for (const p of out.pages)
    for (const b of p.boxes) if (b.item === item) for (const l of b.lines) l.x += (mm * 72) / 25.4;
  return out;
}

/** The same layout with one character of an article's body changed (岚 → 蓝, or the first one). */
export function oneCharacterChanged(layout: Layout, item: string): Layout {
  const out = structuredClone(layout);
  const line = out.pages
    .flatMap((p) => p.boxes)
    .find((b) => b.item === item)!
    .lines.find((l) => l.role === 'body' && l.text.length > 4)!;
  const chars = [...line.text];
  chars[3] = chars[3] === '国' ? '家' : '国';
  line.text = chars.join('');
  return out;
}

/** Resolution of the golden images: small files, still enough to see a 1 mm move. */
export const GOLDEN_DPI = 40;
