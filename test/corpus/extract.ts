/** A PDF → the text each extractor a user might run gives for it. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as mupdf from 'mupdf';
import { openPdf } from '../../src/check/raster.js';
import { pdftotext, tool } from '../helpers/tools.js';

export type ExtractorName = 'pdftotext' | 'pdftotext-raw' | 'pdftotext-layout' | 'pdfjs' | 'mupdf' | 'pdfminer';
/**
 * The extractors issue 11 names, and pdfminer.six (`pdf2txt`, Debian's python3-pdfminer), which orders a page's
 * text boxes by a layout analysis of its own: one newsprint was not built against, scored apart.
 */
export const EXTRACTORS: ExtractorName[] = [
  'pdftotext',
  'pdftotext-raw',
  'pdftotext-layout',
  'pdfjs',
  'mupdf',
  'pdfminer',
];

/** The groups the figures are given for: issue 11's targets are on its extractors with and without -layout. */
export type ExtractorGroup = 'all but -layout' | '-layout' | 'pdfminer';
export const groupOf = (x: ExtractorName): ExtractorGroup =>
  x === 'pdftotext-layout' ? '-layout' : x === 'pdfminer' ? 'pdfminer' : 'all but -layout';

export async function extract(pdf: Uint8Array, mode: ExtractorName, dir: string, name: string): Promise<string> {
  // Command-line extractors read the PDF from a file.
  const file = () => {
    const path = join(dir, `${name}.pdf`);
    writeFileSync(path, pdf);
    return path;
  };
  switch (mode) {
    case 'pdftotext':
      return pdftotext(file());
    case 'pdftotext-raw':
    case 'pdftotext-layout':
      return pdftotext(file(), mode.slice('pdftotext'.length));
    case 'pdfjs':
      return pdfjsText(pdf);
    case 'mupdf':
      return mupdfText(pdf);
    case 'pdfminer':
      return tool('pdf2txt', [file()]).stdout;
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
