/**
 * Body fragments for `interleave.ts`: the page's paragraphs cut where the
 * extractor set lines apart (a blank line: a block of its own, often one
 * column of one module), each with the item the contiguous runs gave it and
 * the cues of how it starts and ends; and, once every fragment has its
 * item, the item's paragraphs again.
 */
import { endsSentence } from '../text/chars.js';
import { FIRST_LINE_SHORT, keptIndent } from '../text/line-reading.js';
import { type WordSegmenter, wordsOf } from '../text/segmenter.js';
import { isDatelineStart, looksLikeName, parseDateline, parseSignoff } from './classify.js';
import { type Jumps, jumpBetween } from './furniture.js';
import { spansJoin } from './headlines.js';
import type { FragmentCues, FragmentEnd, FragmentStart, ItemCues } from './interleave.js';
import { type CleanLine, runsOn } from './lines.js';
import { joinText, type Paragraph } from './paragraphs.js';

/** A paragraph's lines inside one fragment. */
interface Piece {
  para: number;
  lines: CleanLine[];
  /** The paragraph starts with this piece. */
  first: boolean;
  /** Its place in the page's order of pieces. */
  seq: number;
}

export interface Fragment {
  pieces: Piece[];
  /** The item (anchor index) the contiguous runs gave it, -1 for none. */
  label: number;
}

/** What the cues need to know of an item. */
export interface ItemIdentity {
  /** The paragraph its anchor (headline, byline) stands before. */
  at: number;
  names: string[];
  headlineWords: string[];
  /** How sure the runs were of its body (0-1). */
  sure: number;
}

/**
 * Paragraphs → fragments. A fragment ends where a blank line stands (when the
 * extractor sets its blocks apart: `apart`), where an anchor stands, and
 * where the runs change item.
 */
export function bodyFragments(
  paras: Paragraph[],
  labels: number[],
  anchorAt: Set<number>,
  apart: boolean,
  jumps: Jumps,
): Fragment[] {
  const all = paras.flatMap((p) => p.lines);
  const jumpLines = [...jumps.out, ...jumps.in];
  // A line standing alone between blank lines: where every line does, blank lines set nothing apart.
  const lone = all.map((l, j) => l.blankBefore && (j + 1 === all.length || all[j + 1]!.blankBefore));
  const out: Fragment[] = [];
  let seq = 0;
  let j = 0;
  paras.forEach((p, para) => {
    p.lines.forEach((line, k) => {
      const cur = out.at(-1);
      const setApart = apart && line.blankBefore && !(j > 0 && lone[j - 1] && lone[j]);
      // (A jump line ends what goes on elsewhere, or starts what came from elsewhere.)
      const jumped = j > 0 && jumpBetween(jumpLines, all[j - 1]!.no, line.no);
      if (!cur || cur.label !== labels[para] || (k === 0 && anchorAt.has(para)) || setApart || jumped)
        out.push({ pieces: [], label: labels[para]! });
      const frag = out.at(-1)!;
      const piece = frag.pieces.at(-1);
      if (piece && piece.para === para) piece.lines.push(line);
      else frag.pieces.push({ para, lines: [line], first: k === 0, seq: seq++ });
      j++;
    });
  });
  return out;
}

/** A line this close to the measure (ems) is full: no paragraph's first line (indented 2 em) nor last. */
const FULL_LINE = 1;
/**
 * A first line's indent, less what justification and compressed marks take: a line this short may be one (up to
 * FIRST_LINE_SHORT).
 */
const INDENT_MIN = 1.5;
/** How much a first line's shape says: full (mid-paragraph), or indented (a paragraph's start). */
const BY_SHAPE = 0.5;
const BY_INDENT = 0.7;
/** A fragment of this many lines tells its own measure. */
const OWN_MEASURE_LINES = 3;
/** Column lines: this share of them within an indent of the measure. */
const COLUMN_SHARE = 0.6;
/** A headline's words say what its article is about: each counts as often as this in the item's topic. */
const HEADLINE_WEIGHT = 3;
/** Characters either side of a join that a word across it is looked for in. */
const JOIN_REACH = 6;
/**
 * A person introduced by their title, then speaking or set off by a mark (`东州市政协秘书长李清和认为`,
 * `党总支书记王建国说`), or by name (`这位农民名叫李清和，`): the title, a name of two or three characters, what follows it.
 */
const TITLES =
  '委员|秘书长|主任|书记|校长|院长|教授|局长|县长|市长|省长|区长|镇长|村长|部长|处长|所长|站长|厂长|经理|董事长|' +
  '总裁|主席|研究员|负责人|工程师|医生|老师|队长|社长|馆长|会长|理事长|主编|村民|居民|种植户|创始人';
