/**
 * Render: Layout → PDF bytes, with pdf-lib. The renderer is dumb on purpose:
 * every glyph's position comes from the layout; a line becomes one text
 * object whose TJ array moves each glyph to its x, so text extraction reads
 * the line back whole. Fonts are embedded as subsets under deterministic
 * names, dates come from the issue, and the file ID from the content, so the
 * same layout always gives the same bytes.
 */
import { createHash } from 'node:crypto';
import {
  grayscale,
  PDFOperatorNames as Ops,
  PDFArray,
  type PDFContext,
  PDFDocument,
  type PDFFont,
  PDFHexString,
  type PDFName,
  PDFNumber,
  PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import type { Face } from '../fonts/faces.js';
import { validateLayout } from '../schema.js';
import type { FaceRole, Layout, Page, TextLine } from '../types.js';
import { adoptFont, fontkitForPdfLib } from './fontkit-adapter.js';
import { drawOutline, outlineOperators } from './glyph-path.js';
import { addOutline } from './outline.js';

export interface RenderOptions {
  /** Both pages side by side on one sheet, as a printed spread is seen. */
  sheet?: boolean;
  /** Version string written as the producer. */
  producer?: string;
}

/** Pages of positioned lines and rules, as a PDF draws them: the spread, or any other document (the proof). */
export interface PrintDocument {
  pages: Page[];
  outline: Layout['outline'];
  meta: { title: string; subject: string; date: string | null };
  /** Text the file ID is a hash of: the same content, the same ID. */
  idSource: string;
}

export async function renderLayout(
  layout: Layout,
  faces: Record<FaceRole, Face>,
  opts: RenderOptions = {},
): Promise<Uint8Array> {
  // A layout from anywhere (a file, a test) is checked here too: no NaN or Infinity ever reaches the PDF.
  validateLayout(layout, layout.issue?.file ?? 'layout');
  const { title, section, date, weekday } = layout.issue;
  return renderDocument(
    {
      pages: layout.pages,
      outline: layout.outline,
      meta: { title, subject: `${section} ${date ?? ''} ${weekday}`.trim(), date },
      idSource: JSON.stringify(layout),
    },
    faces,
    opts,
  );
}

/** Draws a document's pages (checked by the caller) with the faces embedded as subsets. */
export async function renderDocument(
  d: PrintDocument,
  faces: Record<FaceRole, Face>,
  opts: RenderOptions = {},
): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkitForPdfLib);
  const used = usedCharacters(d.pages);
  const fonts = new Map<FaceRole, PDFFont>();
  for (const [role, chars] of used) {
    const face = faces[role];
    adoptFont(face.bytes, face.font);
    const name = `${subsetTag(role, chars)}+${face.font.postscriptName}`;
    fonts.set(role, await doc.embedFont(face.bytes, { subset: true, customName: name }));
  }
  const glyphs = new Map<string, PDFHexString>();
  const encode = (role: FaceRole, ch: string) => {
    const key = role + ch;
    let hex = glyphs.get(key);
    if (!hex) glyphs.set(key, (hex = fonts.get(role)!.encodeText(ch)));
    return hex;
  };
  const advance = (role: FaceRole, ch: string) => faces[role].metrics.glyphAdvance(ch);
  const cell = (role: FaceRole, ch: string, halved: boolean) => {
    const m = faces[role].metrics;
    if (!halved) return { width: m.advance(ch), offset: m.inset(ch) };
    const h = m.half(ch);
    // (A hung stop is set half width whatever its face: its ink is in its first half.)
    return h ? { width: h.advance, offset: h.offset } : { width: 0.5 * m.glyphAdvance(ch), offset: 0 };
  };
  const outlines = new Map<string, { ops: PDFOperator[]; upm: number }>();
  const outline = (role: FaceRole, ch: string) => {
    const key = role + ch;
    let o = outlines.get(key);
    if (!o) outlines.set(key, (o = { ops: outlineOperators(faces[role].font, ch), upm: faces[role].font.unitsPerEm }));
    return o;
  };

  const pdfPages: Array<{ page: PDFPage; dx: number; source: Page }> = [];
  if (opts.sheet) {
    const [a, b] = d.pages as [Page, Page];
    const sheet = doc.addPage([a.width + b.width, Math.max(a.height, b.height)]);
    pdfPages.push({ page: sheet, dx: 0, source: a }, { page: sheet, dx: a.width, source: b });
  } else for (const p of d.pages) pdfPages.push({ page: doc.addPage([p.width, p.height]), dx: 0, source: p });
  // The trimmed page is the whole page: the templates ask for no bleed.
  for (const { page } of pdfPages) page.setTrimBox(0, 0, page.getWidth(), page.getHeight());

  const keys = new Map<string, PDFName>();
  for (const { page, dx, source } of pdfPages) {
    const height = page.getHeight();
    for (const [role, font] of fonts) {
      const k = `${role}@${page.ref.toString()}`;
      if (!keys.has(k)) keys.set(k, page.node.newFontDictionary(role.toUpperCase(), font.ref));
    }
    const ops: PDFOperator[] = [];
    for (const box of source.boxes)
      for (const line of box.lines)
        ops.push(
          ...lineOperators(line, dx, height, {
            context: doc.context,
            font: keys.get(`${line.face}@${page.ref.toString()}`)!,
            encode,
            advance,
            cell,
            outline,
          }),
        );
    page.pushOperators(...ops);
    for (const r of source.rules)
      page.drawLine({
        start: { x: dx + r.x1, y: height - r.y1 },
        end: { x: dx + r.x2, y: height - r.y2 },
        thickness: r.weight,
        // Black in K only (DeviceGray): an RGB black becomes a four-colour rich black in print.
        color: grayscale(0),
      });
  }

  addOutline(
    doc,
    d.outline.map((o) => {
      const target = pdfPages.find((p) => p.source.number === o.page)!;
      return { title: o.title, page: target.page, top: target.page.getHeight() - o.y + 10 };
    }),
  );
  setMetadata(doc, d, opts.producer ?? 'newsprint');
  return doc.save({ useObjectStreams: false });
}

