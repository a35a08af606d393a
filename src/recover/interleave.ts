/**
 * Bodies read out of order. An extractor that reads a page by its blocks
 * (pdftotext's default) can interleave the columns of modules set side by
 * side: a piece of the lead's last column between two pieces of another
 * article, one article's second column after its neighbour's first. The
 * contiguous runs of `segment.ts` are the start; here each fragment (a run
 * of lines the extractor set apart) may move to another item, alone or with
 * its neighbours in the item, or trade items with a fragment near it,
 * keeping the order the extractor gave (but for a module's last column read
 * before its first), when the cues say so. The strongest cue is how
 * fragments fit end to start: a column that stops mid-sentence goes on in a
 * fragment that starts mid-sentence, often mid-word; the surest, a jump line
 * (`下转第2版` … `上接第1版`). Topic words, the byline's names, datelines, the
 * measure a module sets its columns to and the people a story introduces
 * count too.
 */

/** How a fragment ends: mid-sentence, at a paragraph's short last line, or at a full line that ends a sentence. */
export type FragmentEnd = 'open' | 'closed' | 'either';
/**
 * How surely it starts mid-paragraph, from -1 (a dateline, an indent the extractor kept: a paragraph's start)
 * to 1 (a closing mark: mid-sentence); the shape of its first line says less either way.
 */
export type FragmentStart = number;

export interface FragmentCues {
  /** The item (anchor index) the contiguous runs gave it, -1 for none. */
  label: number;
  start: FragmentStart;
  end: FragmentEnd;
  /** It ends with a sign-off (`（摘编自《东州日报》）`): an article's last words, not a paragraph's. */
  signedOff: boolean;
  /** Its words, each weighted by how rare it is on the page (tf-idf): its topic. */
  topic: Map<string, number>;
  /** Items whose byline names or places it mentions. */
  names: Set<number>;
  /** Opens with a dateline: the item whose reporters it names (-1: another's, or none known); null: no dateline. */
  dateline: number | null;
  /** The width its column lines are set to (ems), or null where its lines do not tell. */
  measure: number | null;
  /** People it names who are introduced somewhere on the page by their title (`副秘书长张芳` … `张芳建议`). */
  people: Set<string>;
  /** Of those, the people it introduces itself (by title, or `名叫…`). */
  introduces?: Set<string>;
  /** It opens on one character and a mark (`性。…`): the end of a clause begun in the fragment before it. */
  stub?: boolean;
  /** It ends on a clause's mark (`，`, `、`). */
  atMark?: boolean;
  /** A jump line (`下转第2版`) under it: its article goes on on another page. */
  jumpsOut?: boolean;
  /** A jump line (`上接第1版`) over it: it goes on from a column that jumped. */
  jumpsIn?: boolean;
  /** It stands right under a headline (and byline) set above its body: it opens that article. */
  opens?: boolean;
  /**
   * The item whose headline (set above its body) the extractor read right after it: pdftotext reads a module's
   * last columns, where they stop short of the module's foot, before its headline.
   */
  beforeHeadline?: number;
}

export interface ItemCues {
  /** The words of its headline, weighted as a fragment's are. */
  topic: Map<string, number>;
  /** How sure the contiguous runs were of its body (0-1). */
  sure: number;
}

export interface Interleaving {
  labels: number[];
  /** Per fragment: how much worse its best other item would be (0 when it could go either way). */
  margins: number[];
}

// Named costs, in the units of segment.ts ("one clear cue").
/** A fragment ending mid-sentence followed, in its item, by one starting mid-sentence. */
const JOIN_FITS = 2;
/** A word runs across that join (`…全链` / `条责任…`): the two were one line of text. */
const JOIN_SPANS_WORD = 2;
/** A join that makes a clause of one character (`…会议、` + `性。…`): the stub's clause began elsewhere. */
const JOIN_STUB_CLAUSE = 2;
/** A sentence cut off (an open end followed by a fresh start), or a paragraph's middle after its end. */
const JOIN_BROKEN = 3;
/** A clean paragraph boundary between two fragments. */
const JOIN_CLEAN = 0.5;
/** An item whose text starts mid-sentence, or ends mid-sentence. */
const STARTS_MIDWAY = 3;
const ENDS_MIDWAY = 3;
/** An item with no fragment at all. */
const EMPTY = 8;
/** Reading an item's fragments in another order than the extractor's. */
const REORDERED = 1;
/**
 * A column that jumped (`下转第2版`) goes on in the text taken up after a jump line (`上接第1版`): the page says so
 * outright. Taken up anywhere else, that text is out of its place.
 */
