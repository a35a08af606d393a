/** HTML → PDF with headless Chromium, made byte-stable: Chromium stamps the clock into its PDFs. */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import type { Browser } from 'puppeteer';
import { runTempDir } from '../io/temp.js';
import { withBrowser } from './browser.js';

export async function printHtml(
  html: string,
  opts: { title: string; date: Date; browser?: Browser },
): Promise<Uint8Array> {
  const dir = runTempDir('print');
  try {
    const file = join(dir, 'page.html');
    writeFileSync(file, html);
    const print = async (browser: Browser) => {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      // Untagged: Chromium's structure tree carries DOM node ids that change from run to run.
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        tagged: false,
        margin: { top: '12mm', bottom: '12mm', left: '12mm', right: '12mm' },
      });
      await page.close();
      return pdf;
    };
    const raw = opts.browser ? await print(opts.browser) : await withBrowser(print);
    const doc = await PDFDocument.load(raw, { updateMetadata: false });
    doc.setTitle(opts.title);
    doc.setCreator('newsprint');
    doc.setProducer('newsprint (Chromium)');
    doc.setCreationDate(opts.date);
    doc.setModificationDate(opts.date);
    return await doc.save({ useObjectStreams: false });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
