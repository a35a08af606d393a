/**
 * Which paragraphs belong to which headline. The page is a sequence of
 * paragraphs with anchors (the lead and the signatures) standing between
 * them. Each anchor takes one contiguous run of paragraphs, in anchor order:
 * either the run that starts right under it (headline before the body, as
 * reading order gives it) or a run that ends above it (headline after the
 * body, as on pages that group their headlines after the bodies). A dynamic
 * programme chooses the cuts that best fit every cue at once: the byline's
 * names and places in the body, the headline's rare words, datelines that
 * open and sign-offs that close an article, a change of column measure, and
 * how the topic runs on from one paragraph to the next. An anchor's
 * confidence is how much better its run is than its best alternative.
 */

export interface SegParagraph {
  text: string;
  /** How sure it is that the column measure changes at this paragraph (0-1; a half where it is here or after). */
  newMeasure: number;
  /** Opens with a dateline: the names it gives (empty when none), or null when it is no dateline. */
  dateline: string[] | null;
  /** Is a sign-off (`（作者为…）`): an article ends with it. */
  signoff: boolean;
  /** Speaks in the first person outside quotes (voice.ts): an author's column, not a report. */
  firstPerson: boolean;
  /** The lines show no break before it (a sentence ends at a full line's end): most likely the same paragraph. */
  soft: boolean;
  /** It goes on a block of lines the extractor set apart from others (a column of a module), not starting one. */
  inBlock: boolean;
  /** Rare words of the paragraph (for topic continuity). */
  words: Set<string>;
}

export interface Anchor {
  /** Number of paragraphs before it. */
  at: number;
  lead: boolean;
  /** Names and places that identify it: byline names, places in the byline's role. */
  names: string[];
  /** Words of its headline. */
  headlineWords: string[];
  /** A lead whose headline was read among its own text: its run may take paragraphs either side of it. */
  inside?: boolean;
}

export interface Assignment {
  /** Paragraph range [from, to) of each anchor, in anchor order. */
  runs: Array<{ from: number; to: number; confidence: number; after: boolean }>;
  /** Paragraphs no anchor took: [0, orphanHead) and [orphanTail, n). */
  orphanHead: number;
  orphanTail: number;
}

// Named costs, in units of "one clear cue".
/** A headline after its body is less usual than before it (reading order puts it first). */
const AFTER_COST = 1.5;
/** Headlines grouped before their bodies (modules side by side, read row by row) are less usual still. */
const GROUPED_BEFORE_COST = 2;
/** A lead's run taking paragraphs either side of its headline, read among its own text (Anchor.inside). */
const LEAD_INSIDE_COST = 2;
/** A module read between another's bodies and the headlines under them: a reading order few pages give. */
const NESTED_COST = 2;
/**
 * Headlines standing together whose bodies come in another order than theirs, per pair out of order: an extractor
 * reads a row of modules' headlines and their bodies the same way round, most often.
 */
const INVERSION_COST = 1;
/** An anchor with no body at all. */
const EMPTY_COST = 8;
/** A paragraph that goes to no headline. */
const ORPHAN_COST = 2.5;
/** Cutting a run of paragraphs where no anchor stands needs evidence worth more than this. */
const CUT_COST = 3;
const MEASURE_CHANGE = 3;
/** An article ending where the lines show no paragraph's end: only an extractor that drops indents hides one. */
const SOFT_BREAK = 0.5;
/** An article ending inside a block the extractor set apart: a module's column holds one article's text. */
const IN_BLOCK = 1;
const DATELINE_OPENS = 4;
const SIGNOFF_CLOSES = 3;
/** A sign-off closes the article above it: no article starts with one. */
const SIGNOFF_NEVER_OPENS = 8;
/** Nor does an article go on after its sign-off: one inside a run means the run holds the next article too. */
const SIGNOFF_INSIDE = 4;
/** A cut between paragraphs that share rare words breaks a topic: this much per shared word, at most TOPIC_MAX. */
const TOPIC_WORD = 0.4;
const TOPIC_MAX = 1.5;
/** The topic changes at a cut: the paragraphs either side share fewer rare words than the page's usual (0-1). */
const TOPIC_SHIFT = 2;
/** Paragraphs either side of a cut whose words are compared (TextTiling's window). */
const SHIFT_WINDOW = 3;
/**
 * The voice changes at a cut: an author speaking as `我` on one side, no one on the other (voiceShifts, 0-1). At its
 * clearest, every paragraph on one side so, it is worth a cut by itself. (Over corpus plans 1-14 at 1-4: variants 5,
 * 8 and 10 gain 1-3 points, none loses; at 6 six plans lose a few tenths.)
 */
