/**
 * Cross-engine check: the same page tree drawn twice, by pdf-lib (the PDF,
 * rasterized by pdf.js) and by Chromium (HTML and SVG text with the same font
 * files), then compared pixel by pixel. Positions, metrics and glyph
 * coverage all show: a glyph missing from a subset, a line moved, a font
 * that differs.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer';
import type { Face } from '../fonts/faces.js';
import { runTempDir } from '../io/temp.js';
import type { FaceRole, Layout, Raster } from '../types.js';
import { withBrowser } from './browser.js';
import { fontFaces, layoutHtml } from './html.js';
import { decodePng, rasterizePdf } from './raster.js';

/**
 * The two engines anti-alias and hint glyph edges differently, so pixels are
 * not compared one to one: a dark ("ink") pixel of one rendering must have
 * at least a trace of ink within two pixels in the other, both ways. Edge noise passes; a glyph
 * missing, added or moved leaves a dense patch of unmatched ink. (Within one pixel, a hinted thin stroke failed:
 * pdf.js and poppler draw the foot of 重 in the Kai face at 10.5 pt 2 px above the layout's own unhinted drawing,
 * a patch of 4.4 %; a module moved 1 mm, 5.7 px, still fails.)
 */
export const CROSS_ENGINE = { dpi: 144, inkBelow: 100, traceBelow: 215, radius: 2, maxRatio: 0.0001, maxPatch: 0.03 };

export interface CrossCheck {
  pages: Array<{ page: number; pixels: number; ratio: number; patch: number; image: Raster }>;
  /** Worst page: unmatched ink as a share of the page, and the densest patch (share of a window one body em square). */
  ratio: number;
  patch: number;
  pass: boolean;
}

/** The layout drawn by Chromium, page by page, at `dpi`. A browser may be passed in to draw many layouts. */
export async function browserPages(
  layout: Layout,
  faces: Record<FaceRole, Face>,
  dpi: number,
  browser?: Browser,
): Promise<Raster[]> {
  const dir = runTempDir('html');
  try {
    const file = join(dir, 'layout.html');
    writeFileSync(
      file,
      layoutHtml(
        layout,
        fontFaces(faces, (r) => faces[r].path),
      ),
    );
    const draw = async (browser: Browser) => {
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
        await page.evaluate(
          (k) =>
            document
              .querySelectorAll('svg.page')
              .forEach((el, j) => ((el as SVGElement).style.display = j === k ? 'block' : 'none')),
          i,
        );
        const p = layout.pages[i]!;
        const clip = { x: 0, y: 0, width: (p.width * 96) / 72, height: (p.height * 96) / 72 };
        out.push(await decodePng(await page.screenshot({ type: 'png', clip, captureBeyondViewport: true })));
      }
      await page.close();
      return out;
    };
    return browser ? await draw(browser) : await withBrowser(draw);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function crossCheck(
  layout: Layout,
  pdf: Uint8Array,
  faces: Record<FaceRole, Face>,
  browser?: Browser,
): Promise<CrossCheck> {
  const { dpi } = CROSS_ENGINE;
  const [fromPdf, fromBrowser] = await Promise.all([rasterizePdf(pdf, dpi), browserPages(layout, faces, dpi, browser)]);
  return compareInk(fromPdf, fromBrowser, layout.makeup.bodySize);
}

/** Two renderings of the same pages at CROSS_ENGINE.dpi, held to its limits (also used for the page images). */
export function compareInk(one: Raster[], other: Raster[], bodySize: number): CrossCheck {
  const { dpi, maxRatio, maxPatch } = CROSS_ENGINE;
  const window = Math.max(6, Math.round((bodySize * dpi) / 72));
  const pages = one.map((r, i) => {
    const a = crop(r, other[i]);
    const b = crop(other[i] ?? r, r);
    const image = unmatchedInk(a, b);
    const pixels = countRed(image.data);
    return {
      page: i + 1,
      pixels,
      ratio: pixels / (a.width * a.height),
      patch: densestPatch(image.data, a.width, a.height, window),
      image,
    };
  });
  const ratio = Math.max(...pages.map((p) => p.ratio));
  const patch = Math.max(...pages.map((p) => p.patch));
  return { pages, ratio, patch, pass: one.length === other.length && ratio <= maxRatio && patch <= maxPatch };
}

/** Ink of either rendering with no ink of the other within `radius` pixels, painted red on a faded copy of a. */
function unmatchedInk(a: Raster, b: Raster): Raster {
  const { width, height } = a;
  const below = (r: Raster, level: number) => {
    const m = new Uint8Array(width * height);
    for (let p = 0; p < width * height; p++)
      m[p] = 0.299 * r.data[p * 4]! + 0.587 * r.data[p * 4 + 1]! + 0.114 * r.data[p * 4 + 2]! < level ? 1 : 0;
    return m;
  };
  const ia = below(a, CROSS_ENGINE.inkBelow);
  const ib = below(b, CROSS_ENGINE.inkBelow);
  const ta = below(a, CROSS_ENGINE.traceBelow);
  const tb = below(b, CROSS_ENGINE.traceBelow);
  const near = (m: Uint8Array, x: number, y: number) => {
    const k = CROSS_ENGINE.radius;
    for (let dy = -k; dy <= k; dy++)
      for (let dx = -k; dx <= k; dx++) {
        const xx = x + dx;
        const yy = y + dy;
        if (xx >= 0 && yy >= 0 && xx < width && yy < height && m[yy * width + xx]) return true;
      }
    return false;
  };
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      const miss = (ia[p] && !near(tb, x, y)) || (ib[p] && !near(ta, x, y));
      const grey = 255 - (255 - a.data[p * 4]!) * 0.2;
      data.set(miss ? [255, 0, 0, 255] : [grey, grey, grey, 255], p * 4);
    }
  return { width, height, data };
}

function countRed(data: Uint8ClampedArray): number {
  let n = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] === 255 && data[i + 1] === 0 && data[i + 2] === 0) n++;
  return n;
}

/** The largest share of differing (red) pixels in any window × window square. */
function densestPatch(diff: Uint8ClampedArray, width: number, height: number, window: number): number {
  const sums = new Int32Array((width + 1) * (height + 1));
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const red = diff[i] === 255 && diff[i + 1] === 0 && diff[i + 2] === 0 ? 1 : 0;
      sums[(y + 1) * (width + 1) + x + 1] =
        red + sums[y * (width + 1) + x + 1]! + sums[(y + 1) * (width + 1) + x]! - sums[y * (width + 1) + x]!;
    }
  let best = 0;
  for (let y = window; y <= height; y++)
    for (let x = window; x <= width; x++) {
      const n =
        sums[y * (width + 1) + x]! -
        sums[(y - window) * (width + 1) + x]! -
        sums[y * (width + 1) + x - window]! +
        sums[(y - window) * (width + 1) + x - window]!;
      if (n > best) best = n;
    }
  return best / (window * window);
}

function crop(r: Raster, other: Raster | undefined): Raster {
  if (!other) return r;
  const width = Math.min(r.width, other.width);
  const height = Math.min(r.height, other.height);
  if (width === r.width && height === r.height) return r;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    data.set(r.data.subarray(y * r.width * 4, y * r.width * 4 + width * 4), y * width * 4);
  return { width, height, data };
}