const JUMP_TAKEN_UP = 4;
const JUMP_ASTRAY = 3;
/** A fragment in no item. */
const ORPHAN = 2.5;
/** A dateline opens an article: one inside an item's text is another article's start. */
const DATELINE_INSIDE = 3;
const DATELINE_MINE = 3;
/** A sign-off closes an article: text after one in an item's text is another article's (a column read past it). */
const SIGNOFF_INSIDE = 3;
/**
 * A module sets all its columns to one measure: each measure of an item's fragments past the first costs this
 * (a column of another width read into it is another module's).
 */
const MIXED_MEASURES = 2.5;
/**
 * Measures this close are one: justification and compressed marks move a column's widest lines, and an
 * extractor that writes a paragraph to a line (MuPDF) shows a wide column's measure only roughly.
 */
const SAME_MEASURE_EM = 1.5;
const SAME_MEASURE_SHARE = 0.08;
/** How like the rest of its item (headline and other fragments) a fragment's topic is: this much at cosine 1. */
const TOPIC_SCALE = 8;
/**
 * Articles whose topics are this alike (mean cosine) cannot be told apart by topic: the cue counts in full up
 * to TOPIC_CLEAR and fades to nothing at TOPIC_NOISE. Real pages' articles measure 0.01-0.10, the generator's
 * word banks 0.11-0.62.
 */
const TOPIC_CLEAR = 0.1;
const TOPIC_NOISE = 0.25;

/** Naming the item's byline (person or place), or another item's. */
const NAME_MINE = 1.5;
const NAME_OTHERS = 1;
/**
 * Naming a person another fragment of the item introduces: where a story introduces someone is where the columns
 * that come back to them belong (two fragments of another article naming the same person share them as well).
 */
const PERSON_INTRODUCED = 1;
/** Naming a person another fragment of the item names: a story comes back to the people it quotes. */
const PERSON_SHARED = 1.5;
/** Staying where the contiguous runs put it (as much as they were sure): reading order is right more often than not. */
const STAY = 1.5;
/** A move must gain this much: weak evidence does not reorder the extractor's text. */
const MIN_GAIN = 2;
/** Consecutive fragments of one item moved together (a piece of a column read into another article). */
const MAX_MOVED_TOGETHER = 6;
const MAX_ROUNDS = 30;
/** Steps weighed with what they open, each round: the best ones by their own gain. */
const LOOKAHEAD = 6;
/** A change of fragments' items: each fragment with its new item, and what the change gains. */
interface Step {
  gain: number;
  changes: Array<[number, number]>;
}
/** Fragments this close in the extractor's order may trade items: side-by-side columns are read near each other. */
const TRADE_REACH = 8;

/** The fragment standing under its headline opens the article: reading from it is this much likelier. */
const UNDER_HEADLINE = 1;
/**
 * A fragment read right before an article's headline, in that article (its last columns, read first). Most such
 * fragments end the article above, and their joins and topic say so; this tips only a close call.
 */
const BEFORE_ITS_HEADLINE = 2;

/**
 * The order of an item's fragments: the extractor's, or that order turned
 * to start at another fragment (a module's last column read before its
 * first), or with its signed-off column moved to the end (read among the
 * first ones), whichever reads best: starting afresh, or under the headline,
 * and ending a sentence, each column going on where the one before stopped.
 * It is changed only where the extractor's order ends mid-sentence, or to
 * start under the headline.
 */