const VOICE_SHIFT = 3;
/**
 * Most paragraphs of the window speak as `我`: one alone is an aside (a remark quoted without quotes, `我国` and the
 * like excepted), which moved cuts on the page it stood on. (A lone one counted cost plan 0 and variants 12 and 14
 * up to 1.3 points.)
 */
const VOICE_CLEAR = 2 / 3;
/**
 * The page's mean likeness of neighbouring windows up to which a dip in it counts in full, and from which it
 * counts for nothing: real pages measure 0.05-0.13 (articles on different subjects), the generator's word
 * banks 0.16-0.31 (one vocabulary for every article).
 */
const SHIFT_CLEAR = 0.14;
const SHIFT_NOISE = 0.18;
/** Each paragraph of a body naming its byline's person or place (up to NAME_MAX in all). */
const NAME_FOUND = 2.5;
const NAME_MAX = 5;
/** A body opens by naming its subject (`兴县人大常委会…`). */
const NAME_OPENS = 1.5;
/** Each paragraph naming another byline's person or place makes the body less likely this one's. */
const OTHER_NAME = 1.5;
/** A dateline naming this anchor's reporters opens its body; one naming others does not. */
const DATELINE_MINE = 5;
const DATELINE_OTHERS = -4;
/** Headline words found in the body, weighted by rarity on the page, at most HEADLINE_MAX. */
const HEADLINE_WORD = 1;
const HEADLINE_MAX = 4;
/** A paragraph using this headline's rare words (or a neighbour's) counts this much for (against) the run. */
const TOPIC_LEAN = 0.25;
/** A word is rare when at most this share of the page's paragraphs use it. */
const RARE_SHARE = 0.3;
/** Confidence is logistic in the margin over the best alternative, with this scale. */
const CONFIDENCE_SCALE = 2;

/** A margin over the best alternative (in cues) → a confidence, to the hundredth. */
export const marginConfidence = (margin: number): number =>
  Math.round((1 / (1 + Math.exp(-margin / CONFIDENCE_SCALE))) * 100) / 100;

/** Headlines grouped after their bodies may come in another order than the bodies: groups this big are permuted. */
const MAX_PERMUTED = 5;
/** No newspaper page has more headlines than this; beyond it (a whole book pasted in) orders are not searched. */
const MAX_ANCHORS_PERMUTED = 40;

