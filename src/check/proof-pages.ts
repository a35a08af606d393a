/**
 * The proof sheet as pages newsprint's own renderer draws (no browser): A4,
 * warnings first, the masthead, then each item. An item that needs a look
 * (an article recovery is unsure of, a correction other than removed spaces
 * and joined lines, a warning) is shown in full: each recovered paragraph
 * beside the numbered extraction lines it came from, with removed spaces as
 * ␣ and joined lines as ⏎, and the corrections it holds by id. Every other
 * item is one summary line with its id, so a printed reference can be found
 * on screen. A pure function of the issue, its source, the spread's layout
 * and the faces' metrics.
 */
import { textLine } from '../layout/place.js';
import { breakParagraph } from '../layout/text/linebreak.js';
import { naturalWidth } from '../layout/text/setline.js';
import { toUnits, type Unit } from '../layout/text/units.js';
import { extractionLines } from '../recover/lines.js';
import type { PrintDocument } from '../render/index.js';
import type { Box, Correction, FaceRole, Issue, Layout, LineNo, LineRole, Metrics, Page, TextLine } from '../types.js';
import { headLinesOf, itemViews, joinsNext, KIND_LABEL } from './proof.js';

/** A4 in pt, and its margins. */
const PAGE = { width: 595.28, height: 841.89, margin: 42 };
/** Recovered text on the left, the source lines on the right, this far apart (pt). */
const LEFT_SHARE = 0.54;
const COLUMN_GAP = 14;
/** Type sizes (pt) and leading (times the size). */
const SIZE = { title: 14, headline: 11, text: 8.5, source: 7, meta: 7.5 };
const LEADING = 1.5;
/** Space between items and between paragraph rows (pt). */
const ITEM_GAP = 14;
const ROW_GAP = 4;
/** An article recovered with less confidence than this needs a look. */
export const LOOK_CONFIDENCE = 0.9;
/** Corrections made on every page (spaces out, column lines joined): they alone need no look. */
const ROUTINE: ReadonlyArray<Correction['kind']> = ['spaces-removed', 'lines-joined', 'fragment-joined'];

/** One line to place: text, face and size; `gap` adds space above it. */
interface Piece {
  text: string;
  face: FaceRole;
  size: number;
  role: LineRole;
  justify?: boolean;
}

