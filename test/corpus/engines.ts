/**
 * Two layout engines other than newsprint's own set a page plan as a PDF:
 * Chromium (HTML with CSS grid and multi-column, printed through puppeteer)
 * and Typst (its Node binding). Both use the Noto Serif SC files newsprint uses.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import type { Browser } from 'puppeteer';
import { esc } from '../../src/check/html.js';
import { ROOT } from '../paths.js';
import type { Module, PagePlan, PrintedArticle } from './plan.js';

const SERIF = join(ROOT, 'node_modules', '@expo-google-fonts', 'noto-serif-sc');
const FACES = { regular: '400Regular', bold: '700Bold', black: '900Black' } as const;
const fontFile = (face: keyof typeof FACES) => join(SERIF, FACES[face], `NotoSerifSC_${FACES[face]}.ttf`);

export type EngineName = 'chromium' | 'typst';
export const ENGINES: EngineName[] = ['chromium', 'typst'];

// ---- Chromium: HTML + CSS ----------------------------------------------------

function htmlArticle(a: PrintedArticle): string {
  return `<h2>${esc(a.headline)}</h2>${a.byline ? `<div class="by">${esc(a.byline)}</div>` : ''}`;
}
const htmlParas = (ps: string[]) => ps.map((p) => `<p>${esc(p)}</p>`).join('');

const heads = (m: Module) => m.articles.map(htmlArticle).join('');

function htmlModule(m: Module): string {
  const cols = (inner: string) => `<div class="cols" style="column-count:${m.columns}">${inner}</div>`;
  if (m.headlinesAfter)
    return `<div class="mod">${cols(m.articles.map((a) => htmlParas(a.paragraphs)).join(''))}${heads(m)}</div>`;
  return `<div class="mod">${m.articles.map((a) => htmlArticle(a) + cols(htmlParas(a.paragraphs))).join('')}</div>`;
}

export function pageHtml(plan: PagePlan): string {
  const mh = plan.masthead;
  const title = mh.doubled
    ? `<span class="fb">${esc(mh.section)}<span class="ghost">${esc(mh.section)}</span></span>`
    : `<span class="fb">${esc(mh.section)}</span>`;
  const face = (name: string, f: keyof typeof FACES) =>
    `@font-face{font-family:${name};src:url(${pathToFileURL(fontFile(f)).href})}`;
  const lead = plan.lead;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
${face('S', 'regular')}${face('B', 'bold')}${face('H', 'black')}
body{margin:12mm;font:9pt/1.4 S;width:376mm}
.mh{display:flex;justify-content:space-between;align-items:baseline;border-bottom:2pt solid;padding-bottom:2mm}
.fb{position:relative;font:32pt H;white-space:nowrap}.ghost{position:absolute;left:0.35pt;top:0.25pt}
.info{font:10pt B}
h1{font:26pt/1.3 H;text-align:center;margin:3mm 0}
.kicker,.sub{font:13pt B;text-align:center}
h2{font:17pt/1.3 H;margin:2mm 0 1mm}
.by{font:10pt B;margin-bottom:2mm}
p{margin:0;text-indent:2em;text-align:justify}
.cols{column-gap:2em;column-rule:0.4pt solid #888}
.row{display:grid;gap:7mm;margin-top:5mm;border-top:0.5pt solid;padding-top:3mm}
.folio{font:9pt B;margin-top:6mm;text-align:right}
</style></head><body>
<div class="mh"><span class="info">${esc(mh.folio)}</span>${title}<span class="info">${esc(mh.paper)}</span>
<span class="info">${esc(mh.dateText)} ${esc(mh.weekday)}</span><span class="info">电子信箱：${esc(mh.email)}</span></div>
${lead.kicker ? `<div class="kicker">${esc(lead.kicker)}</div>` : ''}<h1>${esc(lead.headline)}</h1>
${lead.subtitle ? `<div class="sub">${esc(lead.subtitle)}</div>` : ''}
<div class="cols" style="column-count:${lead.columns}">${htmlParas(lead.paragraphs)}</div>
${plan.rows.map((row) => `<div class="row" style="grid-template-columns:repeat(${row.length},1fr)">${row.map(htmlModule).join('')}</div>`).join('\n')}
<div class="folio">${esc(mh.paper)} ${esc(mh.folio)}</div>
</body></html>`;
}

/** 400 mm at CSS's 96 px to the inch. */
const PAGE_PX = Math.round((400 / 25.4) * 96);

