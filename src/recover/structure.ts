/**
 * The page's blocks in extraction order: signatures (headline lines with a
 * byline, or with a dateline under them), the lead (headline with a deck,
 * a kicker, or standing first on the page), and the runs of body lines
 * between them. Nothing here assumes whether a headline comes before or
 * after its body; `segment.ts` decides that from the text.
 */
import { emWidth, endsSentence } from '../text/chars.js';
import { keptIndent } from '../text/line-reading.js';
import { type WordSegmenter, wordsOf } from '../text/segmenter.js';
import {
  type BylineParts,
  closesUnopened,
  isBoxLabel,
  isDatelineStart,
  isDeck,
  isHeadlineCandidate,
  leavesOpen,
  parseByline,
  parseDateline,
  parseSignoff,
  startsWithMark,
} from './classify.js';
import { endsBinding, headlineText, joinHeadlineLines, spansJoin } from './headlines.js';
import { runsOn, type SourceLine, withWidth } from './lines.js';
import { endEvidence } from './paragraphs.js';

/** A headline with what says who wrote it: a byline line, or the dateline that opens its body. */
export interface Signature {
  headline: SourceLine[];
  byline: SourceLine | null;
  parts: BylineParts | null;
}

export interface LeadBlock {
  kicker: SourceLine | null;
  headline: SourceLine[];
  deck: SourceLine | null;
  /** Its kicker and headline were read among its own columns: its text stands before them as well as after. */
  readInside?: boolean;
}

export type Block =
  | { kind: 'body'; lines: SourceLine[] }
  | { kind: 'signature'; sig: Signature }
  | { kind: 'lead'; lead: LeadBlock };

/** Headlines run to two lines, three when they are short ones. */
const MAX_HEADLINE_LINES = 3;
const SHORT_HEADLINE_LINE_EM = 14;
/** Lines within this many ems of each other are lines of one column. */
const COLUMN_LIKE = 1.5;
/** As COLUMN_LIKE, for a line with a number in it: digits are counted half an em, printed a little wider. */
const DIGITS_LIKE = 2.5;
/** A paragraph's first line is indented this many ems. */
const PARAGRAPH_INDENT = 2;
/** A lead's headline is set large: a line wider than this is no lead headline. */
const MAX_LEAD_HEADLINE_EM = 26;
/** Lines of a page, at most, where each stands alone: a broadsheet page extracts to a few thousand at most. */
const MAX_SEARCHED_LINES = 5000;
/** A headline's next line may be this much wider than the line it wrapped from (ems): marks set wide, a balance. */
const WRAP_WIDER = 2;

/** Line i runs on from the line above it: as wide, and the line above ends no sentence. */
function continuesColumn(lines: SourceLine[], i: number): boolean {
  const above = lines[i - 1]?.raw.trim();
  // (A sign-off, `（作者为…）`, is complete: what follows it starts afresh.)
  if (!above || endsSentence(above) || parseByline(above) || isDeck(above) || parseSignoff(above)) return false;
  return Math.abs(printedWidth(lines[i - 1]!.raw) - printedWidth(lines[i]!.raw)) <= COLUMN_LIKE;
}

/** Line i ends a column: it is as wide as the two lines above it in its block. */
function endsColumn(lines: SourceLine[], i: number): boolean {
  if (i < 2 || lines[i]!.blankBefore || lines[i - 1]!.blankBefore) return false;
  const w = (k: number) => printedWidth(lines[k]!.raw);
  return Math.abs(w(i) - w(i - 1)) <= COLUMN_LIKE && Math.abs(w(i - 1) - w(i - 2)) <= COLUMN_LIKE;
}

/** A line's width as printed: its text, and the ideographic spaces of a first line's indent the extractor kept. */
function printedWidth(raw: string): number {
  const indent = /^ *(\u3000+)/.exec(raw);
  return emWidth(raw.trim()) + (indent ? indent[1]!.length : 0);
}

/** A bracket left open runs over a few narrow lines at most (a sign-off `（作者为…，本报记者…采访整理）`). */
const MAX_BRACKET_LINES = 6;

/** Line i stands inside a round bracket opened on a line above it in the same block. */
function insideBracket(lines: SourceLine[], i: number): boolean {
  let text = '';
  for (let k = i - 1; k >= 0 && k >= i - MAX_BRACKET_LINES; k--) {
    text = lines[k]!.raw + text;
    if (lines[k]!.blankBefore) break;
  }
  return leavesOpen(text);
}