export function proofDocument(issue: Issue, sourceText: string, layout: Layout | null, m: Metrics): PrintDocument {
  const source = extractionLines(sourceText);
  const width = PAGE.width - 2 * PAGE.margin;
  const left = width * LEFT_SHARE;
  const right = width - left - COLUMN_GAP;
  const pages: Page[] = [];
  const outline: PrintDocument['outline'] = [];
  let page: Page;
  let y = 0;
  const newPage = () => {
    page = {
      number: pages.length + 1,
      width: PAGE.width,
      height: PAGE.height,
      typeArea: { x: PAGE.margin, y: PAGE.margin, width, height: PAGE.height - 2 * PAGE.margin },
      boxes: [],
      rules: [],
      holes: 0,
    };
    pages.push(page);
    y = PAGE.margin;
  };
  newPage();
  const bottom = PAGE.height - PAGE.margin;
  const boxOf = (item: string): Box => {
    let box = page.boxes.find((b) => b.item === item);
    if (!box) {
      box = {
        id: `proof-${item}-${page.number}`,
        kind: 'article',
        item,
        rect: { x: 0, y: 0, width: 0, height: 0 },
        lines: [],
      };
      page.boxes.push(box);
    }
    return box;
  };
  /** Lines of one column at x, wrapped to its width. */
  const wrap = (p: Piece, w: number): TextLine[] =>
    wrapUnits(printable(p.text, m[p.face]), m, p.face, w / p.size).map((units, k, all) =>
      textLine(m, units, {
        role: p.role,
        item: '',
        face: p.face,
        size: p.size,
        x: 0,
        y: 0,
        width: w,
        justify: p.justify === true && k + 1 < all.length,
      }),
    );
  /**
   * A row: left and right columns side by side, line k of each on one baseline (a page break falls on both at
   * once); with `across`, the right pieces take the whole width.
   */
  const row = (item: string, l: Piece[], r: Piece[], across = false) => {
    const put = (pieces: Piece[], x: number, w: number) =>
      pieces.flatMap((p) => wrap(p, w).map((line) => ({ line, x, lead: p.size * LEADING })));
    const a = across ? [] : put(l, PAGE.margin, left);
    const b = put(r, across ? PAGE.margin : PAGE.margin + left + COLUMN_GAP, across ? width : right);
    for (let k = 0; k < Math.max(a.length, b.length); k++) {
      const lead = Math.max(a[k]?.lead ?? 0, b[k]?.lead ?? 0);
      if (y + lead > bottom) newPage();
      for (const e of [a[k], b[k]])
        if (e) boxOf(item).lines.push({ ...e.line, item, x: round(e.line.x + e.x), y: round(y + lead * 0.8) });
      y += lead;
    }
    y += ROW_GAP;
  };
  const full = (item: string, pieces: Piece[]) => row(item, [], pieces, true);

  // Title, summary, warnings.
  const mh = issue.masthead;
  const title = `校样 · ${[mh?.section, mh?.date, mh?.weekday].filter(Boolean).join(' ')}`.trim();
  const items = itemViews(issue);
  const looks = items.filter((v) => needsLook(issue, v));
  full('page', [
    { text: title, face: 'bold', size: SIZE.title, role: 'headline' },
    {
      text:
        `来源 ${issue.source.file}（${issue.source.encoding}，${issue.source.lines} 行）· ${items.length} 篇，` +
        `${looks.length} 篇需细看 · ${issue.corrections.length} 处更正 · ${issue.warnings.length} 条警告`,
      face: 'song',
      size: SIZE.meta,
      role: 'body',
    },
    { text: '警告', face: 'bold', size: SIZE.headline, role: 'headline' },
    ...(issue.warnings.length
      ? issue.warnings.map((w) => ({
          text: `· ${w.message}${w.lines?.length ? `（行 ${w.lines.join('、')}）` : ''}`,
          face: 'song' as const,
          size: SIZE.meta,
          role: 'body' as const,
        }))
      : [{ text: '无', face: 'song' as const, size: SIZE.meta, role: 'body' as const }]),
  ]);
  y += ITEM_GAP;

  if (mh) {
    outline.push({ item: 'masthead', title: '报头', page: page!.number, y });
    const mc = issue.corrections.filter((c) => c.item === 'masthead');
    full('masthead', [
      { text: '报头', face: 'bold', size: SIZE.headline, role: 'headline' },
      { text: sourceLine(mh.line, source[mh.line - 1] ?? '', mc), face: 'song', size: SIZE.source, role: 'body' },
      ...mc.map((c) => ({
        text: `${c.id} ${KIND_LABEL[c.kind]}：${c.to}`,
        face: 'song' as const,
        size: SIZE.meta,
        role: 'body' as const,
      })),
      {
        text: `${mh.section} · ${mh.date ?? '日期不明'} ${mh.weekday} · ${mh.email}`,
        face: 'song',
        size: SIZE.meta,
        role: 'body',
      },
    ]);
    y += ITEM_GAP;
  }

  for (const v of items) {
    if (y + 4 * SIZE.headline * LEADING > bottom) newPage();
    outline.push({ item: v.id, title: v.headline || v.id, page: page!.number, y });
    const cs = issue.corrections.filter((c) => c.item === v.id);
    const meta =
      `${v.id}${v.confidence !== undefined ? ` · 匹配置信度 ${v.confidence}` : ''}` +
      `${where(layout, v.id)} · ${v.paragraphs.length} 段 · ${cs.length} 处更正`;
    if (!needsLook(issue, v)) {
      full(v.id, [
        { text: `${v.headline || '（无标题）'}　${v.byline}`, face: 'bold', size: SIZE.text, role: 'headline' },
        { text: `${meta}（例行更正，无需细看）`, face: 'song', size: SIZE.meta, role: 'body' },
      ]);
      y += ROW_GAP;
      continue;
    }
    const head = headLinesOf(v.source);
    const notable = cs.filter((c) => !ROUTINE.includes(c.kind));
    const warnings = issue.warnings.filter((w) => w.item === v.id);
    full(v.id, [
      { text: v.headline || '（无标题）', face: 'bold', size: SIZE.headline, role: 'headline' },
      ...(v.byline ? [{ text: v.byline, face: 'song' as const, size: SIZE.text, role: 'byline' as const }] : []),
      { text: meta, face: 'song', size: SIZE.meta, role: 'body' },
      ...warnings.map((w) => ({
        text: `警告：${w.message}`,
        face: 'bold' as const,
        size: SIZE.meta,
        role: 'body' as const,
      })),
      ...notable.map((c) => ({
        text: `${c.id} ${KIND_LABEL[c.kind]}（行 ${c.lines.join('、')}）：${c.to}`,
        face: 'song' as const,
        size: SIZE.meta,
        role: 'body' as const,
      })),
      ...head.map((no) => ({
        text: sourceLine(no, source[no - 1] ?? '', cs),
        face: 'song' as const,
        size: SIZE.source,
        role: 'body' as const,
      })),
    ]);
    v.paragraphs.forEach((text, i) => {
      const lines = v.source.paragraphs[i] ?? [];
      const ids = cs.filter((c) => c.lines.some((n) => lines.includes(n))).map((c) => c.id);
      row(
        v.id,
        [{ text, face: 'song', size: SIZE.text, role: 'body', justify: true }],
        [
          ...lines.map((no) => ({
            text: sourceLine(no, source[no - 1] ?? '', cs),
            face: 'song' as const,
            size: SIZE.source,
            role: 'body' as const,
          })),
          ...(ids.length
            ? [{ text: ids.join(' '), face: 'song' as const, size: SIZE.source, role: 'body' as const }]
            : []),
        ],
      );
    });
    y += ITEM_GAP;
  }

  // Folios: the page number at the foot of each page.
  for (const p of pages)
    p.boxes.push({
      id: `proof-folio-${p.number}`,
      kind: 'running-head',
      item: 'page',
      rect: { x: PAGE.margin, y: bottom, width, height: PAGE.margin / 2 },
      lines: [
        textLine(m, toUnits(`— ${p.number} / ${pages.length} —`), {
          role: 'running-head',
          item: 'page',
          face: 'song',
          size: SIZE.meta,
          x: PAGE.margin,
          y: round(bottom + PAGE.margin / 2),
          width,
          justify: false,
          align: 'center',
        }),
      ],
    });
  for (const p of pages) for (const b of p.boxes) b.rect = boundsOf(b.lines);
  return {
    pages,
    outline,
    meta: { title, subject: `校样 ${issue.source.file}`, date: mh?.date ?? null },
    idSource: JSON.stringify(pages),
  };
}

