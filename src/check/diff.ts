/**
 * Pixel comparison of two sets of pages with pixelmatch. Anti-aliased edge
 * pixels are recognised and not counted (pixelmatch's own detection), so a
 * one-pixel shift of a glyph edge is not a change, but a different glyph is.
 */
import pixelmatch from 'pixelmatch';
import type { Raster } from '../types.js';

export interface PageDiff {
  page: number;
  /** Differing pixels and their share of the page. */
  pixels: number;
  ratio: number;
  /** Pixels drawn red where they differ (null when the sizes differ). */
  image: Raster | null;
  /** Why the page could not be compared pixel by pixel. */
  problem?: string;
  /** The bounding box of the differing pixels, in pixels. */
  box?: { x: number; y: number; width: number; height: number };
}

export interface DiffReport {
  pages: PageDiff[];
  problems: string[];
  worst: number;
}

/** pixelmatch's colour threshold: how different two pixels must be to count (0-1). */
export const COLOUR_THRESHOLD = 0.1;

export function diffPages(a: Raster[], b: Raster[]): DiffReport {
  const problems: string[] = [];
  if (a.length !== b.length) problems.push(pageCountProblem(a.length, b.length));
  const pages: PageDiff[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) pages.push(diffPage(a[i]!, b[i]!, i + 1));
  return { pages, problems, worst: Math.max(0, ...pages.map((p) => p.ratio)) };
}

export const pageCountProblem = (a: number, b: number): string => `page counts differ: ${a} and ${b}`;

/** One page of each, compared (page numbers from 1). */
export function diffPage(pa: Raster, pb: Raster, page: number): PageDiff {
  if (pa.width !== pb.width || pa.height !== pb.height) {
    const problem = `page ${page} sizes differ: ${pa.width}×${pa.height} and ${pb.width}×${pb.height} px`;
    return { page, pixels: pa.width * pa.height, ratio: 1, image: null, problem };
  }
  const out = new Uint8ClampedArray(pa.width * pa.height * 4);
  const pixels = pixelmatch(pa.data, pb.data, out, pa.width, pa.height, {
    threshold: COLOUR_THRESHOLD,
    includeAA: false,
    alpha: 0.2,
  });
  return {
    page,
    pixels,
    ratio: pixels / (pa.width * pa.height),
    image: { width: pa.width, height: pa.height, data: out },
    box: pixels ? boundsOfRed(out, pa.width, pa.height) : undefined,
  };
}

/** Same when the page counts and sizes agree and no page differs by more than `threshold` (a share, 0-1). */
export function isSame(r: DiffReport, threshold: number): boolean {
  return r.problems.length === 0 && r.pages.every((p) => !p.problem && p.ratio <= threshold);
}

/** Where pixelmatch painted differences (pure red). */
function boundsOfRed(data: Uint8ClampedArray, width: number, height: number): PageDiff['box'] {
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (data[i] === 255 && data[i + 1] === 0 && data[i + 2] === 0) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  return x1 < 0 ? undefined : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}
