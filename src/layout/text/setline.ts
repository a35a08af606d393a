/**
 * Sets one line: advances of its units, punctuation compression between
 * adjacent marks (clreq: a pair of marks takes 1.5 em), a quarter em between
 * Han and Latin, and justification. Everything is in ems of the line's size.
 */
import type { FaceMetrics } from '../../types.js';
import { isPunct, type Unit } from './units.js';

/** Space between Han and Latin or digits (clreq: a quarter em is common practice). */
export const HAN_LATIN_SPACE = 0.25;
/**
 * How far a justified line may open a Han–Latin space before it spaces its characters out (jlreq's 和欧間: optimum a
 * quarter em, at most half an em): a number's odd half em then does not spread the Han text of its line.
 */
export const HAN_LATIN_MAX = 0.5;
/**
 * Most a justified line spreads each gap between its characters (em): a character pitch of 1.10 em at most. A line
 * the breaker could fill no better (a narrow measure, an unbreakable number next) keeps what is left at its end
 * rather than read as letter-spaced.
 */
export const MAX_SPREAD = 0.1;

interface Placed {
  unit: Unit;
  advance: number;
  /**
   * Where the glyph is drawn relative to the pen (a halved opening mark is drawn half an em early, a narrow quote
   * inside its em).
   */
  offset: number;
  halved: boolean;
}

function fullAdvance(u: Unit, m: FaceMetrics): number {
  if (u.width !== undefined) return u.width;
  if (u.kind === 'dash') return [...u.text].length; // a full em each, whatever the font's dash
  let a = 0;
  for (const ch of u.text) a += m.advance(ch);
  return a;
}

/**
 * How marks are set: `pairs`, full width but a pair of marks compressed (running text); `half`, every mark half
 * width (display lines: headlines, decks and kickers set their marks tight, as the fonts' `palt` would: headline
 * punctuation is kerned tighter than body's), so `“驻村讲堂”` is not set off-centre by its marks' blank halves.
 */
export type MarkSetting = 'pairs' | 'half';

/** Units with their advances after pair compression (or every mark halved). */
function place(units: Unit[], m: FaceMetrics, marks: MarkSetting = 'pairs'): Placed[] {
  const out: Placed[] = units.map((unit) => ({
    unit,
    advance: fullAdvance(unit, m),
    offset: unit.text.length === 1 ? m.inset(unit.text) : 0,
    halved: false,
  }));
  if (marks === 'half') {
    for (const p of out) if (isPunct(p.unit)) halve(p, m);
    return out;
  }
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i]!;
    const b = out[i + 1]!;
    if (!isPunct(a.unit) || !isPunct(b.unit)) continue;
    if (a.unit.kind === 'close') halve(a, m);
    else if (b.unit.kind === 'open') halve(b, m);
  }
  return out;
}

function halve(p: Placed, m: FaceMetrics): boolean {
  if (p.halved) return false;
  const h = m.half(p.unit.text);
  if (!h) return false;
  p.advance = h.advance;
  p.offset = h.offset;
  p.halved = true;
  return true;
}

function spaceBetween(a: Unit, b: Unit): number {
  const hanish = (u: Unit) => u.kind === 'han' || u.kind === 'dash';
  return (hanish(a) && b.kind === 'latin') || (a.kind === 'latin' && hanish(b)) ? HAN_LATIN_SPACE : 0;
}

/** Natural width of a line of units, in em. */
export function naturalWidth(units: Unit[], m: FaceMetrics, marks: MarkSetting = 'pairs'): number {
  const placed = place(units, m, marks);
  let w = 0;
  placed.forEach((p, i) => {
    w += p.advance;
    if (i + 1 < placed.length) w += spaceBetween(p.unit, placed[i + 1]!.unit);
  });
  return w;
}

/** Least width the line can be squeezed to: every mark half width, no space between Han and Latin. */
export function minWidth(units: Unit[], m: FaceMetrics): number {
  let w = 0;
  for (const p of place(units, m))
    w += p.halved || !isPunct(p.unit) ? p.advance : (m.half(p.unit.text)?.advance ?? p.advance);
  return w;
}

export interface SetLine {
  /** Pen position of each character (by code point), in em from the line start. */
  xs: number[];
  /** Horizontal scale of characters not at their natural width (dashes). */
  scales: Record<number, number>;
  /** Characters set half width (compressed punctuation), by index. */
  halves: number[];
  /** Width the line occupies, in em. */
  width: number;
}

/**
 * Positions every character of a line in `avail` em. Justified lines spread
 * what is left evenly between units; a line too wide first halves its marks
 * from the end (clreq prefers compression to loose spacing).
 */