/** Unsure, corrected in more than the routine ways, or warned about. */
export function needsLook(issue: Issue, v: { id: string; confidence?: number }): boolean {
  return (
    (v.confidence !== undefined && v.confidence < LOOK_CONFIDENCE) ||
    issue.corrections.some((c) => c.item === v.id && !ROUTINE.includes(c.kind)) ||
    issue.warnings.some((w) => w.item === v.id)
  );
}

/** ` · 第1版` : the page of the spread the item is on. */
function where(layout: Layout | null, item: string): string {
  const p = layout?.pages.find((pg) => pg.boxes.some((b) => b.item === item));
  return p ? ` · 第${p.number}版` : '';
}

/** `12  line text`, removed spaces shown as ␣ and a line joined to the next ending in ⏎. */
function sourceLine(no: LineNo, raw: string, cs: Correction[]): string {
  const removed = new Set<number>();
  for (const c of cs)
    if (c.kind === 'spaces-removed' && c.lines[0] === no) for (const p of c.positions ?? []) removed.add(p);
  const text = [...raw].map((ch, i) => (removed.has(i) ? '␣' : ch)).join('');
  const joined = cs.some((c) => joinsNext(c, no));
  return `${String(no).padStart(4, ' ')}  ${text.trim()}${joined ? ' ⏎' : ''}`;
}

/** Text the face can draw: control characters as spaces, anything it lacks as `?`. */
function printable(text: string, face: Metrics[FaceRole]): string {
  return [...text.replace(/[\u0000-\u001f\u007f]/g, ' ')].map((ch) => (ch === ' ' || face.has(ch) ? ch : '?')).join('');
}

/** Lines of units for a measure: clreq line breaking, or plain cuts where text breaks its rules (raw lines). */
function wrapUnits(text: string, m: Metrics, face: FaceRole, measure: number): Unit[][] {
  if (!text.trim()) return [toUnits(' ')];
  try {
    return breakParagraph(text, m[face], { measure, indent: 0 }).map((l) => l.units);
  } catch {
    const out: Unit[][] = [];
    let line: Unit[] = [];
    for (const u of toUnits(text)) {
      if (line.length && naturalWidth([...line, u], m[face]) > measure) {
        out.push(line);
        line = [];
      }
      line.push(u);
    }
    if (line.length) out.push(line);
    return out;
  }
}

function boundsOf(lines: TextLine[]): Box['rect'] {
  if (!lines.length) return { x: 0, y: 0, width: 0, height: 0 };
  const x = Math.min(...lines.map((l) => l.x));
  const top = Math.min(...lines.map((l) => l.y - l.size));
  const right = Math.max(...lines.map((l) => l.x + l.width));
  const foot = Math.max(...lines.map((l) => l.y + l.size * 0.2));
  return { x: round(x), y: round(top), width: round(right - x), height: round(foot - top) };
}

const round = (v: number) => Math.round(v * 100) / 100;