const AFTER_NAME = '说|表示|认为|建议|介绍|告诉|坦言|指出|提到|强调|看来|委员|代表|同志|[，。：、（“]';
const INTRODUCED = new RegExp(`(?:${TITLES}|名叫)(\\p{Script=Han}{2,3}?)(?=${AFTER_NAME})`, 'gu');

/** The names of the people the page's text introduces by their title. */
export function introducedPeople(texts: string[]): string[] {
  const out = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(INTRODUCED)) if (looksLikeName(m[1]!)) out.add(m[1]!);
  return [...out];
}

/** Each fragment's cues. `opens`: paragraphs under a headline that stands above its body. */
export function fragmentCues(
  frags: Fragment[],
  paras: Paragraph[],
  items: ItemIdentity[],
  opens: Set<number>,
  jumps: Jumps,
  words?: WordSegmenter,
): { cues: FragmentCues[]; items: ItemCues[]; spans: (a: number, b: number) => boolean } {
  const texts = frags.map((f) => f.pieces.flatMap((p) => p.lines.map((l) => l.text)).join(''));
  const wordLists = texts.map((t) => wordsOf(t, words));
  const wordSets = wordLists.map((l) => new Set(l));
  const df = new Map<string, number>();
  for (const s of wordSets) for (const w of s) df.set(w, (df.get(w) ?? 0) + 1);
  // tf-idf: a word in every fragment says nothing of which item one belongs to.
  const idf = (w: string) => Math.log((frags.length + 1) / ((df.get(w) ?? 0) + 1));
  const topicOf = (ws: string[]) => {
    const t = new Map<string, number>();
    for (const w of ws) if (idf(w) > 0) t.set(w, (t.get(w) ?? 0) + idf(w));
    return t;
  };

  // Who each fragment introduces, and so everyone the page introduces.
  const introducedIn = texts.map((t) => introducedPeople([t]));
  const people = [...new Set(introducedIn.flat())];
  const cues = frags.map((f, k): FragmentCues => {
    const measure = measureOf(f);
    const head = f.pieces[0]!;
    const tail = f.pieces.at(-1)!;
    const firstLine = head.lines[0]!;
    const lastLine = tail.lines.at(-1)!;
    const names = new Set<number>();
    items.forEach((it, i) => {
      if (it.names.some((n) => n.length >= 2 && texts[k]!.includes(n))) names.add(i);
    });
    let dateline: number | null = null;
    if (head.first && isDatelineStart(firstLine.text)) {
      const dl = parseDateline(texts[k]!)?.names ?? [];
      dateline = items.findIndex((it) => dl.some((n) => it.names.includes(n)));
    }
    const before = k > 0 ? frags[k - 1]!.pieces.at(-1)!.lines.at(-1)!.no : undefined;
    const after = k + 1 < frags.length ? frags[k + 1]!.pieces[0]!.lines[0]!.no : undefined;
    const stub = ONE_CHARACTER_CLAUSE.test(firstLine.text);
    return {
      label: f.label,
      ...(stub ? { stub } : {}),
      ...(CLAUSE_END.test(lastLine.text) ? { atMark: true } : {}),
      ...(jumpBetween(jumps.in, before, firstLine.no) ? { jumpsIn: true } : {}),
      ...(jumpBetween(jumps.out, lastLine.no, after) ? { jumpsOut: true } : {}),
      start: startOf(head, measure, dateline !== null),
      ...(head.first && opens.has(head.para) ? { opens: true } : {}),
      ...readBeforeHeadline(frags[k + 1], items, opens),
      end: endOf(lastLine, paras[tail.para]!, measure),
      signedOff: parseSignoff(paras[tail.para]!.text) !== null,
      topic: topicOf(wordLists[k]!),
      names,
      dateline,
      measure,
      people: new Set(people.filter((p) => texts[k]!.includes(p))),
      introduces: new Set(introducedIn[k]),
    };
  });
  const itemCues = items.map((it) => ({
    topic: topicOf(it.headlineWords.flatMap((w) => Array(HEADLINE_WEIGHT).fill(w))),
    sure: it.sure,
  }));
  const spans = (a: number, b: number): boolean => {
    if (!words) return false;
    const left = texts[a]!.slice(-JOIN_REACH).replace(/^.*[^\p{Script=Han}]/u, '');
    const right = texts[b]!.slice(0, JOIN_REACH).replace(/[^\p{Script=Han}].*$/u, '');
    return left !== '' && right !== '' && spansJoin(left, right, words);
  };
  return { cues, items: itemCues, spans };
}

/**
 * Text that opens on one character and a mark (`性。开展了…`) ends a clause begun elsewhere: after a mark it would be a
 * clause of one character (`…会议、` / `性。`), which Chinese prose does not write.
 */