export function assignRuns(paras: SegParagraph[], anchors: Anchor[]): Assignment {
  const n = paras.length;
  const m = anchors.length;
  if (m === 0) return { runs: [], orphanHead: n, orphanTail: n };
  const anchorAt = new Set(anchors.map((a) => a.at));

  // Evidence that an article ends before paragraph k (1 ≤ k < n).
  const shift = topicShifts(paras);
  const voice = voiceShifts(paras);
  const cutCost = new Float64Array(n + 1);
  for (let k = 1; k < n; k++) {
    if (anchorAt.has(k)) continue;
    let evidence = 0;
    evidence += MEASURE_CHANGE * paras[k]!.newMeasure;
    if (paras[k]!.soft) evidence -= SOFT_BREAK;
    if (paras[k]!.inBlock) evidence -= IN_BLOCK;
    if (paras[k]!.dateline) evidence += DATELINE_OPENS;
    if (paras[k - 1]!.signoff) evidence += SIGNOFF_CLOSES;
    if (paras[k]!.signoff) evidence -= SIGNOFF_NEVER_OPENS;
    evidence -= Math.min(TOPIC_MAX, TOPIC_WORD * shared(paras[k - 1]!.words, paras[k]!.words));
    evidence += TOPIC_SHIFT * shift[k]!;
    evidence += VOICE_SHIFT * voice[k]!;
    cutCost[k] = CUT_COST - evidence;
  }
  const windowed = windows(anchors, n);
  const { lo, hi } = windowed;
  // How many paragraphs of the page use each headline word: rare ones name an article, common ones the page.
  const df = new Map<string, number>();
  for (const w of new Set(anchors.flatMap((a) => a.headlineWords)))
    df.set(
      w,
      paras.reduce((k, p) => k + (p.text.includes(w) ? 1 : 0), 0),
    );
  const scorerIn = (i: number, win: Windows) => {
    const a = anchors[i]!;
    const mine = new Set(a.names);
    // The names of the anchors whose runs could be where this one's could.
    const near = anchors.filter((_, j) => j !== i && win.lo[j]! < win.hi[i]! && win.lo[i]! < win.hi[j]!);
    const others = [...new Set(near.flatMap((b) => b.names))].filter((x) => !mine.has(x));
    const own = new Set(a.headlineWords);
    const otherWords = [...new Set(near.flatMap((b) => b.headlineWords))].filter((w) => !own.has(w));
    return runScorer(paras, a, { names: others, words: otherWords }, win.lo[i]!, win.hi[i]!, df);
  };
  const scorers = anchors.map((_, i) => scorerIn(i, windowed));

  // Try each order of each group of headlines standing together; keep the best. (Windows go with their anchors: a
  // permutation only swaps anchors standing at one place, which share one.)
  const solveIn = (order: number[], win = windowed, score = scorers, penalty = 0, deferred = new Set<number>()) => {
    const solution = solve(
      n,
      order.map((i) => anchors[i]!),
      order.map((i) => score[i]!),
      cutCost,
      { lo: order.map((i) => win.lo[i]!), hi: order.map((i) => win.hi[i]!) },
      order,
      order.map((i) => deferred.has(i)),
    );
    return { ...solution, best: solution.best - penalty, rival: (i: number) => solution.rival(i) - penalty };
  };
  let order = anchors.map((_, i) => i);
  let solved = solveIn(order);
  const rivals: Solution[] = [];
  const consider = (s: Solution, candidate: number[]) => {
    if (s.best > solved.best) {
      rivals.push(solved);
      solved = s;
      order = candidate;
    } else rivals.push(s);
  };
  for (const group of m <= MAX_ANCHORS_PERMUTED ? groups(anchors) : []) {
    if (group.length > MAX_PERMUTED) continue;
    const base = [...order];
    for (const perm of permutations(group)) {
      if (perm.every((v, k) => v === group[k])) continue;
      const candidate = [...base];
      group.forEach((slot, k) => {
        candidate[slot] = base[perm[k]!]!;
      });
      consider(solveIn(candidate, windowed, scorers, INVERSION_COST * inversions(perm)), candidate);
    }
  }
  // A module read between another module's bodies and the headlines set under them (modules side by side, one
  // with its headlines grouped at its foot): the headlines after may take bodies from before the module between.
  for (const { inner, group } of m <= MAX_ANCHORS_PERMUTED ? nestings(anchors) : []) {
    const win = { lo: [...lo], hi: [...hi] };
    for (const g of group) win.lo[g] = lo[inner[0]!]!;
    for (const i of inner) win.hi[i] = hi[group[0]!]!;
    const score = [...scorers];
    for (const i of [...inner, ...group]) score[i] = scorerIn(i, win);
    const candidate = order.filter((i) => !inner.includes(i));
    // After the group's last slot (a permutation above may have reordered it).
    candidate.splice(Math.max(...group.map((g) => candidate.indexOf(g))) + 1, 0, ...inner);
    consider(solveIn(candidate, win, score, NESTED_COST * inner.length), candidate);
  }
  // Headlines standing together before their bodies, a module read between the first one's body and the next one's
  // (modules side by side, their headlines read as a row, the one under the first module read before the second's
  // body): the later headline's body after the modules between.
  for (const { inner, later } of m <= MAX_ANCHORS_PERMUTED ? nestingsBefore(anchors) : []) {
    const win = { lo: [...lo], hi: [...hi] };
    win.hi[later] = hi[inner.at(-1)!]!;
    const score = [...scorers];
    score[later] = scorerIn(later, win);
    const candidate = order.filter((i) => i !== later);
    candidate.splice(candidate.indexOf(inner.at(-1)!) + 1, 0, later);
    consider(solveIn(candidate, win, score, NESTED_COST * inner.length, new Set([later])), candidate);
  }

  const runs = new Array<Assignment['runs'][number]>(m);
  order.forEach((anchorIndex, slot) => {
    const from = solved.cuts[slot]!;
    const to = solved.cuts[slot + 1]!;
    let rival = solved.rival(slot);
    // The best order in which this anchor got other paragraphs is a rival too.
    for (const r of rivals) {
      const k = r.order.indexOf(anchorIndex);
      if (k >= 0 && (r.cuts[k] !== from || r.cuts[k + 1] !== to)) rival = Math.max(rival, r.best);
    }
    const margin = solved.best - rival;
    const confidence = from === to ? 0 : marginConfidence(margin);
    runs[anchorIndex] = {
      from,
      to,
      confidence,
      after: from !== anchors[anchorIndex]!.at,
    };
  });
  return { runs, orphanHead: solved.cuts[0]!, orphanTail: solved.cuts[m]! };
}