export function setLine(
  units: Unit[],
  m: FaceMetrics,
  avail: number,
  justify: boolean,
  hangs = false,
  marks: MarkSetting = 'pairs',
): SetLine {
  if (hangs) {
    // The rest of the line set to the measure; the stop or pause after it in the gutter, as a half-width mark (its
    // ink is in its first half; text extractors then still see the gutter between columns).
    const rest = setLine(units.slice(0, -1), m, avail, justify, false, marks);
    const at = rest.xs.length;
    return {
      ...rest,
      xs: [...rest.xs, round(justify ? avail : rest.width)],
      halves: [...rest.halves, at],
      width: avail,
    };
  }
  const placed = place(units, m, marks);
  const gapsAfter = placed.map((p, i) => (i + 1 < placed.length ? spaceBetween(p.unit, placed[i + 1]!.unit) : 0));
  let width = placed.reduce((w, p, i) => w + p.advance + gapsAfter[i]!, 0);
  // Too wide: marks go half width from the end of the line, then Han-Latin spaces close.
  for (let i = placed.length - 1; i >= 0 && width > avail + 1e-6; i--) {
    const p = placed[i]!;
    const before = p.advance;
    if (isPunct(p.unit) && halve(p, m)) width -= before - p.advance;
  }
  for (let i = gapsAfter.length - 1; i >= 0 && width > avail + 1e-6; i--) {
    width -= gapsAfter[i]!;
    gapsAfter[i] = 0;
  }
  // Short: Han–Latin spaces open first, up to their most, then every gap alike.
  const joins = gapsAfter.filter((g) => g > 0).length;
  if (justify && joins > 0 && width < avail) {
    const open = Math.min((avail - width) / joins, HAN_LATIN_MAX - HAN_LATIN_SPACE);
    for (let i = 0; i < gapsAfter.length; i++) if (gapsAfter[i]! > 0) gapsAfter[i]! += open;
    width += open * joins;
  }
  const gaps = placed.length - 1;
  const extra = justify && gaps > 0 && width < avail - 1e-9 ? Math.min(MAX_SPREAD, (avail - width) / gaps) : 0;
  const xs: number[] = [];
  const scales: Record<number, number> = {};
  const halves: number[] = [];
  let pen = 0;
  placed.forEach((p, i) => {
    if (p.halved) halves.push(xs.length);
    let x = pen + p.offset;
    const chars = [...p.unit.text];
    const each = p.unit.kind === 'dash' ? 1 : p.unit.width;
    for (const ch of chars) {
      if (each !== null && ch === '—') scales[xs.length] = 1 / m.advance(ch);
      xs.push(round(x));
      x += each ?? m.advance(ch);
    }
    pen += p.advance + gapsAfter[i]! + extra;
  });
  return { xs, scales, halves, width: justify && extra > 0 ? Math.min(avail, width + extra * gaps) : width };
}

const round = (v: number) => Math.round(v * 10000) / 10000;

/**
 * Widths of every span of a paragraph's units in constant time, from prefix
 * sums: the line breaker asks for many. Agrees with naturalWidth and
 * minWidth (each mark is halved by at most one neighbour, so the savings of
 * the pairs add up).
 */
export function spanWidths(
  units: Unit[],
  m: FaceMetrics,
  marks: MarkSetting = 'pairs',
): {
  natural(i: number, j: number): number;
  min(i: number, j: number): number;
  /** Han–Latin spaces between units i..j: where a short line opens before spacing its characters. */
  joins(i: number, j: number): number;
} {
  const n = units.length;
  const full = units.map((u) => fullAdvance(u, m));
  const halfAdv = units.map((u, k) => (isPunct(u) ? (m.half(u.text)?.advance ?? full[k]!) : full[k]!));
  const adv = marks === 'half' ? halfAdv : full;
  const A = new Float64Array(n + 1);
  const M = new Float64Array(n + 1);
  const S = new Float64Array(n + 1);
  const J = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) {
    A[k + 1] = A[k]! + adv[k]!;
    M[k + 1] = M[k]! + halfAdv[k]!;
    let space = 0;
    let join = 0;
    if (k > 0) {
      const a = units[k - 1]!;
      const b = units[k]!;
      space = spaceBetween(a, b);
      join = space;
      if (marks === 'pairs' && isPunct(a) && isPunct(b))
        join -= a.kind === 'close' ? adv[k - 1]! - halfAdv[k - 1]! : b.kind === 'open' ? adv[k]! - halfAdv[k]! : 0;
    }
    S[k + 1] = S[k]! + join;
    J[k + 1] = J[k]! + (space > 0 ? 1 : 0);
  }
  return {
    natural: (i, j) => A[j + 1]! - A[i]! + S[j + 1]! - S[i + 1]!,
    min: (i, j) => M[j + 1]! - M[i]!,
    joins: (i, j) => J[j + 1]! - J[i + 1]!,
  };
}