interface LineTools {
  context: PDFContext;
  font: PDFName;
  encode: (role: FaceRole, ch: string) => PDFHexString;
  /** The glyph's own advance (em). */
  advance: (role: FaceRole, ch: string) => number;
  /** The width a character is set in (em, half where compressed) and where its glyph is drawn from its start. */
  cell: (role: FaceRole, ch: string, halved: boolean) => { width: number; offset: number };
  /** Outline of a glyph in font units, and the face's units per em. */
  outline: (role: FaceRole, ch: string) => { ops: PDFOperator[]; upm: number };
}

/**
 * One text object per line: a run per horizontal scale, each glyph moved to
 * its x by the TJ adjustments. Spaces (indents, clause breaks, the gaps of a
 * byline) are drawn as the blank glyphs they are, so extractors see one line
 * and the gaps in it. A mark set in a width other than its glyph's (half
 * width; a narrow quote in its em) is drawn as an outline, with an invisible
 * copy scaled to that width in the text so extraction keeps the line whole.
 */
function lineOperators(line: TextLine, dx: number, pageHeight: number, tools: LineTools): PDFOperator[] {
  const chars = [...line.text];
  const halves = new Set(line.halves ?? []);
  // Characters drawn as outlines: their cells, by index.
  const cells = new Map<number, { width: number; offset: number }>();
  chars.forEach((ch, i) => {
    const c = tools.cell(line.face, ch, halves.has(i));
    if (halves.has(i) || Math.abs(c.width - tools.advance(line.face, ch)) > 1e-9) cells.set(i, c);
  });
  const y = round(pageHeight - line.y);
  const ops: PDFOperator[] = [
    PDFOperator.of(Ops.BeginText),
    PDFOperator.of(Ops.SetFontAndSize, [tools.font, PDFNumber.of(line.size)]),
  ];
  const outlines: PDFOperator[] = [];
  const scaleOf = (i: number) => {
    const c = cells.get(i);
    return c ? c.width / tools.advance(line.face, chars[i]!) : (line.scales?.[i] ?? 1);
  };
  let scale = 1;
  let hidden = false;
  let i = 0;
  while (i < chars.length) {
    const outlined = cells.has(i);
    const runScale = scaleOf(i);
    if (runScale !== scale)
      ops.push(PDFOperator.of(Ops.SetTextHorizontalScaling, [PDFNumber.of(round(runScale * 100))]));
    if (outlined !== hidden) ops.push(PDFOperator.of(Ops.SetTextRenderingMode, [PDFNumber.of(outlined ? 3 : 0)]));
    scale = runScale;
    hidden = outlined;
    let x = dx + line.x + line.xs[i]!;
    if (outlined) {
      const o = tools.outline(line.face, chars[i]!);
      outlines.push(...drawOutline(o.ops, o.upm, line.size, x, y));
      // An opening mark is drawn half an em early (a narrow quote inside its em); its text copy sits at the pen.
      x -= cells.get(i)!.offset * line.size;
    }
    ops.push(
      PDFOperator.of(
        Ops.SetTextMatrix,
        [1, 0, 0, 1, round(x), y].map((v) => PDFNumber.of(v)),
      ),
    );
    const array = PDFArray.withContext(tools.context);
    let j = i;
    while (j < chars.length && scaleOf(j) === runScale && cells.has(j) === outlined) {
      array.push(tools.encode(line.face, chars[j]!));
      const next = j + 1;
      if (!outlined && next < chars.length && scaleOf(next) === runScale && !cells.has(next)) {
        const d = line.xs[next]! - line.xs[j]!;
        const adj = round((tools.advance(line.face, chars[j]!) - d / (line.size * runScale)) * 1000);
        if (adj !== 0) array.push(PDFNumber.of(adj));
      }
      j++;
      if (outlined) break;
    }
    ops.push(PDFOperator.of(Ops.ShowTextAdjusted, [array]));
    i = j;
  }
  if (scale !== 1) ops.push(PDFOperator.of(Ops.SetTextHorizontalScaling, [PDFNumber.of(100)]));
  if (hidden) ops.push(PDFOperator.of(Ops.SetTextRenderingMode, [PDFNumber.of(0)]));
  ops.push(PDFOperator.of(Ops.EndText), ...outlines);
  return ops;
}

