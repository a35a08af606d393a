/**
 * The proof sheet: for each item, its recovered text beside the extraction
 * lines it came from, every correction marked in place with its kind, the
 * warnings first, and a thumbnail of where the item sits on the spread. One
 * self-contained HTML file (no server, no scripts).
 */

import { bylineText } from '../layout/content.js';
import { extractionLines } from '../recover/lines.js';
import type { Correction, Issue, ItemSource, Layout, LineNo } from '../types.js';
import { esc } from './html.js';

export const KIND_LABEL: Record<Correction['kind'], string> = {
  'masthead-undoubled': '报头去重',
  'spaces-removed': '删除空格',
  'lines-joined': '合并行',
  'fragment-joined': '合并断行',
  'headline-moved': '标题移位',
  'headline-rejoined': '标题合并',
  'byline-moved': '署名移位',
  'byline-marker': '署名符号',
  'radical-unified': '部首字形',
  'kicker-as-deck': '引题',
  'byline-from-text': '署名取自正文',
  'print-normalised': '排印规范',
};

/** The correction joined line `no` with the line after it (lines into a paragraph, or a headline). */
export const joinsNext = (c: Correction, no: LineNo): boolean =>
  (c.kind === 'lines-joined' || c.kind === 'fragment-joined' || c.kind === 'headline-rejoined') &&
  c.lines.slice(0, -1).includes(no);

function mark(c: Correction, content: string, title = ''): string {
  return (
    `<mark class="corr k-${c.kind}" data-correction="${c.id}" ` +
    `title="${esc(`${c.id} ${c.kind}${title ? ': ' + title : ''}${c.note ? ' — ' + c.note : ''}`)}">${content}</mark>`
  );
}

/** A source line with its removed spaces (and a misread marker) marked where they were. */
function sourceLine(no: LineNo, raw: string, corrections: Correction[]): string {
  const at = new Map<number, Correction>();
  for (const c of corrections)
    if (c.lines[0] === no && (c.kind === 'spaces-removed' || c.kind === 'byline-marker'))
      for (const p of c.positions ?? []) at.set(p, c);
  let html = '';
  for (let i = 0; i < raw.length; i++) {
    const c = at.get(i);
    if (!c) html += esc(raw[i]!);
    else if (c.kind === 'byline-marker') html += mark(c, `${esc(raw[i]!)}→□`, '口 read as the byline marker');
    else html += mark(c, '␣', 'space removed');
  }
  const joins = corrections.filter((c) => joinsNext(c, no));
  return (
    `<div class="src"><span class="no">${no}</span><span ` +
    `class="raw">${html}</span>${joins.map((c) => mark(c, '⏎', 'joined with the next line')).join('')}</div>`
  );
}

function thumbnail(layout: Layout | null, item: string): string {
  if (!layout) return '';
  const scale = 0.14;
  const pages = layout.pages
    .map((p, i) => {
      const dx = i * (p.width + 20);
      const boxes = p.boxes
        .map(
          (b) =>
            `<rect x="${dx + b.rect.x}" y="${b.rect.y}" width="${b.rect.width}" height="${b.rect.height}" ` +
            `class="${b.item === item ? 'here' : 'box'}"/>`,
        )
        .join('');
      return `<rect x="${dx}" y="0" width="${p.width}" height="${p.height}" class="sheet"/>${boxes}`;
    })
    .join('');
  const w = layout.pages.reduce((n, p) => n + p.width + 20, -20);
  const h = Math.max(...layout.pages.map((p) => p.height));
  return (
    `<svg class="thumb" width="${(w * scale).toFixed(0)}" height="${(h * scale).toFixed(0)}" viewBox="0 0 ` +
    `${w} ${h}" role="img" aria-label="where ${item} sits on the spread">${pages}</svg>`
  );
}

export interface ItemView {
  id: string;
  title: string;
  headline: string;
  byline: string;
  paragraphs: string[];
  source: ItemSource;
  /** How sure recovery is of an article's body (none for the lead). */
  confidence?: number;
}

/** Source lines of an item's head, in print order: kicker, headline, byline, deck. */
export function headLinesOf(source: ItemSource): LineNo[] {
  return [
    ...(source.kicker ? [source.kicker] : []),
    ...source.headline,
    ...(source.byline ? [source.byline] : []),
    ...(source.deck ? [source.deck] : []),
  ];
}

/** The lead (its kicker and deck in the byline's place) and the articles, as both proof sheets show them. */
export function itemViews(issue: Issue): ItemView[] {
  return [
    ...(issue.lead
      ? [
          {
            id: 'lead',
            title: '头条',
            headline: issue.lead.headline,
            byline: [issue.lead.kicker, issue.lead.deck].filter(Boolean).join(' / '),
            paragraphs: issue.lead.paragraphs,
            source: issue.lead.source,
            ...(issue.lead.confidence !== undefined ? { confidence: issue.lead.confidence } : {}),
          },
        ]
      : []),
    ...issue.articles.map((a) => ({
      id: a.id,
      title: a.id,
      headline: a.headline,
      byline: a.byline ? bylineText(a.byline) : '',
      paragraphs: a.paragraphs,
      source: a.source,
      confidence: a.confidence,
    })),
  ];
}