export function readingOrder(frags: FragmentCues[], list: number[]): number[] {
  if (list.length < 2) return list;
  const endsOpen = frags[list.at(-1)!]!.end === 'open';
  const scoreOf = (order: number[]) => {
    const first = frags[order[0]!]!;
    const k = list.indexOf(order[0]!);
    // Turning to the headline's column after one read right before that headline is the extractor's order undone.
    const readBefore = k > 0 && first.opens && frags[list[k - 1]!]!.beforeHeadline !== undefined;
    let s = (order !== list && !readBefore ? -REORDERED : 0) + (first.opens ? UNDER_HEADLINE : 0);
    s -= STARTS_MIDWAY * Math.max(0, first.start) + (frags[order.at(-1)!]!.end === 'open' ? ENDS_MIDWAY : 0);
    for (let j = 1; j < order.length; j++) s += joinFit(frags[order[j - 1]!]!, frags[order[j]!]!);
    return s;
  };
  let best = list;
  let bestScore = scoreOf(list);
  const consider = (order: number[]) => {
    const s = scoreOf(order);
    if (s > bestScore) [best, bestScore] = [order, s];
  };
  for (let k = 1; k < list.length; k++) {
    if (!endsOpen && !frags[list[k]!]!.opens) continue;
    consider([...list.slice(k), ...list.slice(0, k)]);
  }
  // (Only a sign-off says a column ends the article: a column ending a sentence moved last cost more than it mended.)
  if (endsOpen)
    for (let k = 1; k < list.length - 1; k++)
      if (frags[list[k]!]!.signedOff) consider([...list.slice(0, k), ...list.slice(k + 1), list[k]!]);
  return best;
}

/** How well fragment h goes on from g, from how g ends and h starts (its words aside). */
function joinFit(g: FragmentCues, h: FragmentCues): number {
  if (g.jumpsOut && h.jumpsIn) return JUMP_TAKEN_UP;
  const [goesOn, fresh] = [Math.max(0, h.start), Math.max(0, -h.start)];
  if (g.end === 'open') return JOIN_FITS * goesOn - JOIN_BROKEN * fresh;
  if (g.end === 'closed') return JOIN_CLEAN * fresh - JOIN_BROKEN * goesOn;
  return 0;
}