interface Solution {
  best: number;
  /** cuts[i], cuts[i+1]: the run of the i-th anchor in this order. */
  cuts: number[];
  order: number[];
  /** The best score when the i-th anchor takes any other run. */
  rival(i: number): number;
}

function solve(
  n: number,
  anchors: Anchor[],
  scorers: Array<(from: number, to: number) => number>,
  cutCost: Float64Array,
  { lo, hi }: { lo: number[]; hi: number[] },
  order: number[],
  /** Per slot: a headline that stood with others before their bodies, its body read after the modules between. */
  deferred: boolean[] = [],
): Solution {
  const m = anchors.length;
  const NONE = Number.NEGATIVE_INFINITY;
  /** Score of the i-th anchor taking [from, to), or -Infinity when its position does not allow it. */
  const take = (i: number, from: number, to: number): number => {
    const a = anchors[i]!;
    if (from === to) return -EMPTY_COST;
    if (from === a.at) return scorers[i]!(from, to);
    if (to <= a.at && !a.lead) return scorers[i]!(from, to) - AFTER_COST;
    if (a.inside && from < a.at && to > a.at) return scorers[i]!(from, to) - LEAD_INSIDE_COST;
    // Headlines standing together before their bodies: the later ones' bodies follow the earlier ones'.
    if (from > a.at && ((i > 0 && anchors[i - 1]!.at === a.at) || deferred[i]))
      return scorers[i]!(from, to) - GROUPED_BEFORE_COST;
    return NONE;
  };
  const tail = (i: number, c: number) => (c < n && i < m - 1 ? cutCost[c]! : 0);

  // fwd[i][c]: best score of anchors 0..i-1 with the run of anchor i starting at c.
  const fwd: Float64Array[] = [
    Float64Array.from({ length: n + 1 }, (_, c) => -ORPHAN_COST * c - (c > 0 && c < n ? cutCost[c]! : 0)),
  ];
  const back: Int32Array[] = [];
  for (let i = 0; i < m; i++) {
    const row = new Float64Array(n + 1).fill(NONE);
    const from = new Int32Array(n + 1).fill(-1);
    for (let c = lo[i]!; c <= hi[i]!; c++)
      for (let a = lo[i]!; a <= c; a++) {
        const prev = fwd[i]![a]!;
        if (prev === NONE) continue;
        const s = prev + take(i, a, c) - tail(i, c);
        if (s > row[c]!) {
          row[c] = s;
          from[c] = a;
        }
      }
    fwd.push(row);
    back.push(from);
  }
  // bwd[i][c]: best score of anchors i..m-1 when the run of anchor i starts at c; what follows the last is orphaned.
  const bwd: Float64Array[] = new Array(m + 1);
  bwd[m] = Float64Array.from({ length: n + 1 }, (_, c) => -ORPHAN_COST * (n - c));
  for (let i = m - 1; i >= 0; i--) {
    const row = new Float64Array(n + 1).fill(NONE);
    for (let a = lo[i]!; a <= hi[i]!; a++)
      for (let c = a; c <= hi[i]!; c++) {
        const s = take(i, a, c) - tail(i, c) + bwd[i + 1]![c]!;
        if (s > row[a]!) row[a] = s;
      }
    bwd[i] = row;
  }
  let end = 0;
  let best = NONE;
  for (let c = 0; c <= n; c++) {
    const s = fwd[m]![c]! + bwd[m]![c]!;
    if (s > best) {
      best = s;
      end = c;
    }
  }
  const cuts = new Array<number>(m + 1);
  cuts[m] = end;
  for (let i = m; i > 0; i--) cuts[i - 1] = back[i - 1]![cuts[i]!]!;
  const rival = (i: number): number => {
    let r = NONE;
    for (let a = lo[i]!; a <= hi[i]!; a++) {
      const before = fwd[i]![a]!;
      if (before === NONE) continue;
      for (let c = a; c <= hi[i]!; c++) {
        if (a === cuts[i] && c === cuts[i + 1]) continue;
        const s = before + take(i, a, c) - tail(i, c) + bwd[i + 1]![c]!;
        if (s > r) r = s;
      }
    }
    return r;
  };
  return { best, cuts, order, rival };
}

