/**
 * Several bodies printed one after the other, then their headlines and
 * bylines grouped in another order: which paragraphs belong to which
 * signature? The bodies name what their bylines name (a county, an office),
 * so each paragraph has an affinity to each signature; a dynamic programme
 * cuts the run at paragraph starts into contiguous segments, one per
 * signature, maximising affinity, with bonuses for a segment that opens by
 * naming its subject and for a cut where the column measure changes.
 */

export interface Candidate {
  /** Text that identifies the item: byline role and name, headline. */
  role: string;
  name: string;
  headline: string;
}

export interface Segment {
  /** Index into the candidates. */
  candidate: number;
  /** Paragraph range [from, to). */
  from: number;
  to: number;
  confidence: number;
}

export interface RunParagraph {
  text: string;
  newMeasure: boolean;
}

const MEASURE_BONUS = 4;
const OPENING_WEIGHT = 1.5;
const MAX_PERMUTED = 8;

/** Han bigrams of a text: short enough that a name is one or two of them, so no phrase counts many times over. */
function grams(text: string): string[] {
  const out = new Set<string>();
  for (const piece of text.match(/\p{Script=Han}+/gu) ?? []) {
    const s = [...piece];
    for (let i = 0; i + 2 <= s.length; i++) out.add(s[i]! + s[i + 1]!);
  }
  return [...out];
}

function countOf(text: string, term: string): number {
  let n = 0;
  for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + term.length)) n++;
  return n;
}

/** A byline role starts with the place it speaks for: `兴县人大常委会主任` → 兴县, `石楼县…` → 石楼县 and 石楼. */
export function placesOf(role: string): string[] {
  const m = /^(\p{Script=Han}{1,6}?[省市县区州盟旗镇乡])/u.exec(role);
  if (!m) return [];
  const place = m[1]!;
  const short = place.slice(0, -1);
  return [...place].length > 2 && [...short].length >= 2 ? [place, short] : [place];
}

interface Term {
  text: string;
  weight: number;
  /** Counts only where few paragraphs have it (headline words echo themes that all bodies share). */
  rareOnly: boolean;
}

/**
 * What identifies a candidate: its place and person names first, the rest of its role weakly, and its headline's words
 * as a fallback.
 */
function termsOf(c: Candidate): { byline: Term[]; headline: Term[] } {
  const names = [...placesOf(c.role), ...(c.name ? [c.name.replace(/\s/g, '')] : [])];
  return {
    byline: [
      ...names.map((text) => ({ text, weight: 1, rareOnly: false })),
      ...grams(c.role).map((text) => ({ text, weight: 0.3, rareOnly: false })),
    ],
    headline: grams(c.headline).map((text) => ({ text, weight: 1, rareOnly: true })),
  };
}

/** affinity[p][c]: how strongly paragraph p speaks of candidate c's distinctive words. */
export function affinities(paragraphs: RunParagraph[], candidates: Candidate[]): number[][] {
  const terms = candidates.map(termsOf);
  // A word two signatures share says nothing about which is which.
  const owners = new Map<string, number>();
  for (const t of terms)
    for (const text of new Set([...t.byline, ...t.headline].map((x) => x.text)))
      owners.set(text, (owners.get(text) ?? 0) + 1);
  const P = paragraphs.length;
  const df = new Map<string, number>();
  const idf = (t: Term): number => {
    let d = df.get(t.text);
    if (d === undefined) df.set(t.text, (d = paragraphs.filter((p) => p.text.includes(t.text)).length));
    if (d === 0 || owners.get(t.text)! > 1 || (t.rareOnly && d > Math.max(1, P / 8))) return 0;
    return Math.max(0, Math.log((P + 1) / (d + 0.5)));
  };
  const affinity = (p: RunParagraph, ts: Term[]): number =>
    ts.reduce((a, t) => a + t.weight * idf(t) * Math.min(countOf(p.text, t.text), 2), 0);
  const columns = terms.map((t) => {
    const byByline = paragraphs.map((p) => affinity(p, t.byline));
    // The byline's names decide; the headline's rare words only where the bodies mention none of them.
    return byByline.some((a) => a > 0) ? byByline : paragraphs.map((p) => affinity(p, t.headline));
  });
  return paragraphs.map((_, p) => columns.map((col) => col[p]!));
}