export function interleave(
  frags: FragmentCues[],
  items: ItemCues[],
  spans: (a: number, b: number) => boolean,
): Interleaving {
  const labels = frags.map((f) => f.label);
  const m = items.length;
  if (m === 0 || frags.length < 2) return { labels, margins: frags.map(() => Infinity) };

  // How far topic tells articles apart on this page: articles on different subjects share few rare words.
  const alike = betweenItems(frags, items);
  const topicWeight = TOPIC_SCALE * Math.min(1, Math.max(0, (TOPIC_NOISE - alike) / (TOPIC_NOISE - TOPIC_CLEAR)));
  const joinScore = (a: number, b: number): number =>
    joinFit(frags[a]!, frags[b]!) +
    (frags[a]!.end === 'open' && spans(a, b) ? JOIN_SPANS_WORD : 0) -
    (frags[a]!.atMark && frags[b]!.stub ? JOIN_STUB_CLAUSE : 0);
  // An item's score depends only on its fragments: the search asks for the same lists round after round.
  const known = new Map<string, number>();
  const scoreOf = (item: number, inPageOrder: number[]): number => {
    const key = `${item}:${inPageOrder.join(',')}`;
    let s = known.get(key);
    if (s === undefined) known.set(key, (s = scoreOfList(item, inPageOrder)));
    return s;
  };
  const scoreOfList = (item: number, inPageOrder: number[]): number => {
    if (item < 0) return -ORPHAN * inPageOrder.length;
    if (inPageOrder.length === 0) return -EMPTY;
    const list = readingOrder(frags, inPageOrder);
    let s = list === inPageOrder ? 0 : -REORDERED;
    s -= STARTS_MIDWAY * Math.max(0, frags[list[0]!]!.start);
    if (frags[list.at(-1)!]!.end === 'open') s -= ENDS_MIDWAY;
    const likeness =
      topicWeight > 0
        ? topicLikeness(
            list.map((f) => frags[f]!.topic),
            items[item]!.topic,
          )
        : null;
    s -= MIXED_MEASURES * Math.max(0, distinctMeasures(list.map((f) => frags[f]!.measure)) - 1);
    const named = new Map<string, number>();
    for (const f of list) for (const p of frags[f]!.people) named.set(p, (named.get(p) ?? 0) + 1);
    const introducedBy = new Map<string, number>();
    for (const f of list) for (const p of frags[f]!.introduces ?? []) introducedBy.set(p, f);
    list.forEach((f, k) => {
      const c = frags[f]!;
      if ([...c.people].some((p) => named.get(p)! > 1)) s += PERSON_SHARED;
      if ([...c.people].some((p) => introducedBy.has(p) && introducedBy.get(p) !== f)) s += PERSON_INTRODUCED;
      if (k > 0) s += joinScore(list[k - 1]!, f) - (frags[list[k - 1]!]!.signedOff ? SIGNOFF_INSIDE : 0);
      if (c.jumpsIn && !(k > 0 && frags[list[k - 1]!]!.jumpsOut)) s -= JUMP_ASTRAY;
      if (likeness) s += topicWeight * likeness[k]!;
      if (c.beforeHeadline === item) s += BEFORE_ITS_HEADLINE;
      if (c.names.has(item)) s += NAME_MINE;
      else if (c.names.size) s -= NAME_OTHERS;
      if (c.dateline !== null) s += k === 0 ? (c.dateline === item ? DATELINE_MINE : 0) : -DATELINE_INSIDE;
      if (c.label === item) s += STAY * items[item]!.sure;
    });
    return s;
  };

  // Each item's fragments in page order, and its score, kept up to date as fragments move.
  let lists = new Map<number, number[]>();
  let scores = new Map<number, number>();
  const refresh = () => {
    lists = new Map(
      Array.from({ length: m + 1 }, (_, k) => [k - 1, labels.flatMap((l, f) => (l === k - 1 ? [f] : []))]),
    );
    scores = new Map([...lists].map(([item, list]) => [item, scoreOf(item, list)]));
  };
  /** The gain of giving fragments `moved` (all of one item now) to item `to`. */
  const gain = (moved: number[], to: number): number => {
    const from = labels[moved[0]!]!;
    const out = new Set(moved);
    const left = lists.get(from)!.filter((f) => !out.has(f));
    const joined = [...lists.get(to)!, ...moved].sort((a, b) => a - b);
    return scoreOf(from, left) + scoreOf(to, joined) - scores.get(from)! - scores.get(to)!;
  };

  /** The gain of fragments f and g (of two items) trading items. */
  const swapGain = (f: number, g: number): number => {
    const [a, b] = [labels[f]!, labels[g]!];
    const la = [...lists.get(a)!.filter((x) => x !== f), g].sort((x, y) => x - y);
    const lb = [...lists.get(b)!.filter((x) => x !== g), f].sort((x, y) => x - y);
    return scoreOf(a, la) + scoreOf(b, lb) - scores.get(a)! - scores.get(b)!;
  };

  /** Every move and trade that gains anything, as the labels it changes. */
  const steps = (): Step[] => {
    const out: Step[] = [];
    for (const [item, list] of lists) {
      // What the runs gave no item has no cue for one: the runs weighed every anchor that could take it.
      if (item < 0) continue;
      for (let a = 0; a < list.length; a++)
        for (let len = 1; a + len <= list.length; len++) {
          // (Or all the rest of it, however long: the text taken up after a jump line, read over several columns.)
          if (len > MAX_MOVED_TOGETHER && a + len < list.length) continue;
          const slice = list.slice(a, a + len);
          // The slice, or, for one fragment between others of the item, all but it: another item's fragments
          // read on both sides of one of this item's.
          const rest = [...list.slice(0, a), ...list.slice(a + len)];
          const inside = len === 1 && a > 0 && a + 1 < list.length && rest.length <= MAX_MOVED_TOGETHER;
          for (const moved of inside ? [slice, rest] : [slice])
            for (let to = 0; to < m; to++) {
              if (to === item) continue;
              const g = gain(moved, to);
              if (g > 0) out.push({ gain: g, changes: moved.map((f) => [f, to]) });
            }
        }
    }
    // Two fragments trading items (a column of each read into the other's place).
    for (let f = 0; f < labels.length; f++)
      for (let g = f + 1; g < labels.length && g <= f + TRADE_REACH; g++) {
        const [a, b] = [labels[f]!, labels[g]!];
        if (a < 0 || b < 0 || a === b) continue;
        const t = swapGain(f, g);
        if (t > 0)
          out.push({
            gain: t,
            changes: [
              [f, b],
              [g, a],
            ],
          });
      }
    return out.sort((x, y) => y.gain - x.gain);
  };
  const apply = (changes: Array<[number, number]>) => {
    const undo = changes.map(([f]) => [f, labels[f]!] as [number, number]);
    for (const [f, to] of changes) labels[f] = to;
    refresh();
    return undo;
  };

  const total = () => [...scores.values()].reduce((x, y) => x + y, 0);
  /**
   * From the runs' labels, step by step while a step gains enough: each round the best step, or (`ahead`) the best of
   * the few best weighed with the best step each opens: one column moved can leave its item ending mid-sentence until
   * another column comes to it. Either way can end on the better filling; both are tried.
   */
  const search = (ahead: boolean) => {
    labels.splice(0, labels.length, ...start);
    refresh();
    for (let round = 0; round < MAX_ROUNDS; round++) {
      let best: { worth: number; step: Step | null } = { worth: MIN_GAIN, step: null };
      for (const step of steps().slice(0, ahead ? LOOKAHEAD : 1)) {
        let worth = step.gain;
        if (ahead) {
          const undo = apply(step.changes);
          worth += Math.max(0, steps()[0]?.gain ?? 0);
          apply(undo);
        }
        if (worth > best.worth) best = { worth, step };
      }
      if (!best.step) break;
      apply(best.step.changes);
    }
    return { labels: [...labels], total: total() };
  };
  const start = [...labels];
  const greedy = search(false);
  const looked = search(true);
  // (The look-ahead's filling, as any move, only where it gains enough: the greedy one reads more like the runs.)
  labels.splice(0, labels.length, ...(looked.total > greedy.total + MIN_GAIN ? looked : greedy).labels);
  refresh();

  const margins = frags.map((_, f) => {
    let rival = Number.NEGATIVE_INFINITY;
    for (let to = -1; to < m; to++) if (to !== labels[f]) rival = Math.max(rival, gain([f], to));
    return Math.max(0, -rival);
  });
  return { labels, margins };
}

