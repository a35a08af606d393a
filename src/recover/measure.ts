/**
 * The measure (full line width, in ems) of each line of a run of column
 * lines. Blocks of one page can be set to different measures, so the measure
 * is piecewise constant: a Viterbi pass over candidate measures, where a line
 * wider than the measure costs a lot, a shorter one (first or last line of a
 * paragraph) a little, and changing measure costs a fixed penalty.
 */

const BAND = 1; // a full line's counted width is within ±1 em of the measure (compressed punctuation, loose justification)
const SHORT_COST = 0.4;
const CHANGE_COST = 6;

function emission(width: number, measure: number): number {
  if (width > measure + BAND) return 1 + 2 * (width - measure - BAND);
  if (width < measure - BAND) return SHORT_COST;
  return 0;
}

/** Per line: the measure of the block it belongs to. */
export function lineMeasures(widths: number[]): number[] {
  const n = widths.length;
  if (n === 0) return [];
  const candidates = [...new Set(widths.map((w) => Math.round(w * 2) / 2))].filter((w) => w >= 2).sort((a, b) => a - b);
  if (candidates.length === 0) return widths.map(() => Math.max(...widths));
  const S = candidates.length;
  let cost = candidates.map((m) => emission(widths[0]!, m));
  const back: Int32Array[] = [];
  for (let i = 1; i < n; i++) {
    let bestPrev = 0;
    for (let s = 1; s < S; s++) if (cost[s]! < cost[bestPrev]!) bestPrev = s;
    const from = new Int32Array(S);
    const next = new Array<number>(S);
    for (let s = 0; s < S; s++) {
      const stay = cost[s]!;
      const move = cost[bestPrev]! + CHANGE_COST;
      from[s] = stay <= move ? s : bestPrev;
      next[s] = Math.min(stay, move) + emission(widths[i]!, candidates[s]!);
    }
    back.push(from);
    cost = next;
  }
  // Among equal costs take the widest measure: it explains the most lines as full.
  let s = 0;
  for (let k = 1; k < S; k++) if (cost[k]! <= cost[s]!) s = k;
  const states = new Array<number>(n);
  states[n - 1] = s;
  for (let i = n - 1; i > 0; i--) states[i - 1] = back[i - 1]![states[i]!]!;

  // Centre each block's measure on its full lines.
  const out = new Array<number>(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j < n && states[j] === states[i]) j++;
    const m = candidates[states[i]!]!;
    const full = widths.slice(i, j).filter((w) => w >= m - BAND && w <= m + BAND).sort((a, b) => a - b);
    const centre = full.length ? full[Math.floor(full.length / 2)]! : m;
    for (let k = i; k < j; k++) out[k] = centre;
    i = j;
  }
  return out;
}