/** Splits a run of paragraphs among the candidates; every candidate gets one contiguous segment. */
export function splitRun(paragraphs: RunParagraph[], candidates: Candidate[]): Segment[] {
  const P = paragraphs.length;
  const K = candidates.length;
  if (K === 1) return [{ candidate: 0, from: 0, to: P, confidence: 1 }];
  if (P < K) {
    // Too few paragraphs: one each in order, the rest get nothing.
    return candidates.map((_, c) => ({ candidate: c, from: Math.min(c, P), to: Math.min(c + 1, P), confidence: 0 }));
  }
  const aff = affinities(paragraphs, candidates);
  const prefix = candidates.map((_, c) => {
    const out = [0];
    for (let p = 0; p < P; p++) out.push(out[p]! + aff[p]![c]!);
    return out;
  });
  const total = paragraphs.reduce((n, p) => n + p.text.length, 0);
  const lengths = [0];
  for (const p of paragraphs) lengths.push(lengths[lengths.length - 1]! + p.text.length);

  const segmentScore = (from: number, to: number, c: number): number => {
    const opening = Math.min(aff[from]![c]!, 3) * OPENING_WEIGHT;
    const boundary = from > 0 && paragraphs[from]!.newMeasure ? MEASURE_BONUS : 0;
    // Weak priors that only break ties: balanced lengths, printed order.
    const balance = -0.5 * Math.abs((lengths[to]! - lengths[from]!) / total - 1 / K);
    return prefix[c]![to]! - prefix[c]![from]! + opening + boundary + balance;
  };

  const order = K <= MAX_PERMUTED ? null : candidates.map((_, c) => c);
  const segments = bestSplit(P, K, segmentScore, order);
  return segments.map((s) => ({ ...s, confidence: confidenceOf(s, aff, segments) }));
}

/** DP over (paragraphs used, candidates used). With `order`, candidates are taken in that order only. */
function bestSplit(
  P: number,
  K: number,
  score: (from: number, to: number, c: number) => number,
  order: number[] | null,
): Array<Omit<Segment, 'confidence'>> {
  type Cell = { value: number; from: number; mask: number; c: number };
  const full = (1 << K) - 1;
  // rows[p]: best way to cover paragraphs [0, p) with the candidates in mask.
  const rows: Array<Map<number, Cell>> = Array.from({ length: P + 1 }, () => new Map());
  rows[0]!.set(0, { value: 0, from: -1, mask: -1, c: -1 });
  const popcount = (m: number) => m.toString(2).replace(/0/g, '').length;
  for (let p = 0; p < P; p++) {
    for (const [mask, cell] of rows[p]!) {
      const used = popcount(mask);
      if (used === K) continue;
      const choices = order ? [order[used]!] : [...Array(K).keys()].filter((c) => !(mask & (1 << c)));
      const remaining = K - used - 1;
      for (const c of choices) {
        const nextMask = mask | (1 << c);
        for (let to = remaining === 0 ? P : p + 1; to <= P - remaining; to++) {
          const value = cell.value + score(p, to, c) + (c === used ? 1e-6 : 0);
          const old = rows[to]!.get(nextMask);
          if (!old || value > old.value) rows[to]!.set(nextMask, { value, from: p, mask, c });
        }
      }
    }
  }
  const out: Array<Omit<Segment, 'confidence'>> = [];
  let p = P;
  let mask = full;
  while (p > 0) {
    const cell = rows[p]!.get(mask)!;
    out.unshift({ candidate: cell.c, from: cell.from, to: p });
    p = cell.from;
    mask = cell.mask;
  }
  return out;
}

/**
 * How sure: the share of the segment's affinity that is its own, times how
 * sure each of its two cuts is. A cut is sure when the paragraphs on either
 * side of it name their own subjects; every neutral paragraph between the
 * last that names one and the first that names the other could go either
 * way; less so when the second opens by naming itself.
 */
function confidenceOf(
  seg: Omit<Segment, 'confidence'>,
  aff: number[][],
  all: Array<Omit<Segment, 'confidence'>>,
): number {
  let own = 0;
  let other = 0;
  for (let p = seg.from; p < seg.to; p++) {
    own += aff[p]![seg.candidate]!;
    other += Math.max(0, ...aff[p]!.filter((_, c) => c !== seg.candidate));
  }
  const share = (own + 0.5) / (own + other + 1);
  const i = all.indexOf(seg);
  const cutSure = (a: Omit<Segment, 'confidence'> | undefined, b: Omit<Segment, 'confidence'> | undefined): number => {
    if (!a || !b) return 1;
    let lastA = a.to - 1;
    while (lastA >= a.from && !(aff[lastA]![a.candidate]! > 0)) lastA--;
    let firstB = b.from;
    while (firstB < b.to && !(aff[firstB]![b.candidate]! > 0)) firstB++;
    const neutral = Math.max(0, firstB - lastA - 1);
    if (neutral === 0) return 1;
    // The cut opens b with a paragraph that names b, as most openings do.
    if (firstB === b.from) return 0.9;
    return Math.max(0.5, 0.85 - 0.05 * (neutral - 1));
  };
  const sure = (0.6 + 0.4 * share) * cutSure(all[i - 1], seg) * cutSure(seg, all[i + 1]);
  return Math.round(sure * 100) / 100;
}