export function pageBlocks(lines: SourceLine[], words?: WordSegmenter): Block[] {
  const used = new Set<number>();
  const starts = new Map<number, Block>();
  const candidate = (i: number) => i >= 0 && i < lines.length && !used.has(i) && isHeadlineCandidate(lines[i]!.raw);
  const apart = blocksApart(lines);
  const solid = writesNoBlanks(lines);
  // A headline's first line may end at a clause (`“是乡亲们的支持，` / `让我们走到了今天”`) where it starts a
  // block of its own: a column line ending in a comma runs on from the line above it.
  const clauseLine = (i: number) => {
    if (i < 0 || i >= lines.length) return false;
    const text = lines[i]!.raw.trim();
    const starts = i === 0 || lines[i]!.blankBefore || endsSentence(lines[i - 1]!.raw);
    return starts && !used.has(i) && /[，、：,:]$/.test(text) && isHeadlineCandidate(text.slice(0, -1));
  };

  // A headline's last line may hold only what did not fit on the line above it (`…典型案` / `例`), in its block.
  const tailLine = (i: number) =>
    i > 0 && !used.has(i) && !lines[i]!.blankBefore && isHeadlineTail(lines[i]!.raw.trim()) && candidate(i - 1);

  /** Headline lines right above line `at`: a question or exclamation ends a headline, so nothing above it joins. */
  const headlineAbove = (at: number): number[] => {
    const out: number[] = [];
    const headlineLine = (i: number) => candidate(i) || (out.length > 0 ? clauseLine(i) : tailLine(i));
    for (let i = at - 1; headlineLine(i) && out.length < MAX_HEADLINE_LINES; i--) {
      // A question above ends it. (Not a blank line: MuPDF sets each line of a large headline apart.)
      if (out.length && /[？！?!][”’」』]?$/.test(lines[i]!.raw.trim())) break;
      // Nor the last line of a block above when the headline starts a block: a column's end (`通过不断完善公共服`).
      if (out.length && apart && lines[out[0]!]!.blankBefore && !lines[i]!.blankBefore) break;
      if (out.length === 2 && ![i, ...out].every((k) => emWidth(lines[k]!.raw.trim()) <= SHORT_HEADLINE_LINE_EM)) break;
      // Nor, where the extractor writes no blank lines, a line much narrower than the one under it in a run of
      // headline lines: a headline wraps onto a line no wider than the one it broke from where it breaks for room, so
      // the two are headlines of their own (grouped ones). Not after a body's last line: a headline broken between
      // phrases (`东州发布` / `农业机械行业服务指数`) may wrap onto a wider line.
      if (
        out.length &&
        solid &&
        printedWidth(lines[out[0]!]!.raw) > printedWidth(lines[i]!.raw) + WRAP_WIDER &&
        (candidate(i - 1) || tailLine(i - 1))
      )
        break;
      out.unshift(i);
    }
    // Its first line opens what it closes: `强整理）` ends a sign-off begun above.
    while (out.length && closesUnopened(headlineText(lines[out[0]!]!.raw))) out.shift();
    return out;
  };
  /** A signature of headline lines alone: its byline is in its dateline, or nowhere. */
  const headlineOnly = (headline: number[]): Block => ({
    kind: 'signature',
    sig: { headline: headline.map((i) => lines[i]!), byline: null, parts: null },
  });
  const take = (first: number, block: Block, indexes: number[]) => {
    for (const i of indexes) used.add(i);
    starts.set(first, block);
  };

  /** Line i is a block of its own, a whole phrase: what an extractor that reads a page's boxes out of order shows. */
  const alone = (i: number) => apart && isBlockOfItsOwn(lines, i) && isWhole(lines[i]!.raw);

  // The lead with a deck: `——…` right under its headline.
  lines.forEach((line, d) => {
    if (!isDeck(line.raw) || used.has(d)) return;
    const head = headlineAbove(d).slice(-2);
    if (head.length === 0 || !standsApart(lines, head, d, words)) return;
    const readInside = [...head, d].every(alone);
    const lead: LeadBlock = { kicker: null, headline: head.map((i) => lines[i]!), deck: line, readInside };
    take(head[0]!, { kind: 'lead', lead }, [...head, d]);
  });

  // Bylines: a byline mark or a role; a bare name only right under a headline.
  const headless: Array<{ b: number; sig: Signature }> = [];
  lines.forEach((line, b) => {
    // Inside a bracket begun above (`（作者为…，本` / `报记者李华采访` / `整理）`) is no byline.
    if (used.has(b) || insideBracket(lines, b)) return;
    let parts = parseByline(line.raw);
    const next = lines[b + 1]?.raw ?? '';
    // A bare name: under a headline (not under a column line), and not the second line of a headline whose
    // byline follows, unless it stands alone beside that byline (a row of bylines under a row of headlines).
    const inRow =
      apart &&
      line.blankBefore &&
      !!lines[b + 1]?.blankBefore &&
      (!!parseByline(next) || bareName(lines, b + 1, words));
    // Set apart from the headline above it and opening the block of text under it (two lines or more), a bare name
    // heads that text: the headline is another module's, read between (pairHeadless finds its own).
    let setApart = false;
    if (
      !parts &&
      candidate(b - 1) &&
      // (A row of headlines over it may be as wide as one another, as a column's lines are.)
      (inRow || (!continuesColumn(lines, b - 1) && !parseByline(next, true))) &&
      // (Over a dateline only standing alone: a row's first byline, the dateline's article the next headline's.)
      (!isDatelineStart(next) || bareName(lines, b, words))
    ) {
      parts = parseByline(line.raw, true);
      // A bare name that is a word of the dictionary (`方向`, the end of a wrapped subhead) is no name: names
      // segment into their characters. Nor is one that a word runs into from the line above (`…一时还难以完` / `全解决`:
      // 完全), the end of a wrapped paragraph.
      if (parts && words && nameIsAWord(parts, words)) parts = null;
      if (parts && words && spansJoin(headlineText(lines[b - 1]!.raw), headlineText(line.raw), words)) parts = null;
      setApart =
        apart &&
        line.blankBefore &&
        !inRow &&
        [b + 1, b + 2].every((k) => k < lines.length && !lines[k]!.blankBefore && !parseByline(lines[k]!.raw, true));
    }
    // A bare name standing alone after text, no name of it a word of the dictionary (as above): a byline read away
    // from its headline (modules side by side read as rows: headlines, bodies, then bylines).
    if (!parts && apart && b > 0 && !candidate(b - 1) && bareName(lines, b, words)) {
      headless.push({ b, sig: { headline: [], byline: line, parts: parseByline(line.raw, true)! } });
      used.add(b); // (no headline for the byline under it)
      return;
    }
    if (!parts) return;
    if (setApart) {
      headless.push({ b, sig: { headline: [], byline: line, parts } });
      return;
    }
    // A byline too long for its column, broken after its mark's line (`□ 东州市农业科学研究院作物栽培研究所` /
    // `副研究员 林秋实`): the two lines are one byline, and the headline stands above the first.
    const above = lines[b - 1];
    const joined =
      above && !used.has(b - 1) && startsWithMark(above.raw) && !parseByline(above.raw)
        ? parseByline(`${above.raw.trim()}${line.raw.trim()}`)
        : null;
    if (joined) {
      const head = headlineAbove(b - 1);
      const sig: Signature = {
        headline: head.map((i) => lines[i]!),
        byline: { ...above!, raw: above!.raw.trim() + line.raw.trim() },
        parts: joined,
      };
      if (head.length) take(head[0]!, { kind: 'signature', sig }, [...head, b - 1, b]);
      else {
        headless.push({ b: b - 1, sig });
        used.add(b);
      }
      return;
    }
    // Set apart from its byline, the last line of a column above is no headline (`…最长久的力量。` /
    // `东州人向来爱读书`, a column that goes on elsewhere).
    const over = headlineAbove(b);
    let head = apart && line.blankBefore && over.length && endsColumn(lines, over[0]!) ? [] : over;
    // A row of bylines under a row of headlines (modules side by side): the last headlines go one to each
    // byline after this one, in order.
    const row = bylineRow(lines, b, words);
    // (Each headline of the row standing alone: one ending in a question, which ends a headline, is one of them.)
    if (row.length && head.length && head.length <= row.length && head.every((i) => lonelyHeadline(lines, used, i))) {
      const more: number[] = [];
      for (
        let i = head[0]! - 1;
        i >= 0 && more.length + head.length <= row.length && lonelyHeadline(lines, used, i);
        i--
      )
        more.unshift(i);
      if (more.length + head.length === row.length + 1) head = [...more, ...head];
    }
    const mine = row.length > 0 && head.length > row.length ? head.slice(0, head.length - row.length) : head;
    const sig: Signature = { headline: mine.map((i) => lines[i]!), byline: line, parts };
    if (mine.length === 0) headless.push({ b, sig });
    else take(mine[0]!, { kind: 'signature', sig }, [...mine, b]);
    if (mine !== head)
      row.forEach((r, k) => {
        const h = head[mine.length + k]!;
        // A dateline in the row is its article's first line: body text, not taken.
        if (isDatelineStart(lines[r]!.raw)) return take(h, headlineOnly([h]), [h]);
        const parts = parseByline(lines[r]!.raw) ?? parseByline(lines[r]!.raw, true);
        const rowSig: Signature = { headline: [lines[h]!], byline: lines[r]!, parts };
        take(h, { kind: 'signature', sig: rowSig }, [h, r]);
      });
  });
  pairHeadless(lines, headless, used, take, starts, words);

  // Datelines: `本报北京1月7日电（记者…）` opens a body whose headline stands right above it.
  const datelines = lines.flatMap((line, t) => (!used.has(t) && isDatelineStart(line.raw) ? [t] : []));
  // Later datelines given one of the headlines grouped above an earlier one: they claim none read elsewhere (nor does
  // one with its headline right above it: `waiting`, below).
  const headed = new Set<number>();
  /**
   * The headline right above dateline t. Where blocks are set apart, lines run on from the column text above them, in
   * its block, are that column's foot (its next column starts under a dateline), not a headline.
   */
  const headlineOver = (t: number): number[] => {
    const head = headlineAbove(t);
    return head.length && apart && !lines[head[0]!]!.blankBefore && continuesColumn(lines, head[0]!) ? [] : head;
  };
  datelines.forEach((t, k) => {
    if (used.has(t)) return;
    const head = headlineOver(t);
    if (head.length === 0) return;
    // Headlines set apart one above another over as many datelined bodies, each body with no headline of its
    // own (short items whose headlines the extractor read together): one headline line to each, in order.
    const apartLines = apart && head.every((h, i) => i === 0 || lines[h]!.blankBefore);
    const taken = (from: number, to: number) => {
      for (let i = from; i < to; i++) if (used.has(i)) return true;
      return false;
    };
    /** Later datelined bodies, up to `most`, with no headline of their own and nothing taken before them. */
    const headlessAfter = (most: number): number[] => {
      const out: number[] = [];
      for (const d of datelines.slice(k + 1)) {
        if (out.length === most || headlineOver(d).length || taken(t + 1, d)) break;
        out.push(d);
      }
      return out;
    };
    // Or headlines of their own lines, each a block set apart, stacked above this one: one to each body, in order
    // (segment.ts weighs which goes with which).
    const stacked: number[][] = [];
    for (let top = head[0]!; apart && lines[top]!.blankBefore; top = stacked[0]![0]!) {
      const above = headlineAbove(top);
      if (!above.length || !lines[above[0]!]!.blankBefore) break;
      stacked.unshift(above);
    }
    const later = headlessAfter(stacked.length);
    if (stacked.length && later.length === stacked.length) {
      for (const d of later) headed.add(d);
      for (const group of [...stacked, head]) take(group[0]!, headlineOnly(group), group);
      return;
    }
    // Later datelined bodies that take one of these headline lines each.
    const sharers = apartLines ? headlessAfter(head.length - 1) : [];
    for (const d of sharers) headed.add(d);
    const mine = head.slice(0, head.length - sharers.length);
    take(mine[0]!, headlineOnly(mine), mine);
    for (const h of head.slice(mine.length)) take(h, headlineOnly([h]), [h]);
  });
  // A datelined body with no headline above it takes the lonely headline its text names, read elsewhere (modules
  // read out of order), which is put back above it.
  // (Where every line stands alone, as pdfminer writes them, every line is a candidate, read through the word
  // segmenter: a page's worth is quick, a text far longer than any page is not searched.)
  if (words && (apart || lines.length <= MAX_SEARCHED_LINES)) {
    // (Found before any is claimed: a claimed headline leaves the rest of its group grouped still.)
    const away = awayHeadlines(lines, used, words);
    /** A headline with no byline stands right above dateline t, only taken lines between (a row's bylines): its own. */
    const waiting = (t: number) => {
      for (let i = t - 1; i >= 0 && used.has(i); i--) {
        const block = starts.get(i);
        if (block) return block.kind === 'signature' && !block.sig.byline;
      }
      return false;
    };
    for (const t of datelines) {
      if (used.has(t) || starts.has(t) || headed.has(t) || waiting(t)) continue;
      const free = away.filter((head) => !head.some((i) => used.has(i)));
      const head = namedHeadline(lines, t, undefined, free, words);
      if (head !== undefined) take(t, headlineOnly(head), head);
    }
  }

  // A lead without a deck stands first on the page: its kicker, then its headline.
  if (![...starts.values()].some((b) => b.kind === 'lead')) {
    const first = lines.findIndex((_, i) => !used.has(i));
    // Not the first line of a column of body text.
    const width = (i: number) => emWidth(lines[i]?.raw.trim() ?? '');
    const column = (i: number) =>
      i + 2 < lines.length &&
      continuesColumn(lines, i + 2) &&
      !endsSentence(lines[i]!.raw) &&
      !endsSentence(lines[i + 1]!.raw) &&
      Math.abs(width(i) + PARAGRAPH_INDENT - width(i + 1)) <= COLUMN_LIKE;
    if (first >= 0 && candidate(first) && !starts.has(first) && !column(first)) {
      const two = candidate(first + 1) && !isBoxLabel(lines[first + 1]!.raw) && isKicker(lines, first, words);
      const lead: LeadBlock = two
        ? { kicker: lines[first]!, headline: [lines[first + 1]!], deck: null }
        : { kicker: null, headline: [lines[first]!], deck: null };
      take(first, { kind: 'lead', lead }, two ? [first, first + 1] : [first]);
    }
  }
  // Or a kicker and its headline read in among the columns (pdfminer reads a page's boxes out of order): two whole
  // phrases (no quote or bracket left open or closed from elsewhere, no word run across them), each set apart as a
  // block of its own, over a block of lines (not a line set apart, as where every line stands alone), with no byline
  // under them. Only where one such pair stands on the page.
  if (apart && ![...starts.values()].some((b) => b.kind === 'lead')) {
    const overBlock = (i: number) => i + 1 < lines.length && !lines[i + 1]!.blankBefore;
    const runsOn = (k: number) =>
      !!words && spansJoin(headlineText(lines[k]!.raw), headlineText(lines[k + 1]!.raw), words);
    const pairs = lines.flatMap((_, k) =>
      k + 2 < lines.length &&
      candidate(k) &&
      candidate(k + 1) &&
      alone(k) &&
      alone(k + 1) &&
      overBlock(k + 2) &&
      !isBoxLabel(lines[k + 1]!.raw) &&
      !runsOn(k) &&
      isKicker(lines, k, words)
        ? [k]
        : [],
    );
    if (pairs.length === 1) {
      const k = pairs[0]!;
      const lead: LeadBlock = { kicker: lines[k]!, headline: [lines[k + 1]!], deck: null, readInside: true };
      take(k, { kind: 'lead', lead }, [k, k + 1]);
    }
  }

  // A lead's deck set apart from its headline (a centred block read inside a column): a dash line standing
  // alone between two lines of one sentence. The lines around it are one block again.
  const rejoined = new Set<number>();
  const lead = [...starts.values()].find((b) => b.kind === 'lead');
  if (lead?.kind === 'lead' && !lead.lead.deck && !lead.lead.kicker && apart) {
    const d = lines.findIndex((l, i) => !used.has(i) && isDeck(l.raw) && splitsSentence(lines, i));
    if (d >= 0) rejoined.add(d + 1);
    // Or a dash line standing alone as a block of its own, as a centred deck read among the columns is, or on top of
    // a column's block.
    const deck =
      d >= 0
        ? d
        : lines.findIndex((l, i) => !used.has(i) && isDeck(l.raw) && (standsAlone(lines, i) || topsColumn(lines, i)));
    if (deck >= 0) {
      lead.lead.deck = lines[deck]!;
      used.add(deck);
    }
  }

  if (apart && !solid) keepHeadlinePairs(lines, starts, used);

  const blocks: Block[] = [];
  let run: SourceLine[] = [];
  const flush = () => {
    if (run.length) blocks.push({ kind: 'body', lines: run });
    run = [];
  };
  lines.forEach((line, i) => {
    const block = starts.get(i);
    if (block) {
      flush();
      blocks.push(block);
    }
    if (!used.has(i)) run.push(rejoined.has(i) ? { ...line, blankBefore: lines[i - 1]!.blankBefore } : line);
  });
  flush();
  return blocks;
}