function usedCharacters(pages: Page[]): Map<FaceRole, string> {
  const sets = new Map<FaceRole, Set<string>>();
  for (const p of pages)
    for (const b of p.boxes)
      for (const l of b.lines)
        for (const ch of l.text) (sets.get(l.face) ?? sets.set(l.face, new Set()).get(l.face)!).add(ch);
  return new Map([...sets].sort(([a], [b]) => (a < b ? -1 : 1)).map(([role, set]) => [role, [...set].sort().join('')]));
}

/** The six-letter subset tag (`ABCDEF+`), from the characters it holds: same subset, same name. */
function subsetTag(role: string, chars: string): string {
  const digest = createHash('sha256')
    .update(role + chars)
    .digest();
  return Array.from(digest.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join('');
}

function setMetadata(doc: PDFDocument, d: PrintDocument, producer: string): void {
  const date = d.meta.date ? new Date(`${d.meta.date}T00:00:00Z`) : new Date(0);
  doc.setTitle(d.meta.title, { showInWindowTitleBar: true });
  doc.setSubject(d.meta.subject);
  doc.setCreator('newsprint');
  doc.setProducer(producer);
  doc.setLanguage('zh-CN');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  const id = createHash('md5').update(d.idSource).digest('hex');
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
}

const round = (v: number) => Math.round(v * 100) / 100;