const ONE_CHARACTER_CLAUSE = /^\p{Script=Han}[。，、；：！？]/u;
/** A clause's mark ends the text (a sentence's end is judged by how the next text starts: `start`). */
const CLAUSE_END = /[，、；：]$/;

/** The item whose headline, set above its body, the extractor read right after this fragment (the next opens it). */
function readBeforeHeadline(next: Fragment | undefined, items: ItemIdentity[], opens: Set<number>) {
  const head = next?.pieces[0];
  if (!head?.first || !opens.has(head.para)) return {};
  const item = items.findIndex((it) => it.at === head.para);
  return item >= 0 ? { beforeHeadline: item } : {};
}

function startOf(piece: Piece, measure: number | null, dateline: boolean): FragmentStart {
  const line = piece.lines[0]!;
  if (dateline || keptIndent(line)) return -1;
  if (runsOn([...line.text][0] ?? '')) return 1;
  const judged = piece.first ? 0 : BY_SHAPE;
  if (measure === null) return judged;
  if (line.width >= measure - FULL_LINE) return BY_SHAPE;
  const short = measure - line.width;
  // Indented: a paragraph's first line, unless digits or Latin letters measured it wrong.
  if (short >= INDENT_MIN && short <= FIRST_LINE_SHORT) return -BY_INDENT;
  // Shorter still: a paragraph's last line, or a line of its own; the paragraph cues said which.
  return judged;
}

/**
 * The piece's first line fills its measure with no room for an indent however its marks were set: it goes on from
 * the text before it (a sentence that ended at a column's foot, the column read elsewhere), and starts no paragraph.
 */
const fullFirst = (piece: Piece, measure: number | null): boolean =>
  measure !== null && measure - piece.lines[0]!.minWidth < INDENT_MIN && measure - piece.lines[0]!.width < FULL_LINE;

/**
 * The fragment's measure when its lines are column lines (most of them as wide as the widest but a few), or
 * null: too few lines to tell, or an extractor that writes a paragraph to a line (MuPDF) left no line shape.
 */
function measureOf(f: Fragment): number | null {
  const widths = f.pieces.flatMap((p) => p.lines.map((l) => l.width)).sort((a, b) => a - b);
  if (widths.length < OWN_MEASURE_LINES) return null;
  const measure = widths[Math.floor((widths.length * 3) / 4)]!;
  return isColumnSet(widths, measure) ? measure : null;
}

/** Most lines within a first line's indent of the measure: lines of a column, not paragraphs. */
const isColumnSet = (widths: number[], measure: number) =>
  widths.filter((w) => Math.abs(measure - w) <= FIRST_LINE_SHORT).length >= COLUMN_SHARE * widths.length;

function endOf(line: CleanLine, para: Paragraph, measure: number | null): FragmentEnd {
  if (parseSignoff(para.text)) return 'closed';
  const full = measure === null || line.width >= measure - FULL_LINE;
  // A column stops mid-sentence on a full line; a short line without a sentence's end is a heading's.
  if (!endsSentence(line.text)) return full ? 'open' : 'either';
  return full ? 'either' : 'closed';
}

/**
 * The paragraphs of fragments placed together, in page order. Pieces that
 * were neighbours on the page join as they did; a fragment brought next to
 * another joins it when the first stops mid-sentence and the second does not
 * start afresh.
 */
export function paragraphsOf(
  frags: Fragment[],
  chosen: number[],
  paras: Paragraph[],
  cues: FragmentCues[],
): Paragraph[] {
  const out: Paragraph[] = [];
  let prev: Piece | null = null;
  for (const f of chosen)
    frags[f]!.pieces.forEach((piece, k) => {
      const adjacent = prev !== null && piece.seq === prev.seq + 1;
      const join = adjacent
        ? !piece.first || paras[piece.para]!.soft === true
        : prev !== null &&
          k === 0 &&
          ((!endsSentence(prev.lines.at(-1)!.text) && cues[f]!.start >= 0) || fullFirst(piece, cues[f]!.measure));
      if (join) {
        const last = out.at(-1)!;
        out[out.length - 1] = {
          ...last,
          lines: [...last.lines, ...piece.lines],
          text: piece.lines.reduce((t, l) => joinText(t, l.text), last.text),
          // A soft paragraph joined again brings the doubt of its junction.
          doubts: last.doubts + (piece.first ? paras[piece.para]!.doubts : 0),
        };
      } else {
        const p = paras[piece.para]!;
        out.push({ ...p, lines: piece.lines, text: piece.lines.map((l) => l.text).reduce(joinText) });
      }
      prev = piece;
    });
  return out;
}