export async function chromiumPdf(plan: PagePlan, browser: Browser, dir: string): Promise<Uint8Array> {
  const file = join(dir, `${plan.id}.html`);
  writeFileSync(file, pageHtml(plan));
  const page = await browser.newPage();
  try {
    await page.setViewport({ width: PAGE_PX, height: 1000 });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    return await page.pdf({ width: `${PAGE_PX}px`, height: `${height + 4}px`, printBackground: true });
  } finally {
    await page.close();
  }
}

// ---- Typst -----------------------------------------------------------------------

/** Text as a Typst string literal: nothing in it is markup. */
const str = (s: string) => `"${s.replace(/[\\"]/g, '\\$&')}"`;
const typParas = (ps: string[]) => ps.map((p) => `#par(${str(p)})`).join('\n');

function typArticle(a: PrintedArticle): string {
  const head = `#block(above: 2mm, below: 1mm, text(weight: 900, size: 17pt, ${str(a.headline)}))`;
  return a.byline ? `${head}\n#block(below: 2mm, text(weight: 700, size: 10pt, ${str(a.byline)}))` : head;
}

const typHeads = (m: Module) => m.articles.map(typArticle).join('\n');

function typModule(m: Module): string {
  const cols = (inner: string) => (m.columns > 1 ? `#columns(${m.columns}, gutter: 1.5em)[\n${inner}\n]` : inner);
  if (m.headlinesAfter)
    return `[\n${cols(m.articles.map((a) => typParas(a.paragraphs)).join('\n'))}\n${typHeads(m)}\n]`;
  return `[\n${m.articles.map((a) => `${typArticle(a)}\n${cols(typParas(a.paragraphs))}`).join('\n')}\n]`;
}

export function pageTypst(plan: PagePlan): string {
  const mh = plan.masthead;
  const title = `text(weight: 900, size: 32pt, ${str(mh.section)})`;
  const lead = plan.lead;
  const info = (s: string) => `text(weight: 700, size: 10pt, ${str(s)})`;
  return `#set page(width: 400mm, height: auto, margin: 12mm)
#set text(font: "Noto Serif SC", size: 9pt, lang: "zh", region: "cn")
#set par(justify: true, first-line-indent: (amount: 2em, all: true), leading: 0.55em, spacing: 0.55em)
#grid(columns: (auto, 1fr, auto, auto, auto), column-gutter: 8mm, align: horizon,
  ${info(mh.folio)}, ${mh.doubled ? `box[#place(dx: 0.35pt, dy: 0.25pt, ${title})#${title}]` : title},
  ${info(mh.paper)}, ${info(`${mh.dateText} ${mh.weekday}`)}, ${info(`电子信箱：${mh.email}`)})
#line(length: 100%, stroke: 2pt)
#set par(first-line-indent: 0pt)
${lead.kicker ? `#align(center, text(weight: 700, size: 13pt, ${str(lead.kicker)}))` : ''}
#align(center, text(weight: 900, size: 26pt, ${str(lead.headline)}))
${lead.subtitle ? `#align(center, text(weight: 700, size: 13pt, ${str(lead.subtitle)}))` : ''}
#set par(first-line-indent: (amount: 2em, all: true))
#columns(${lead.columns}, gutter: 1.5em)[
${typParas(lead.paragraphs)}
]
${plan.rows
  .map(
    (row) =>
      `#line(length: 100%, stroke: 0.5pt)\n#grid(columns: (${row.map(() => '1fr').join(', ')},), column-gutter: 7mm,\n${row.map(typModule).join(',\n')})`,
  )
  .join('\n')}
#align(right, ${info(`${mh.paper} ${mh.folio}`)})
`;
}

let compiler: NodeCompiler | null = null;
/**
 * Typst source → PDF, with the Noto Serif SC faces newsprint uses (one compiler per process). `fresh` first
 * forgets what earlier compiles memoised, so a timed compile does all its work again.
 */
export function typstPdfOf(source: string, fresh = false): Uint8Array {
  compiler ??= NodeCompiler.create({
    fontArgs: [{ fontPaths: Object.values(FACES).map((f) => join(SERIF, f)) }],
  });
  if (fresh) compiler.evictCache(0);
  const out = compiler.pdf({ mainFileContent: source });
  compiler.evictCache(10);
  return new Uint8Array(out);
}

export const typstPdf = (plan: PagePlan): Uint8Array => typstPdfOf(pageTypst(plan));