interface Windows {
  lo: number[];
  hi: number[];
}

/**
 * Where each anchor's run can lie: between the places of the anchors before
 * and after it. Reading order keeps a body next to its headline, and this
 * keeps the search linear in the page's length.
 */
function windows(anchors: Anchor[], n: number): Windows {
  const places = [...new Set(anchors.map((a) => a.at))].sort((x, y) => x - y);
  return {
    lo: anchors.map((a) => places.filter((p) => p < a.at).at(-1) ?? 0),
    hi: anchors.map((a) => places.find((p) => p > a.at) ?? n),
  };
}

/** Indexes of anchors standing together (same place, no paragraph between), two or more. */
function groups(anchors: Anchor[]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < anchors.length; ) {
    let j = i;
    while (j + 1 < anchors.length && anchors[j + 1]!.at === anchors[i]!.at && !anchors[j + 1]!.lead) j++;
    if (j > i && !anchors[i]!.lead) out.push(Array.from({ length: j - i + 1 }, (_, k) => i + k));
    i = j + 1;
  }
  return out;
}

/** Anchor i is no lead's and stands at a place of its own: no other headline stands with it. */
const anchorAlone = (anchors: Anchor[], i: number): boolean =>
  !anchors[i]!.lead &&
  (i === 0 || anchors[i - 1]!.at !== anchors[i]!.at) &&
  (i + 1 >= anchors.length || anchors[i + 1]!.at !== anchors[i]!.at);

/**
 * Anchors each standing alone, one after another (up to MAX_NESTED), with the anchors at the next place after them
 * (headlines set under bodies, none of them the lead's): the modules they head may have been read between those
 * headlines and their bodies.
 */