/**
 * A one-line headline taken from a block of two lines set apart keeps the block's other line where nothing claimed
 * it: one headline broken between clauses (`东州建设港口` / `西湾发展物流`) that awayHeadlines reads as two articles'
 * grouped headlines, the second named by no body. Left, the line would run on into the body above it.
 */
function keepHeadlinePairs(lines: SourceLine[], starts: Map<number, Block>, used: Set<number>): void {
  const apartBlock = (first: number) =>
    lines[first]?.blankBefore && lines[first + 1] && !lines[first + 1]!.blankBefore && lines[first + 2]?.blankBefore;
  const free = (i: number) => headlineOnlyLine(lines, used, i) && isHeadlineCandidate(lines[i]!.raw);
  for (const block of starts.values()) {
    if (block.kind !== 'signature' || block.sig.headline.length !== 1) continue;
    const h = lines.indexOf(block.sig.headline[0]!);
    // Its line is the block's first, the second free, or its second, the first free.
    let pair: number[] | null = null;
    if (apartBlock(h) && free(h + 1)) pair = [h, h + 1];
    else if (apartBlock(h - 1) && free(h - 1)) pair = [h - 1, h];
    if (!pair) continue;
    block.sig.headline = pair.map((i) => lines[i]!);
    for (const i of pair) used.add(i);
  }
}

