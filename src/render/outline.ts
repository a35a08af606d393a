/** A PDF outline (bookmarks): one entry per item, pointing at its page and height. pdf-lib has no API for it. */
import { type PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFPage, type PDFRef } from 'pdf-lib';

export interface OutlineEntry {
  title: string;
  page: PDFPage;
  /** PDF y (from the bottom) to show. */
  top: number;
}

export function addOutline(doc: PDFDocument, entries: OutlineEntry[]): void {
  if (!entries.length) return;
  const ctx = doc.context;
  const root = ctx.nextRef();
  const refs: PDFRef[] = entries.map(() => ctx.nextRef());
  entries.forEach((e, i) => {
    const dict = ctx.obj({
      Title: PDFHexString.fromText(e.title),
      Parent: root,
      Dest: ctx.obj([e.page.ref, PDFName.of('XYZ'), PDFNumber.of(0), PDFNumber.of(Math.round(e.top)), PDFNumber.of(0)]),
    });
    if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
    if (i + 1 < refs.length) dict.set(PDFName.of('Next'), refs[i + 1]!);
    ctx.assign(refs[i]!, dict);
  });
  ctx.assign(root, ctx.obj({ Type: 'Outlines', First: refs[0]!, Last: refs[refs.length - 1]!, Count: entries.length }));
  doc.catalog.set(PDFName.of('Outlines'), root);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
