/** A PDF → the text each extractor a user might run gives for it. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as mupdf from 'mupdf';
import { openPdf } from '../../src/check/raster.js';
import { pdftotext } from '../helpers/tools.js';

export type ExtractorName = 'pdftotext' | 'pdftotext-raw' | 'pdftotext-layout' | 'pdfjs' | 'mupdf';
export const EXTRACTORS: ExtractorName[] = ['pdftotext', 'pdftotext-raw', 'pdftotext-layout', 'pdfjs', 'mupdf'];

export async function extract(pdf: Uint8Array, mode: ExtractorName, dir: string, name: string): Promise<string> {
  switch (mode) {
    case 'pdftotext':
    case 'pdftotext-raw':
    case 'pdftotext-layout': {
      const file = join(dir, `${name}.pdf`);
      writeFileSync(file, pdf);
      return mode === 'pdftotext' ? pdftotext(file) : pdftotext(file, mode.slice('pdftotext'.length));
    }
    case 'pdfjs':
      return pdfjsText(pdf);
    case 'mupdf':
      return mupdfText(pdf);
  }
}

/** What a browser's select-all and copy gives: text items in content order, a newline where pdf.js sees a line end. */
async function pdfjsText(pdf: Uint8Array): Promise<string> {
  const doc = await openPdf(pdf, 'pdfjs');
  let out = '';
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    for (const item of content.items) if ('str' in item) out += item.str + (item.hasEOL ? '\n' : '');
    out += '\n\f';
  }
  await doc.destroy();
  return out;
}

function mupdfText(pdf: Uint8Array): string {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
  let out = '';
  for (let p = 0; p < doc.countPages(); p++)
    out += `${doc.loadPage(p).toStructuredText('preserve-whitespace').asText()}\f`;
  return out;
}

export const hasPoppler = () => spawnSync('pdftotext', ['-v']).error === undefined;