/**
 * Line i is a bare name standing alone, no name of it a word of the dictionary (names segment into their
 * characters): a byline read away from its headline.
 */
function bareName(lines: SourceLine[], i: number, words?: WordSegmenter): boolean {
  const bare = words && i < lines.length && isBlockOfItsOwn(lines, i) ? parseByline(lines[i]!.raw, true) : null;
  return !!bare && !nameIsAWord(bare, words!);
}

/** A name of the byline is one word of the dictionary (`方向`): no name, which segments into its characters. */
const nameIsAWord = (parts: { names: string[] }, words: WordSegmenter): boolean =>
  parts.names.some((n) => words(n).length === 1);

/** Line i is a block of its own: blank lines (or the text's ends) either side of it. */
const isBlockOfItsOwn = (lines: SourceLine[], i: number): boolean =>
  lines[i]!.blankBefore && (i + 1 >= lines.length || lines[i + 1]!.blankBefore);

/** A phrase whole in itself: no quote or bracket closed that it did not open, none left open. */
const isWhole = (raw: string): boolean =>
  !closesUnopened(raw) && !closesUnopened([...raw].reverse().join(''), ['）)》”’', '（(《“‘']);

/** The extractor writes no blank line anywhere (pdftotext -raw, pdf.js): no block of lines is set apart. */
const writesNoBlanks = (lines: SourceLine[]): boolean => !lines.some((l, i) => i > 0 && l.blankBefore);