function nestings(anchors: Anchor[]): Array<{ inner: number[]; group: number[] }> {
  const out: Array<{ inner: number[]; group: number[] }> = [];
  for (let last = 0; last + 1 < anchors.length; last++) {
    const at = anchors[last + 1]!.at;
    const group: number[] = [];
    for (let j = last + 1; j < anchors.length && anchors[j]!.at === at && !anchors[j]!.lead; j++) group.push(j);
    if (!group.length || group.length > MAX_PERMUTED) continue;
    // (The group's first headlines only may be the ones after the bodies read before the module between: the rest
    // may head the text under them.)
    for (let first = last; first >= 0 && last - first < MAX_NESTED && anchorAlone(anchors, first); first--)
      for (let size = group.length; size >= 1; size--)
        out.push({ inner: Array.from({ length: last - first + 1 }, (_, k) => first + k), group: group.slice(0, size) });
  }
  return out;
}
/**
 * The last of two or more headlines standing together (none the lead's), with the anchors each standing alone right
 * after them (up to MAX_NESTED): the modules those head may have been read between the first headline's body and
 * the last one's.
 */
function nestingsBefore(anchors: Anchor[]): Array<{ inner: number[]; later: number }> {
  const out: Array<{ inner: number[]; later: number }> = [];
  for (const group of groups(anchors)) {
    const later = group.at(-1)!;
    for (
      let last = later + 1;
      last < anchors.length && last - later <= MAX_NESTED && anchorAlone(anchors, last);
      last++
    )
      out.push({ inner: Array.from({ length: last - later }, (_, k) => later + 1 + k), later });
  }
  return out;
}
/** Modules read between another module's bodies and the headlines under them, at most (each costs NESTED_COST). */
const MAX_NESTED = 3;

/** Pairs of a permutation out of order. */
const inversions = (perm: number[]): number =>
  perm.reduce((k, x, i) => k + perm.slice(i + 1).filter((y) => y < x).length, 0);

function permutations(items: number[]): number[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((p) => [x, ...p]));
}

/** Scores of runs for one anchor inside its window [lo, hi], from prefix sums over those paragraphs. */
function runScorer(
  paras: SegParagraph[],
  anchor: Anchor,
  near: { names: string[]; words: string[] },
  lo: number,
  hi: number,
  df: Map<string, number>,
): (from: number, to: number) => number {
  const n = paras.length;
  const names = anchor.names.filter((s) => s.length >= 2);
  // Paragraphs of the window before lo + k that have one of the terms. Names in a sign-off
  // (`…本报记者李清和采访整理`) belong to the article it closes, whoever its byline names.
  const counted = (terms: string[]) => {
    const sum = new Int32Array(hi - lo + 1);
    for (let k = lo; k < hi; k++) {
      const p = paras[k]!;
      sum[k - lo + 1] = sum[k - lo]! + (!p.signoff && terms.some((t) => p.text.includes(t)) ? 1 : 0);
    }
    return sum;
  };
  const naming = counted(names);
  const signoffs = new Int32Array(hi - lo + 1);
  for (let k = lo; k < hi; k++) signoffs[k - lo + 1] = signoffs[k - lo]! + (paras[k]!.signoff ? 1 : 0);
  const foreignNaming = counted(near.names.filter((s) => s.length >= 2));
  const words = anchor.headlineWords.filter((w) => [...w].length >= 2 && (df.get(w) ?? 0) > 0);
  const wordCounts = words.map((w) => counted([w]));
  const rarity = (w: string) => Math.log(1 + n / df.get(w)!) / Math.log(1 + n);
  const weight = words.map((w) => HEADLINE_WORD * rarity(w));
  // Each paragraph leans to the headline whose rare words it uses: its own (+1) or a neighbour's (-1).
  const rare = (w: string) => [...w].length >= 2 && (df.get(w) ?? 0) > 0 && df.get(w)! <= RARE_SHARE * n;
  const ownRare = words.filter(rare);
  const otherRare = near.words.filter(rare);
  const lean = new Float64Array(hi - lo + 1);
  for (let k = lo; k < hi; k++) {
    const text = paras[k]!.text;
    const score = (ws: string[]) => ws.reduce((x, w) => x + (text.includes(w) ? rarity(w) : 0), 0);
    const v = Math.max(-1, Math.min(1, score(ownRare) - score(otherRare)));
    lean[k - lo + 1] = lean[k - lo]! + v;
  }
  const mine = new Set(names);
  return (from, to) => {
    const [f, t] = [from - lo, to - lo];
    let s = Math.min(NAME_MAX, NAME_FOUND * (naming[t]! - naming[f]!));
    if (naming[f + 1]! > naming[f]!) s += NAME_OPENS;
    s -= Math.min(NAME_MAX, OTHER_NAME * (foreignNaming[t]! - foreignNaming[f]!));
    let h = 0;
    wordCounts.forEach((sum, j) => {
      if (sum[t]! > sum[f]!) h += weight[j]!;
    });
    s += Math.min(HEADLINE_MAX, h);
    s += TOPIC_LEAN * (lean[t]! - lean[f]!);
    if (t > f) s -= SIGNOFF_INSIDE * (signoffs[t - 1]! - signoffs[f]!);
    const dl = paras[from]?.dateline;
    if (dl?.length) s += dl.some((x) => mine.has(x)) ? DATELINE_MINE : DATELINE_OTHERS;
    return s;
  };
}

