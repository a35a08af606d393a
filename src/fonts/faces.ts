/**
 * Loads the faces of fonts/fonts.json once per process: the file bytes for
 * embedding, a fontkit font for glyphs, and metrics for layout. This is the
 * edge where fonts are read from disk; layout only sees `Metrics`.
 */

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import { NewsprintError } from '../errors.js';
import { ROOT } from '../project.js';
import { COMPRESSIBLE } from '../text/chars.js';
import type { FaceMetrics, FaceRole, Metrics } from '../types.js';
import { woffToSfnt } from './woff.js';

const require = createRequire(import.meta.url);

export interface FaceSpec {
  family: string;
  style: string;
  package: string;
  file: string;
  license: string;
  use: string;
}

export interface Face {
  role: FaceRole;
  spec: FaceSpec;
  /** Version of the npm package the font came from. */
  version: string;
  /** SFNT bytes (WOFF unpacked). */
  bytes: Uint8Array;
  /** A file on disk with those bytes (the package's file, or the unpacked copy). */
  path: string;
  font: fontkit.Font;
  metrics: FaceMetrics;
}

export const FACE_ROLES: FaceRole[] = ['song', 'bold', 'heavy', 'kai'];

export function fontCatalog(): Record<FaceRole, FaceSpec> {
  return JSON.parse(readFileSync(join(ROOT, 'fonts', 'fonts.json'), 'utf8')) as Record<FaceRole, FaceSpec>;
}

const loaded = new Map<FaceRole, Face>();

export function loadFace(role: FaceRole): Face {
  const hit = loaded.get(role);
  if (hit) return hit;
  const spec = fontCatalog()[role];
  let pkgJson: string;
  try {
    pkgJson = require.resolve(`${spec.package}/package.json`, { paths: [ROOT] });
  } catch {
    throw new NewsprintError(`font package ${spec.package} is not installed`, 'fonts/fonts.json', 'run `npm ci`');
  }
  const version = (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string }).version;
  const file = join(dirname(pkgJson), spec.file);
  const { bytes, path } = spec.file.endsWith('.woff')
    ? unpackedWoff(file, version)
    : { bytes: readFileSync(file) as Uint8Array, path: file };
  const font = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) as fontkit.Font;
  const face: Face = { role, spec, version, bytes, path, font, metrics: metricsOf(font) };
  loaded.set(role, face);
  return face;
}

/** Every face, loaded once per process. */
export function loadFaces(): Record<FaceRole, Face> {
  return Object.fromEntries(FACE_ROLES.map((r) => [r, loadFace(r)])) as Record<FaceRole, Face>;
}

export function loadMetrics(): Metrics {
  return Object.fromEntries(FACE_ROLES.map((r) => [r, loadFace(r).metrics])) as Metrics;
}

/**
 * A WOFF face unpacked to TTF once and cached under node_modules/.cache (or the temp folder when that is read-only).
 */
function unpackedWoff(file: string, version: string): { bytes: Uint8Array; path: string } {
  const name = `${basename(file, '.woff')}-${version}.ttf`;
  for (const dir of [join(ROOT, 'node_modules', '.cache', 'newsprint'), join(tmpdir(), 'newsprint-fonts')]) {
    const cache = join(dir, name);
    if (existsSync(cache)) return { bytes: readFileSync(cache), path: cache };
    try {
      const sfnt = woffToSfnt(readFileSync(file));
      mkdirSync(dir, { recursive: true });
      const tmp = `${cache}.${process.pid}.tmp`;
      writeFileSync(tmp, sfnt);
      renameSync(tmp, cache);
      return { bytes: sfnt, path: cache };
    } catch {
      // not writable: try the next place
    }
  }
  throw new NewsprintError(`cannot unpack the font ${file}`, file, 'is the temp folder writable?');
}

/**
 * A face without `halt` (LXGW WenKai) still sets a full-width mark half width where its ink lies in one half of the
 * em: the other half is the blank that compression takes away (a closing mark's right half, an opening mark's left).
 */
function halfByInk(g: fontkit.Glyph, upm: number): { advance: number; offset: number } | null {
  if (g.advanceWidth < upm * 0.99) return null;
  if (g.bbox.maxX <= upm / 2) return { advance: 0.5, offset: 0 };
  if (g.bbox.minX >= upm / 2) return { advance: 0.5, offset: -0.5 };
  return null;
}

/** Quotation marks, which a Chinese text sets in a full em (clreq) though a face may draw them Latin-narrow. */
const QUOTES = new Set(['“', '”', '‘', '’']);
const OPENING_QUOTES = new Set(['“', '‘']);

function metricsOf(font: fontkit.Font): FaceMetrics {
  const upm = font.unitsPerEm;
  const advances = new Map<string, number>();
  const halves = new Map<string, { advance: number; offset: number } | null>();
  const glyph = (ch: string) => font.glyphForCodePoint(ch.codePointAt(0)!);
  const glyphAdvance = (ch: string) => {
    let a = advances.get(ch);
    if (a === undefined) advances.set(ch, (a = glyph(ch).advanceWidth / upm));
    return a;
  };
  // A quote narrower than half an em (LXGW WenKai's are 0.35) is set in a full em, or half a one where compressed,
  // its ink against the text it opens or closes, as a full-width quote's is: not a Latin quote in a Chinese line.
  const narrowQuote = (ch: string) => QUOTES.has(ch) && glyphAdvance(ch) < 0.5;
  const towardText = (ch: string, cell: number) => (OPENING_QUOTES.has(ch) ? cell - glyphAdvance(ch) : 0);
  return {
    advance: (ch) => (narrowQuote(ch) ? 1 : glyphAdvance(ch)),
    glyphAdvance,
    inset: (ch) => (narrowQuote(ch) ? towardText(ch, 1) : 0),
    has: (ch) => glyph(ch).id !== 0,
    half(ch) {
      if (!COMPRESSIBLE.has(ch)) return null;
      if (narrowQuote(ch)) return { advance: 0.5, offset: towardText(ch, 0.5) };
      let h = halves.get(ch);
      if (h === undefined) {
        const run = font.layout(ch, ['halt']);
        const p = run.positions[0]!;
        h =
          p.xAdvance < glyph(ch).advanceWidth
            ? { advance: p.xAdvance / upm, offset: p.xOffset / upm }
            : halfByInk(glyph(ch), upm);
        halves.set(ch, h);
      }
      return h;
    },
    ascent: font.ascent / upm,
    descent: font.descent / upm,
  };
}