/** The extractor sets blocks apart with blank lines (where it puts one between all lines, none stands alone). */
export const blocksApart = (lines: SourceLine[]) => lines.filter((l) => l.blankBefore).length <= lines.length / 2;

/** A deck is a headline's phrase: at least this wide (ems), where `——编者` signs an editor's note. */
const MIN_DECK_EM = 6;

/** Line i is a block of its own (blank lines either side), a phrase that ends no sentence. */
function standsAlone(lines: SourceLine[], i: number): boolean {
  return isBlockOfItsOwn(lines, i) && deckLike(lines[i]!.raw);
}

/** A deck's text: a phrase as wide as a deck is, ending no sentence. */
const deckLike = (raw: string): boolean => !endsSentence(raw.trim()) && emWidth(raw.trim()) >= MIN_DECK_EM;

/**
 * Line i opens a block of column lines clearly wider than itself, and ends no sentence: no column line (a column's
 * lines run to its measure until a sentence ends), but a centred line read onto the top of a column's text.
 */
function topsColumn(lines: SourceLine[], i: number): boolean {
  const [line, next, then] = [lines[i]!, lines[i + 1], lines[i + 2]];
  if (!line.blankBefore || !next || !then || next.blankBefore || then.blankBefore) return false;
  const w = (l: SourceLine) => printedWidth(l.raw);
  return (
    deckLike(line.raw) &&
    w(next) - w(line) > INDENTED_LIKE &&
    // (The line under it may open a paragraph whose indent the extractor dropped.)
    Math.abs(w(next) - w(then)) <= INDENTED_LIKE
  );
}

/**
 * Line i stands alone between two lines of one column whose sentence it cuts; or, where the extractor writes
 * paragraphs' indents (`indentsKept`, see writesIndents), whose paragraph it cuts: the line below goes on unindented.
 */
function splitsSentence(lines: SourceLine[], i: number, indentsKept = false): boolean {
  const above = lines[i - 1];
  const below = lines[i + 1];
  return (
    !!above &&
    !!below &&
    lines[i]!.blankBefore &&
    below.blankBefore &&
    (!endsSentence(above.raw) || (indentsKept && !keptIndent(below))) &&
    (continuesColumn(lines, i - 1) || !isHeadlineCandidate(above.raw)) &&
    (continuesColumn(lines, i + 2) || !isHeadlineCandidate(below.raw))
  );
}

/**
 * The extractor writes paragraphs' first-line indents on this page (pdfminer, MuPDF): most lines after a clear
 * paragraph end are indented. Lines that open a block of their own (headlines, bylines, a column read apart) are
 * left out; over a whole page, not every one of the rest.
 */
function writesIndents(lines: SourceLine[]): boolean {
  const inBlocks = lines.filter((l, i) => i === 0 || !l.blankBefore);
  const e = endEvidence(inBlocks.map((l) => withWidth({ ...l, text: l.raw.trim(), removed: [] })));
  return e.after >= MIN_INDENT_EVIDENCE && e.indented >= MOSTLY_INDENTED * e.after;
}
const MIN_INDENT_EVIDENCE = 3;
const MOSTLY_INDENTED = 0.75;

/**
 * The bylines standing right after byline b, each a block of its own (a blank line before it): the rest of a
 * row of bylines, when modules set side by side are read row by row. Two byline lines of one article
 * (`本报记者…` / `本报通讯员…`) are one block. A dateline naming other reporters than b's ends the row: its
 * article's byline is in it.
 */
function bylineRow(lines: SourceLine[], b: number, words?: WordSegmenter): number[] {
  const row: number[] = [];
  let r = b + 1;
  for (; r < lines.length && lines[r]!.blankBefore && (parseByline(lines[r]!.raw) || bareName(lines, r, words)); r++)
    row.push(r);
  const dl = r < lines.length && lines[r]!.blankBefore ? parseDateline(lines[r]!.raw) : null;
  const named = [b, ...row].flatMap((k) => parseByline(lines[k]!.raw, true)?.names ?? []);
  if (dl?.names.length && !dl.names.some((n) => named.includes(n))) row.push(r);
  return row;
}

/**
 * Modules set side by side put their headlines on one row and their bylines
 * on another, and an extractor reading rows gives `headline A, headline B,
 * body A, body B, byline A, byline B`. A byline with no headline above it
 * takes the nearest unclaimed headline standing alone before it (a line on
 * its own between blank lines), in order: the k bylines of a row the k
 * lonely headlines of theirs. The signature stands where its headline does.
 * Bylines each over their body's first column look after themselves first
 * (pdfminer reads a headline after the columns under it); their signatures
 * stand where the bylines do. A byline left without one is a signature
 * without headline.
 */