/**
 * Per paragraph boundary k, how sharply the topic changes there, 0-1: the
 * rare words of the SHIFT_WINDOW paragraphs before it against those after,
 * as a cosine, measured against the page's mean (TextTiling, Hearst 1997).
 */
function topicShifts(paras: SegParagraph[]): Float64Array {
  const n = paras.length;
  const sims = new Float64Array(n + 1);
  const union = (from: number, to: number) => {
    const out = new Set<string>();
    for (let k = Math.max(0, from); k < Math.min(n, to); k++) for (const w of paras[k]!.words) out.add(w);
    return out;
  };
  let total = 0;
  for (let k = 1; k < n; k++) {
    const [a, b] = [union(k - SHIFT_WINDOW, k), union(k, k + SHIFT_WINDOW)];
    sims[k] = a.size && b.size ? shared(a, b) / Math.sqrt(a.size * b.size) : 0;
    total += sims[k]!;
  }
  const mean = n > 1 ? total / (n - 1) : 0;
  // Where paragraphs everywhere share their words (a page of word banks), a dip says nothing.
  const telling = Math.min(1, Math.max(0, (SHIFT_NOISE - mean) / (SHIFT_NOISE - SHIFT_CLEAR)));
  const out = new Float64Array(n + 1);
  for (let k = 1; k < n; k++) out[k] = mean > 0 ? (telling * Math.max(0, mean - sims[k]!)) / mean : 0;
  return out;
}

/**
 * Per paragraph boundary k, how clearly the voice changes there, 0-1: the share of the SHIFT_WINDOW paragraphs on one
 * side that speak in the first person, where none on the other side does (an essay after a report, or before one).
 */
function voiceShifts(paras: SegParagraph[]): Float64Array {
  const n = paras.length;
  const share = (from: number, to: number) => {
    const [a, b] = [Math.max(0, from), Math.min(n, to)];
    let k = 0;
    for (let i = a; i < b; i++) if (paras[i]!.firstPerson) k++;
    return b > a ? k / (b - a) : 0;
  };
  const out = new Float64Array(n + 1);
  for (let k = 1; k < n; k++) {
    const [before, after] = [share(k - SHIFT_WINDOW, k), share(k, k + SHIFT_WINDOW)];
    const voiced = Math.max(before, after);
    out[k] = Math.min(before, after) === 0 && voiced >= VOICE_CLEAR - 1e-9 ? voiced : 0;
  }
  return out;
}

function shared(a: Set<string>, b: Set<string>): number {
  let k = 0;
  for (const w of a) if (b.has(w)) k++;
  return k;
}