/** `fontCss` should declare the face "np-proof" (the proof embeds a subset of the body face so it reads anywhere). */
export function proofHtml(issue: Issue, sourceText: string, layout: Layout | null, fontCss = ''): string {
  const lines = extractionLines(sourceText);
  const raw = (no: LineNo) => lines[no - 1] ?? '';
  const byItem = (item: string) => issue.corrections.filter((c) => c.item === item);
  const badges = (cs: Correction[], kinds: Correction['kind'][]) =>
    cs
      .filter((c) => kinds.includes(c.kind))
      .map((c) => mark(c, `${KIND_LABEL[c.kind]} · ${c.lines.join('、')}`, c.kind === 'headline-rejoined' ? c.to : ''))
      .join(' ');

  const items = itemViews(issue);

  const itemHtml = (v: ItemView) => {
    const cs = byItem(v.id);
    const head = headLinesOf(v.source);
    const rows = v.paragraphs
      .map(
        (p, i) =>
          `<tr><td class="rec">${esc(p)}</td><td ` +
          `class="srcs">${(v.source.paragraphs[i] ?? []).map((no) => sourceLine(no, raw(no), cs)).join('')}</td></tr>`,
      )
      .join('\n');
    const conf = v.confidence;
    return `<section class="item" data-item="${v.id}">
<header><div><h2>${esc(v.headline) || '<em>（无标题）</em>'}</h2><p class="byline">${esc(v.byline)}</p>
<p class="meta">${esc(v.title)}${
      conf !== undefined ? ` · 匹配置信度 ${conf}` : ''
    } ${badges(cs, ['headline-moved', 'headline-rejoined', 'byline-moved'])}</p>
<div class="srcs head">${head.map((no) => sourceLine(no, raw(no), cs)).join('')}</div></div>${thumbnail(layout, v.id)}</header>
<table><thead><tr><th>恢复的段落</th><th>来源（行号）</th></tr></thead><tbody>
${rows}
</tbody></table>
</section>`;
  };

  const m = issue.masthead;
  const mc = byItem('masthead');
  const masthead = m
    ? `<section class="item" data-item="masthead"><h2>报头</h2><div ` +
      `class="srcs">${sourceLine(m.line, raw(m.line), mc)}</div>` +
      `<p>${mc.map((c) => mark(c, `${KIND_LABEL[c.kind]}：${esc(c.to)}`)).join('')}</p>` +
      `<p class="meta">${esc(m.section)} · ${esc(m.date ?? '日期不明')} ${esc(m.weekday)} · ${esc(m.email)}</p></section>`
    : '';
  const other = issue.corrections.filter(
    (c) => !['masthead', 'lead', ...issue.articles.map((a) => a.id)].includes(c.item),
  );
  const warnings = issue.warnings
    .map(
      (w) =>
        `<li class="warning" data-code="${esc(w.code)}">${esc(w.message)}` +
        `${w.lines?.length ? ` <span class="no">（行 ${w.lines.join('、')}）</span>` : ''}</li>`,
    )
    .join('\n');

  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>校样 ${esc(m?.section ?? issue.source.file)} ${esc(m?.date ?? '')}</title>
<style>
${fontCss}
body { font-family: "np-proof", "Noto Serif SC", "Source Han Serif SC", serif; margin: 24px; color: #222; line-height: 1.6; }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 0; }
.summary, .meta { color: #666; font-size: 13px; }
.warnings { background: #fff6e0; border: 1px solid #e0b040; padding: 8px 12px 8px 32px; }
.item { border-top: 2px solid #333; margin-top: 18px; padding-top: 8px; page-break-inside: auto; }
.item header { display: flex; justify-content: space-between; gap: 16px; }
.byline { margin: 2px 0; }
table { width: 100%; border-collapse: collapse; margin-top: 6px; font-size: 13px; }
th { text-align: left; color: #666; font-weight: normal; border-bottom: 1px solid #ccc; }
td { vertical-align: top; padding: 4px 6px; border-bottom: 1px solid #eee; }
td.rec { width: 46%; }
.src { font-family: "np-proof", monospace; white-space: pre-wrap; }
.src .no { display: inline-block; width: 3.5em; color: #999; text-align: right; margin-right: 6px; }
mark.corr { border-radius: 2px; padding: 0 1px; }
.k-spaces-removed { background: #ffd6d6; } .k-lines-joined, .k-fragment-joined { background: #d8ecff; }
.k-headline-moved, .k-byline-moved { background: #e6dcff; } .k-headline-rejoined { background: #d6f5d6; }
.k-byline-marker, .k-masthead-undoubled { background: #ffe9a8; }
.legend mark { margin-right: 8px; }
svg.thumb { flex: none; } svg.thumb .sheet { fill: #fff; stroke: #999; stroke-width: 3; } svg.thumb .box { fill: #eee; stroke: #bbb; stroke-width: 2; } svg.thumb .here { fill: #f5a623; stroke: #c07000; stroke-width: 3; }
</style></head>
<body>
<h1>校样 · ${esc(m?.section ?? '')} ${esc(m?.date ?? '')} ${esc(m?.weekday ?? '')}</h1>
<p class="summary">来源 ${esc(issue.source.file)}（${esc(issue.source.encoding)}，${issue.source.lines} 行）· ${items.length} 篇 · ${issue.corrections.length} 处更正 · ${issue.warnings.length} 条警告</p>
<p class="legend">${(Object.keys(KIND_LABEL) as Correction['kind'][])
    .map((k) => `<mark class="k-${k}">${KIND_LABEL[k]} ${k}</mark>`)
    .join('')}</p>
<h2>警告</h2>
<ul class="warnings">${warnings || '<li>无</li>'}</ul>
${masthead}
${items.map(itemHtml).join('\n')}
${other.length ? `<section class="item" data-item="page"><h2>其他更正</h2>${other.map((c) => `<div>${mark(c, esc(c.to))}</div>`).join('')}</section>` : ''}
</body></html>
`;
}