function pairHeadless(
  lines: SourceLine[],
  headless: Array<{ b: number; sig: Signature }>,
  used: Set<number>,
  take: (first: number, block: Block, indexes: number[]) => void,
  starts: Map<number, Block>,
  words?: WordSegmenter,
): void {
  if (!blocksApart(lines)) {
    for (const { b, sig } of headless) take(b, { kind: 'signature', sig }, [b]);
    return;
  }
  const indentsKept = writesIndents(lines);
  const lonely = (i: number) => lonelyHeadline(lines, used, i);
  for (let g = 0; g < headless.length; ) {
    // A row of bylines: headless ones one after the other.
    let h = g;
    while (h + 1 < headless.length && headless[h + 1]!.b <= headless[h]!.b + 2) h++;
    const row = headless.slice(g, h + 1);
    let found: number[] = [];
    for (let i = row[0]!.b - 1; i >= 0 && found.length < row.length; i--) if (lonely(i)) found.unshift(i);
    // Where the nearest headlines stand as a row of more than these bylines, the first ones are theirs: a row of
    // modules is read left to right, its bylines too, however many come later.
    const last = found.at(-1);
    if (last !== undefined) {
      let first = last;
      while (first > 0 && lonely(first - 1)) first--;
      if (last - first + 1 > row.length) found = Array.from({ length: row.length }, (_, k) => first + k);
    }
    // Each byline over its body's first column: the lonely lines above are other modules' (the lead's headline).
    const after: number[] = [];
    if (row.every(({ b }) => opensBody(lines, b)))
      for (let i = row.at(-1)!.b + 1; i < lines.length && after.length < row.length; i++) if (lonely(i)) after.push(i);
    const below = after.length === row.length;
    const before = !below && found.length === row.length;
    let heads = below ? after : before ? found : [];
    // A byline over its text whose words name not the headline above it, where another lonely headline of the page
    // names it: a module whose headline the extractor read away from its byline (the modules between read first).
    // (Headlines grouped after their bodies, read below them in order, are theirs.)
    const named =
      row.length === 1 && !below && words
        ? namedHeadline(lines, row[0]!.b + 1, heads[0], awayHeadlines(lines, used, words), words)
        : undefined;
    if (named !== undefined) heads = [named[0]!];
    const far = named !== undefined;
    // Else the headlines of modules side by side, each set apart, read one above another over the first byline
    // (`headline A`, `headline B`, `byline A`, body A, `byline B`, body B): some of them are these bylines'.
    const stacked = heads.length ? NOT_STACKED : stackedHeadlines(lines, row[0]!.b, row.length, starts);
    row.forEach(({ b, sig }, k) => {
      const head = heads[k] ?? -1;
      // A lonely headline right over another byline's one-line headline: the two stand in a row's order, the first
      // the first byline's (`headline A`, `headline B`, `byline A`, body A, … `byline B`).
      const under = before && head >= 0 ? rowNeighbour(lines, head, starts) : null;
      if (under) {
        sig.headline = under.headline;
        under.headline = [lines[head]!];
      } else if (named) sig.headline = named.map((i) => lines[i]!);
      else if (head >= 0) sig.headline = [lines[head]!];
      else if (stacked.lines[k]) sig.headline = [stacked.lines[k]!];
      // (Not where the headline cuts a column's sentence: pdfminer reads a headline among the columns beside it; its
      // article starts at its byline.)
      // (Nor where it was found far from its byline: the article starts at its byline.)
      const at =
        head >= 0 && before && !under && !far && !splitsSentence(lines, head, indentsKept)
          ? head
          : stacked.first && stacked.lines[k]
            ? lines.indexOf(stacked.lines[k]!)
            : b;
      take(at, { kind: 'signature', sig }, named ? [...named, b] : head >= 0 ? [head, b] : [b]);
    });
    g = h + 1;
  }
}

/** Line i, unused, is a headline standing alone: a block of its own (blank lines either side). */
const lonelyHeadline = (lines: SourceLine[], used: Set<number>, i: number): boolean =>
  !used.has(i) && isBlockOfItsOwn(lines, i) && isHeadlineCandidate(lines[i]!.raw) && !isBoxLabel(lines[i]!.raw);

/**
 * The headlines read away from their bodies that a body may claim: each lonely headline (a line standing alone) that
 * is no column line read apart (no word runs across it from the line before or into the next, and it ends on no
 * binding word); and the headlines of a block of headline lines alone, with no byline and no text (the headlines of
 * datelined bodies, grouped after them), each its lines: a line a word runs into (`…超300万人` / `次`) goes on the
 * one above. Each headline as its line numbers.
 */
