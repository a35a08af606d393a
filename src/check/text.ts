/** The text of a PDF as pdf.js reads it (an independent reader: not the one that wrote it). */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { InputError } from '../errors.js';

export async function pdfText(bytes: Uint8Array, file = 'PDF'): Promise<string[]> {
  let doc;
  try {
    doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
  } catch (e) {
    throw new InputError(`is not a readable PDF (${(e as Error).message})`, file);
  }
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(''));
  }
  await doc.destroy();
  return pages;
}
