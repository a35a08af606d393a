/** The text of a PDF as pdf.js reads it (an independent reader: not the one that wrote it). */
import { openPdf } from './raster.js';

export async function pdfText(bytes: Uint8Array, file = 'PDF'): Promise<string[]> {
  const doc = await openPdf(bytes, file);
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(''));
  }
  await doc.destroy();
  return pages;
}