function awayHeadlines(lines: SourceLine[], used: Set<number>, words: WordSegmenter): number[][] {
  const textAt = (k: number) => headlineText(lines[k]?.raw ?? '');
  const widthAt = (k: number) => printedWidth(lines[k]!.raw);
  const runsAcross = (i: number) =>
    spansJoin(textAt(i - 1), textAt(i), words) || spansJoin(textAt(i), textAt(i + 1), words);
  const out: number[][] = [];
  for (let i = 0; i < lines.length; i++)
    if (lonelyHeadline(lines, used, i) && !runsAcross(i) && !endsBinding(textAt(i), words)) out.push([i]);
  // Blocks as the extractor set them apart; where it sets none, the text between signatures and datelines.
  const solid = writesNoBlanks(lines);
  const opens = (e: number) => lines[e]!.blankBefore || (solid && (used.has(e) || isDatelineStart(lines[e]!.raw)));
  for (let start = 0; start < lines.length; ) {
    let e = start + 1;
    while (e < lines.length && !opens(e)) e++;
    // The block's last lines that could be headlines: all of it, or those after a sentence's end or a signature's
    // line (an extractor that reads the headlines grouped after their bodies into the block above them).
    const fits = (i: number) => {
      const shape = shapeOf(lines[i]!);
      return !used.has(i) && (shape.headlineOnly || shape.tail);
    };
    let s = e;
    while (s > start && fits(s - 1)) s--;
    while (s < e && !headlineOnlyLine(lines, used, s)) s++; // (a headline's leftover last line starts none)
    const allOfIt = s === start;
    const after = allOfIt ? lines[s]!.blankBefore : used.has(s - 1) || endsSentence(lines[s - 1]!.raw.trim());
    const block = range(s, e);
    // (Not lines as wide as the block's text above them, or a first line's indent less: its column's next lines.)
    const columnLike = () => {
      const widest = Math.max(
        0,
        ...range(start, s)
          .filter((i) => !used.has(i))
          .map(widthAt),
      );
      return (
        widest > 0 && block.some((i) => widthAt(i) <= widest + COLUMN_LIKE && widthAt(i) >= widest - INDENTED_LIKE)
      );
    };
    if (block.length > (allOfIt ? 1 : 0) && block.length <= MAX_GROUPED_LINES && after && !columnLike()) {
      const group: number[][] = [];
      for (const i of block) {
        const last = group.at(-1);
        const goesOn = last && (spansJoin(textAt(i - 1), textAt(i), words) || isHeadlineTail(textAt(i)));
        if (goesOn && last.length < MAX_HEADLINE_LINES) last.push(i);
        else group.push([i]);
      }
      // Each a whole phrase (no quote or bracket left open or closed from elsewhere), none run on from the text
      // before the block or into the text after it: column lines read apart are not.
      const whole = (h: number[]) => isWhole(h.map((i) => lines[i]!.raw.trim()).join(''));
      const runsOn = spansJoin(textAt(s - 1), textAt(s), words) || spansJoin(textAt(e - 1), textAt(e), words);
      if (!runsOn && group.every((h) => whole(h) && !endsBinding(h.map(textAt).join(''), words))) out.push(...group);
    }
    start = e;
  }
  return out;
}
/** A paragraph's first line is as wide as its column's other lines less the indent and what justification leaves. */
const INDENTED_LIKE = PARAGRAPH_INDENT + COLUMN_LIKE;
const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, k) => from + k);
/** A block of headlines grouped together holds a few at most. */
const MAX_GROUPED_LINES = 6;
/** A headline's tail, spaces of the extraction included, is no longer than this (characters). */
const MAX_TAIL_CHARS = 6;
/** A headline's last line of a character or two, no mark, is what did not fit on the line above (`次`). */
const isHeadlineTail = (text: string): boolean => /^\p{Script=Han}{1,2}$/u.test(text);

/** Line i, unused, could be a headline's: no byline, dateline or box label, nothing that ends a sentence. */
const headlineOnlyLine = (lines: SourceLine[], used: Set<number>, i: number): boolean =>
  !used.has(i) && shapeOf(lines[i]!).headlineOnly;

/**
 * What a line's text alone says it could be, found once per line: awayHeadlines asks it of every block's last lines
 * each time a byline looks for its headline (a page of thousands of modules asks it millions of times).
 */
const shapes = new WeakMap<SourceLine, { headlineOnly: boolean; tail: boolean }>();
function shapeOf(line: SourceLine): { headlineOnly: boolean; tail: boolean } {
  let shape = shapes.get(line);
  if (!shape) {
    const raw = line.raw;
    const short = [...raw.trim()].length <= MAX_TAIL_CHARS;
    // (The cheap tests first: most lines asked are a column's last, which ends a sentence.)
    shape = {
      headlineOnly:
        !endsSentence(raw.trim()) &&
        isHeadlineCandidate(raw) &&
        !isBoxLabel(raw) &&
        !isDatelineStart(raw) &&
        !parseByline(raw, true),
      tail: short && isHeadlineTail(headlineText(raw)),
    };
    shapes.set(line, shape);
  }
  return shape;
}

/**
 * Of the headlines read away from their bodies (awayHeadlines), the one whose words the block of text starting at
 * line `from` uses, where the one found by place (`near`, if any) uses none: at least MIN_NAMING of its uncommon
 * words, and more than any other. Undefined when none does.
 */
function namedHeadline(
  lines: SourceLine[],
  from: number,
  near: number | undefined,
  away: number[][],
  words: WordSegmenter,
): number[] | undefined {
  // (To the next dateline at most: that opens another article.)
  let text = '';
  for (
    let i = from;
    i < lines.length && (i === from || !(lines[i]!.blankBefore || isDatelineStart(lines[i]!.raw)));
    i++
  )
    text += lines[i]!.raw.trim();
  const naming = (head: number[]) =>
    new Set(
      wordsOf(head.map((i) => headlineText(lines[i]!.raw)).join(''), words).filter(
        (w) => !words.common?.(w) && text.includes(w),
      ),
    ).size;
  if (near !== undefined && naming([near]) > 0) return undefined;
  let best: number[] | undefined;
  let most = MIN_NAMING - 1;
  let tie = false;
  for (const head of away) {
    if (head.includes(near ?? -1)) continue;
    const n = naming(head);
    if (n > most) [best, most, tie] = [head, n, false];
    else if (n === most) tie = true;
  }
  return tie ? undefined : best;
}
/** Uncommon headline words a byline's text must use to claim a headline read far from it. */
const MIN_NAMING = 1;

/**
 * The nearest signature above byline b, where its headline has more than `count` lines, each set apart and as wide
 * as a headline of its own: `count` of its lines, taken from it (the headlines of the modules beside it, read above
 * its byline). Its last ones where its byline stands apart from them (`headline A`, `headline B`, `byline A`, body A,
 * … `byline B`); its first ones where its byline is read in one block with the last (`headline A`, `headline B` +
 * `byline B`, body B, … `byline A`: the headline right over a byline is its own). None otherwise.
 */