/** How many measures the known ones are: each group runs from its narrowest to what is the same as it. */
function distinctMeasures(measures: Array<number | null>): number {
  const known = measures.filter((m): m is number => m !== null).sort((a, b) => a - b);
  let groups = 0;
  let from = Number.NEGATIVE_INFINITY;
  for (const m of known)
    if (m - from > Math.max(SAME_MEASURE_EM, SAME_MEASURE_SHARE * m)) {
      groups++;
      from = m;
    }
  return groups;
}

type Vector = Map<string, number>;
const dotOf = (a: Vector, b: Vector) => {
  let d = 0;
  for (const [w, x] of a) d += x * (b.get(w) ?? 0);
  return d;
};
const normOf = (v: Vector) => Math.sqrt(dotOf(v, v));

/** For each fragment of an item: the cosine of its topic and the rest of the item's (headline and other fragments). */
function topicLikeness(topics: Vector[], headline: Vector): number[] {
  const sum = new Map(headline);
  for (const t of topics) for (const [w, x] of t) sum.set(w, (sum.get(w) ?? 0) + x);
  const sumNorm = dotOf(sum, sum);
  return topics.map((t) => {
    const dot = dotOf(t, sum);
    const self = dotOf(t, t);
    // |S − f|² = |S|² − 2 f·S + |f|²
    const rest = Math.sqrt(Math.max(0, sumNorm - 2 * dot + self));
    return self > 0 && rest > 0 ? (dot - self) / (Math.sqrt(self) * rest) : 0;
  });
}

/**
 * The mean cosine between the items' topics as the runs gave them: near 0 when the page's articles are on
 * different subjects.
 */
function betweenItems(frags: FragmentCues[], items: ItemCues[]): number {
  const vecs = items.map((it) => new Map(it.topic));
  for (const f of frags)
    if (f.label >= 0) for (const [w, x] of f.topic) vecs[f.label]!.set(w, (vecs[f.label]!.get(w) ?? 0) + x);
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < vecs.length; i++)
    for (let j = i + 1; j < vecs.length; j++) {
      const d = normOf(vecs[i]!) * normOf(vecs[j]!);
      if (d > 0) {
        sum += dotOf(vecs[i]!, vecs[j]!) / d;
        pairs++;
      }
    }
  return pairs ? sum / pairs : 0;
}
