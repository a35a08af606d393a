/**
 * Cross-engine check: the same page tree drawn twice, by pdf-lib (the PDF,
 * rasterized by pdf.js) and by Chromium (HTML and SVG text with the same font
 * files), then compared pixel by pixel. Positions, metrics and glyph
 * coverage all show: a glyph missing from a subset, a line moved, a font
 * that differs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Face } from '../fonts/faces.js';
import type { FaceRole, Layout } from '../types.js';
import { withBrowser } from './browser.js';
import { type DiffReport, diffPages } from './diff.js';
import { fontFaces, layoutHtml } from './html.js';
import { decodePng, type Raster, rasterizePdf } from './raster.js';

/** The share of a page's pixels the two engines may disagree on (README: measured 0.0x %, anti-aliasing and hinting). */
export const CROSS_ENGINE_THRESHOLD = 0.005;

export async function browserPages(layout: Layout, faces: Record<FaceRole, Face>, dpi: number): Promise<Raster[]> {
  const dir = mkdtempSync(join(tmpdir(), 'newsprint-html-'));
  try {
    const file = join(dir, 'layout.html');
    writeFileSync(file, layoutHtml(layout, fontFaces(faces, (r) => faces[r].path)));
    return await withBrowser(async (browser) => {
      const page = await browser.newPage();
      const width = Math.ceil(Math.max(...layout.pages.map((p) => p.width)) * (96 / 72));
      await page.setViewport({ width, height: 800, deviceScaleFactor: dpi / 96 });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      await page.evaluate(async () => {
        await document.fonts.ready;
      });
      // One page at a time at the origin, so both engines share one pixel grid.
      const out: Raster[] = [];
      for (let i = 0; i < layout.pages.length; i++) {
        await page.evaluate((k) => document.querySelectorAll('svg.page').forEach((el, j) => ((el as SVGElement).style.display = j === k ? 'block' : 'none')), i);
        const p = layout.pages[i]!;
        const clip = { x: 0, y: 0, width: (p.width * 96) / 72, height: (p.height * 96) / 72 };
        out.push(await decodePng(await page.screenshot({ type: 'png', clip, captureBeyondViewport: true })));
      }
      return out;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Both renderings at `dpi`, cropped to their common size (they may differ by a pixel of rounding). */
export async function crossCheck(layout: Layout, pdf: Uint8Array, faces: Record<FaceRole, Face>, dpi = 72): Promise<DiffReport> {
  const [fromPdf, fromBrowser] = await Promise.all([rasterizePdf(pdf, dpi), browserPages(layout, faces, dpi)]);
  return diffPages(fromPdf.map((r, i) => crop(r, fromBrowser[i])), fromBrowser.map((r, i) => crop(r, fromPdf[i])));
}

function crop(r: Raster, other: Raster | undefined): Raster {
  if (!other) return r;
  const width = Math.min(r.width, other.width);
  const height = Math.min(r.height, other.height);
  if (width === r.width && height === r.height) return r;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) data.set(r.data.subarray(y * r.width * 4, y * r.width * 4 + width * 4), y * width * 4);
  return { width, height, data };
}