function stackedHeadlines(lines: SourceLine[], b: number, count: number, starts: Map<number, Block>): Stacked {
  for (let i = b - 1; i >= 0; i--) {
    const block = starts.get(i);
    if (!block) continue;
    if (block.kind !== 'signature' || !block.sig.byline) return NOT_STACKED;
    const head = block.sig.headline;
    const apart = head.every((l) => l.blankBefore);
    if (!apart || head.length <= count || !head.every((l) => emWidth(headlineText(l.raw)) >= WHOLE_HEADLINE_EM))
      return NOT_STACKED;
    if (block.sig.byline.blankBefore) return { lines: head.splice(head.length - count, count), first: false };
    // (The stack's own signature now starts at its last line.)
    const taken = head.splice(0, count);
    starts.delete(i);
    starts.set(lines.indexOf(head[0]!), block);
    return { lines: taken, first: true };
  }
  return NOT_STACKED;
}
/**
 * Headlines taken from a stack (stackedHeadlines), and whether they were its first ones: read before a signature
 * whose byline is read far from them, their article stands where they do (its body may be above the stack, grouped
 * after its text), not at the byline.
 */
interface Stacked {
  lines: SourceLine[];
  first: boolean;
}
const NOT_STACKED: Stacked = { lines: [], first: false };

/**
 * The signature whose one-line headline stands right under line h (a blank line between at most), both as wide as
 * a headline of its own: h and it are two modules' headlines read one above the other. Null otherwise.
 */
function rowNeighbour(lines: SourceLine[], h: number, starts: Map<number, Block>): Signature | null {
  const block = starts.get(h + 1);
  if (block?.kind !== 'signature' || !block.sig.byline || !oneHeadline(block.sig.headline)) return null;
  const [a, b] = [lines[h]!, block.sig.headline[0]!];
  const whole = (l: SourceLine) => emWidth(headlineText(l.raw)) >= WHOLE_HEADLINE_EM;
  return b === lines[h + 1] && b.no - a.no <= 2 && whole(a) && whole(b) ? block.sig : null;
}

/** A headline's lines are one headline: one line, or two read as one block (the second not set apart). */
const oneHeadline = (head: SourceLine[]): boolean => head.length === 1 || (head.length === 2 && !head[1]!.blankBefore);

/**
 * A headline line this wide (ems) reads as a headline of its own: MuPDF sets a large headline's lines apart too, but
 * stacked whole headlines are as wide as their modules.
 */
const WHOLE_HEADLINE_EM = 10;

/** The line under byline b, in its block, is body text: not another byline, nor a headline. */
function opensBody(lines: SourceLine[], b: number): boolean {
  const next = lines[b + 1];
  return !!next && !next.blankBefore && !parseByline(next.raw, true) && !isHeadlineCandidate(next.raw);
}

/**
 * Two headline-like lines at the top of the page: a kicker and its headline,
 * or one headline over two lines? A headline broken over two lines breaks
 * inside a word or phrase; a kicker is a whole clause of its own.
 */
function isKicker(lines: SourceLine[], first: number, words?: WordSegmenter): boolean {
  if (parseByline(lines[first + 2]?.raw ?? '', true)) return false;
  const a = headlineText(lines[first]!.raw);
  const b = headlineText(lines[first + 1]!.raw);
  // A headline is no column line: the second line as wide as the one under it is the body's first.
  const under = lines[first + 2]?.raw.trim();
  // (The line under it may be a piece of a printed line the extractor cut at a quote, `…国之重宝。` / `”我国…`: the
  // printed line is both pieces.)
  const rest = lines[first + 3]?.raw.trim() ?? '';
  const underWidth = emWidth(under ?? '') + (rest && runsOn([...rest][0]!) ? emWidth(rest) : 0);
  // (Or a paragraph's first line, its indent dropped by the extractor.)
  const columnLike = (w: number) => Math.abs(w - underWidth) <= COLUMN_LIKE;
  if (under && !endsSentence(b) && (columnLike(emWidth(b)) || columnLike(emWidth(b) + PARAGRAPH_INDENT))) return false;
  if (emWidth(b) > MAX_LEAD_HEADLINE_EM) return false;
  // A headline is a whole phrase: a line that leaves a quote open is a paragraph's first.
  if (!isWhole(b)) return false;
  // (A headline in quotes opens with its quote: the line above it ends a phrase of its own.)
  return /[，、：,:]|——$/.test(a) || /^[“‘《「『]/.test(b) || joinHeadlineLines(a, b, words).joiner !== '';
}

/**
 * A column line that happens to start with a dash is not a deck: a lead's
 * headline stands apart from the text above it and differs in width from its deck.
 */
function standsApart(lines: SourceLine[], head: number[], deck: number, words?: WordSegmenter): boolean {
  const above = lines[head[0]! - 1];
  if (above && !parseByline(above.raw) && !endsSentence(above.raw) && !isHeadlineCandidate(above.raw)) return false;
  if (head.some((i) => /[。；;]/.test(lines[i]!.raw)) || continuesColumn(lines, head[0]!)) return false;
  // A deck is one line of its own: a dash line that runs on into a line as wide (mid-clause, or mid-word) is
  // column text.
  const width = (i: number) => emWidth(lines[i]?.raw.trim() ?? '');
  const next = lines[deck + 1];
  if (!next || Math.abs(width(deck) - width(deck + 1)) > COLUMN_LIKE) return true;
  // A one-line "headline", its dash line and the line after all as wide as each other: three lines of a column
  // (`1991年夏天，沿河林带的主要树种` / `——杨树出现成片枯死…` / `趋势。…`).
  if (head.length === 1 && Math.abs(width(head[0]!) - width(deck)) <= DIGITS_LIKE) return false;
  const text = headlineText(lines[deck]!.raw);
  const runsOn = /[，、：,:]$/.test(text) || (words ? spansJoin(text, headlineText(next.raw), words) : true);
  return !runsOn;
}
