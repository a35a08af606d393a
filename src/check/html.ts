/**
 * The layout as HTML: one SVG per page, each line a <text> with the x of
 * every character, fonts from the same files through @font-face. Drawn by a
 * browser, it is a second, independent rendering of the page tree.
 */
import { pathToFileURL } from 'node:url';
import type { Face } from '../fonts/faces.js';
import type { FaceRole, Layout, Page, TextLine } from '../types.js';

/** Text for HTML content or a quoted attribute. */
export const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (v: number) => String(Math.round(v * 100) / 100);

export function fontFaces(faces: Record<FaceRole, Face>, fileOf: (role: FaceRole) => string): string {
  return Object.keys(faces)
    .map(
      (role) =>
        `@font-face { font-family: "np-${role}"; src: url("${pathToFileURL(fileOf(role as FaceRole)).href}"); ` +
        `font-weight: normal; font-style: normal; }`,
    )
    .join('\n');
}

function lineSvg(l: TextLine): string {
  const chars = [...l.text];
  const runs: string[] = [];
  // Characters drawn at a horizontal scale (em dashes) get a text of their own.
  const plain = chars
    .map((ch, i) => (ch === ' ' || l.scales?.[i] ? null : { ch, x: l.x + l.xs[i]! }))
    .filter((c): c is { ch: string; x: number } => c !== null);
  if (plain.length)
    runs.push(
      `<text x="${plain.map((c) => n(c.x)).join(' ')}" y="${n(l.y)}" font-size="${n(l.size)}" ` +
        `class="f-${l.face}">${esc(plain.map((c) => c.ch).join(''))}</text>`,
    );
  chars.forEach((ch, i) => {
    const s = l.scales?.[i];
    if (s)
      runs.push(
        `<text transform="translate(${n(l.x + l.xs[i]!)} ${n(l.y)}) scale(${s} 1)" font-size="${n(l.size)}" ` +
          `class="f-${l.face}">${esc(ch)}</text>`,
      );
  });
  return runs.join('');
}

export function pageSvg(p: Page): string {
  const lines = p.boxes
    .flatMap((b) => b.lines)
    .map(lineSvg)
    .join('\n');
  const rules = p.rules
    .map(
      (r) =>
        `<line x1="${n(r.x1)}" y1="${n(r.y1)}" x2="${n(r.x2)}" y2="${n(r.y2)}" stroke="#000" ` +
        `stroke-width="${n(r.weight)}"/>`,
    )
    .join('\n');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="page" width="${n(p.width)}pt" ` +
    `height="${n(p.height)}pt" viewBox="0 0 ${n(p.width)} ${n(p.height)}">\n<rect width="100%" height="100%" ` +
    `fill="#fff"/>\n${rules}\n${lines}\n</svg>`
  );
}

export function layoutHtml(layout: Layout, fontCss: string): string {
  const classes = ['song', 'bold', 'heavy', 'kai'].map((r) => `.f-${r} { font-family: "np-${r}"; }`).join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(layout.issue.title)}</title>
<style>
${fontCss}
${classes}
html, body { margin: 0; padding: 0; background: #fff; }
svg.page { display: block; }
text { font-kerning: none; font-variant-east-asian: normal; white-space: pre; }
@page { margin: 0; }
</style></head>
<body>
${layout.pages.map(pageSvg).join('\n')}
</body></html>
`;
}
