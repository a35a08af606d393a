/**
 * PDF pages → RGBA pixels with pdf.js (in Node, drawing on @napi-rs/canvas).
 * pdf.js over poppler's pdftoppm: it is an npm package (nothing to install on
 * the system), it draws only with the fonts embedded in the PDF, and the
 * same PDF gives the same pixels every time.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { InputError } from '../errors.js';
import type { Raster } from '../types.js';

/** A PDF opened by pdf.js with only its own fonts; a file that is not one is an input error naming it. */
export async function openPdf(bytes: Uint8Array, file: string) {
  try {
    // pdf.js takes ownership of the buffer it is given: hand it a copy.
    return await getDocument({
      data: new Uint8Array(bytes),
      verbosity: 0,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
    }).promise;
  } catch (e) {
    throw new InputError(`is not a readable PDF (${(e as Error).message})`, file);
  }
}

/** Most pixels one page may have when rasterised (a 1200 mm square page at 150 dpi): 4 bytes each, a few copies. */
export const MAX_PAGE_PIXELS = 50_000_000;

export async function rasterizePdf(bytes: Uint8Array, dpi: number, file = 'PDF'): Promise<Raster[]> {
  const pages: Raster[] = [];
  for await (const page of rasterPages(bytes, dpi, file)) pages.push(page);
  return pages;
}

/** The pages one at a time, so a long PDF never has more than one page in memory; a page too large is an error. */
export async function* rasterPages(bytes: Uint8Array, dpi: number, file = 'PDF'): AsyncGenerator<Raster> {
  const doc = await openPdf(bytes, file);
  try {
    for (let n = 1; n <= doc.numPages; n++) yield await rasterPage(doc, n, dpi, file);
  } finally {
    await doc.destroy();
  }
}

async function rasterPage(
  doc: Awaited<ReturnType<typeof openPdf>>,
  n: number,
  dpi: number,
  file: string,
): Promise<Raster> {
  {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: dpi / 72 });
    const pixels = Math.round(viewport.width) * Math.round(viewport.height);
    if (!(pixels > 0 && pixels <= MAX_PAGE_PIXELS))
      throw new InputError(
        `page ${n} would be ${Math.round(viewport.width)}×${Math.round(viewport.height)} pixels at ${dpi} dpi, ` +
          `more than the ${MAX_PAGE_PIXELS / 1e6} million newsprint rasterises`,
        file,
        'use a lower --dpi',
      );
    const canvas = createCanvas(Math.round(viewport.width), Math.round(viewport.height));
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({
      canvasContext: ctx as unknown as CanvasRenderingContext2D,
      canvas: canvas as unknown as HTMLCanvasElement,
      viewport,
    }).promise;
    const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
    page.cleanup();
    return { width: canvas.width, height: canvas.height, data: new Uint8ClampedArray(image.data) };
  }
}

export async function decodePng(bytes: Uint8Array): Promise<Raster> {
  const img = await loadImage(Buffer.from(bytes));
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  return {
    width: img.width,
    height: img.height,
    data: new Uint8ClampedArray(ctx.getImageData(0, 0, img.width, img.height).data),
  };
}

/** Rasters side by side on white, with a gap: a | b | c. */
export function sideBySide(parts: Raster[], gap = 12): Raster {
  const width = parts.reduce((w, p) => w + p.width, 0) + gap * (parts.length - 1);
  const height = Math.max(...parts.map((p) => p.height));
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  let x0 = 0;
  for (const p of parts) {
    for (let y = 0; y < p.height; y++)
      data.set(p.data.subarray(y * p.width * 4, (y + 1) * p.width * 4), (y * width + x0) * 4);
    x0 += p.width + gap;
  }
  return { width, height, data };
}
