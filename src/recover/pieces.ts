/**
 * Printed lines an extractor wrote in pieces: pdftotext -raw writes each
 * justified run of a line on a line of its own (`走进东州一家汽车研发中心，` /
 * `在电池试验室的拆解间，` / `一套新`), so most lines look short and
 * every sentence end looks like a paragraph's. Pieces are put back together
 * where they add up to a full line or to a paragraph's first line (two ems
 * short), and only where reading them apart would leave lines short without
 * a sentence's end. A dynamic programme over the lines finds the cheapest
 * reading of the whole block at once, so a paragraph's last line is glued to
 * the next paragraph's first pieces only where no other reading explains them
 * (Typst's lines break where a stop meets a quote: `…最爱去的地方。` / `“过去…`);
 * never a sign-off, nor a subhead or dateline after a sentence's end. Two
 * pieces no printed line could part (a closing mark opening the second) are
 * one before anything else is read.
 */
import { endsSentence as endsAnySentence, isHan } from '../text/chars.js';
import { leavesQuoteOpen } from './classify.js';
import { type CleanLine, type DraftCorrection, noBreakBetween, withWidth } from './lines.js';
import { measuresOfLines, runsOf } from './measure.js';
import { joinText, type LineCues, NO_CUES, PAIR_SAVES } from './paragraphs.js';

/**
 * Where a paragraph may end, for reading pieces: a sentence's end, but not a semicolon's. A semicolon ends a clause
 * inside a paragraph (58 times on the corpus's pages, no paragraph ending at one); taken as a paragraph's end, a line
 * Typst cut at `；` (`…都通上了公交；` / `东州开展服务…`) reads as two paragraphs.
 */
const endsSentence = (text: string): boolean => endsAnySentence(text) && !/[；;][”’」』）]*$/.test(text.trimEnd());

/** A printed line short of the measure that ends no sentence: a piece, unless it is a heading. */
const SHORT_OPEN = 1;
/** A printed line short of the measure that ends a sentence: a paragraph's last line, one a paragraph. */
const SHORT_CLOSED = 0.3;
/** Joining two pieces: dearer than a paragraph's last line, so only lines short without a sentence's end are joined. */
const JOIN = 0.5;
/**
 * Each piece past the second: a little, so that of two readings that fit the fewer pieces a line wins, but not
 * the price of a join again: Typst writes a line of running text in one piece per clause, six or seven of them.
 */
const JOIN_PIECE = 0.3;
/**
 * Joining onto a first piece that ends a sentence: it may be a paragraph's last line, which the next paragraph's
 * pieces happen to fill up to a line. Dearer than a join, so only pieces that fit no other reading are joined so.
 */
const SENTENCE_JOIN = 0.75;
/** A line within this of the measure (ems) is full. */
const FULL_SLACK = 1;
/** Pieces add up to a line within this (ems): the gaps justification opened, a mark compressed or not. */
const FIT = 0.5;
/** A paragraph's first line is this much (ems) short of the measure: its indent. */
const INDENT = 2;
/** Most pieces one printed line is written in. */
const MAX_PIECES = 12;
/**
 * An extraction writes lines in pieces when this share of its lines is short without a sentence's end and
 * without a first line's indent. On the corpus: Typst's pages through pdftotext -raw 0.49-0.65, Chromium's
 * 0.26-0.56 (Chromium splits at quotes only), every other extractor and engine 0.01-0.37.
 */
const PIECED_SHARE = 0.45;

/**
 * A line read as a printed line: whole (full, or a paragraph's first line, its indent short), a short one
 * that ends a sentence (a paragraph's last), or a short one that does not (a piece, unless it is a heading), the
 * surest piece one that stops at a pause.
 */
function shapeOf(width: number, text: string, measure: number, opens = true): 'whole' | 'closed' | 'open' | 'paused' {
  if (width >= measure - FULL_SLACK || (opens && Math.abs(width - (measure - INDENT)) <= FULL_SLACK)) return 'whole';
  if (endsSentence(text) || /[：:]$/.test(text)) return 'closed';
  return /[，、；,;]$/.test(text) ? 'paused' : 'open';
}
/**
 * A printed line short of the measure that stops at a pause (`…的负责人王明远、`): no paragraph ends there and no heading
 * does, so it is a piece: dearer than one that ends on a word (a heading's line may).
 */
const SHORT_PAUSED = 2;
const SHAPE_COST = { whole: 0, closed: SHORT_CLOSED, open: SHORT_OPEN, paused: SHORT_PAUSED };

/**
 * Two pieces that meet between two Han characters: a printed line's end. Extractors split inside a line at a wide
 * gap, which justification opens at punctuation, Latin words and numbers, never between two ideographs.
 */
const lineEndBetween = (a: string, b: string): boolean => isHan([...a].at(-1) ?? '') && isHan([...b][0] ?? '');

/** Does this extraction write printed lines in pieces? Judged on all its lines, whatever block they are in. */
export function writesPieces(lines: CleanLine[]): boolean {
  const measures = measuresOfLines(lines);
  const open = lines.filter((l, i) => ['open', 'paused'].includes(shapeOf(l.width, l.text, measures[i]!)));
  return open.length >= PIECED_SHARE * lines.length;
}

/**
 * A piece that reads as a heading line of its own: not one that leaves a quotation open well short of the measure
 * (`王明远为什么这样高兴？` / `“路修到了家门` / `口，…`, one printed line). (Full, it may be a heading's
 * first line, wrapped.)
 */
const standsAsHeading = (piece: CleanLine, m: number, cues: Pick<LineCues, 'heading'>): boolean =>
  cues.heading(piece) && !(leavesQuoteOpen(piece.text) && piece.width < m - INDENT - FULL_SLACK);

/**
 * The piece after line j ends a printed line (it meets the next between two ideographs) far short of a first line's
 * width: read as a paragraph's first line after a heading at j, it could not be one, so j is no heading standing alone
 * but a sentence of the line (`东州的河为何变清了？` / `西湾难在哪里？` / `这一探`, then `索解决了…`).
 */
const strandsNext = (lines: CleanLine[], j: number, m: number): boolean => {
  const next = lines[j + 1];
  const after = lines[j + 2];
  return (
    next !== undefined &&
    after !== undefined &&
    !endsSentence(next.text) &&
    lineEndBetween(next.text, after.text) &&
    next.width < m - INDENT - FULL_SLACK
  );
};

/** A reading of a run of lines as printed lines: its cost, and where the group ending before each line starts. */
interface Reading {
  cost: number;
  from: Int32Array;
}

/**
 * The cheapest reading of `lines`, all set to measure `m`, as printed lines written whole or in pieces. `opens`: per
 * line, may a paragraph start there (a line a first line's width is one only there).
 */
function readAt(
  lines: CleanLine[],
  m: number,
  opens: boolean[],
  cues: Pick<LineCues, 'heading' | 'opens' | 'complete'>,
): Reading {
  const n = lines.length;
  const best = new Float64Array(n + 1).fill(Number.POSITIVE_INFINITY);
  const from = new Int32Array(n + 1);
  best[0] = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(best[i]!)) continue;
    const sentence = endsSentence(lines[i]!.text);
    let width = 0;
    let least = 0;
    for (let j = i; j < n && j - i < MAX_PIECES; j++) {
      const piece = lines[j]!;
      if (j > i) {
        const prev = lines[j - 1]!;
        // A blank line ends what a piece can be joined to; so does a cut between two ideographs, and a full line that
        // ends a sentence. (A full one that does not may take one more piece where its marks, shrunk, make room:
        // Typst shrinks them to justify, `…王明远笑着回答：` / `“我`.)
        if (piece.blankBefore || (prev.width >= m - FULL_SLACK && endsSentence(prev.text))) break;
        if (lineEndBetween(prev.text, piece.text)) break;
        // A sign-off is complete in itself; a subhead or a dateline after a sentence's end stands alone.
        if (j === i + 1 && cues.complete(lines[i]!.text)) break;
        if (
          endsSentence(prev.text) &&
          (cues.opens(piece) || (j === i + 1 && standsAsHeading(piece, m, cues) && !strandsNext(lines, j, m)))
        )
          break;
      }
      width += piece.width;
      least += piece.minWidth;
      // Pieces after a sentence's end (maybe a paragraph's last line and the next one's first) fit a line only with
      // the marks where they meet compressed, not every mark of the line: the cheaper join needs the closer fit.
      const floor = sentence ? width - PAIR_SAVES * (j - i) : least;
      const fits = (target: number) => floor - FIT <= target && target <= width + FIT;
      const cost =
        j === i
          ? SHAPE_COST[shapeOf(piece.width, piece.text, m, opens[i]!)]
          : fits(m) || fits(m - INDENT)
            ? JOIN + JOIN_PIECE * (j - i - 1) + (sentence ? SENTENCE_JOIN : 0)
            : Number.POSITIVE_INFINITY;
      if (best[i]! + cost < best[j + 1]!) {
        best[j + 1] = best[i]! + cost;
        from[j + 1] = i;
      }
      if (width > m + FIT) break;
    }
  }
  return { cost: best[n]!, from };
}

/**
 * The reading of a run of lines of one measure, at that measure or an indent wider. Where an extractor writes every
 * line in pieces but paragraphs' first lines whole (Typst through pdftotext -raw), those first lines look like the
 * full lines and the measure comes out an indent too narrow; then the pieces of the lines really full add up to more
 * than it and are never joined. The wider measure is taken where the run reads cheaper at it. (Not an indent
 * narrower: on the corpus it only ever won by a hair, and read worse.)
 */
function readRun(lines: CleanLine[], m: number, cues: Pick<LineCues, 'heading' | 'opens' | 'complete'>): Int32Array {
  // A paragraph may start after a sentence's end or a heading, whatever the measure: asked once for both readings.
  const opens = lines.map((_, i) => i === 0 || endsSentence(lines[i - 1]!.text) || cues.heading(lines[i - 1]!));
  const measured = readAt(lines, m, opens, cues);
  const wider = readAt(lines, m + INDENT, opens, cues);
  return (wider.cost < measured.cost ? wider : measured).from;
}

/**
 * Two lines print never parts: the second opens with a mark kinsoku keeps off a line's start (`”东州市…`, a lone `。`),
 * or the first ends with one kept off a line's end. The extractor cut a printed line there (Typst's quotes and stops
 * leave a gap pdftotext -raw cuts at), so they are one line before anything else is read.
 */
const glued = (a: CleanLine, b: CleanLine): boolean => !b.blankBefore && noBreakBetween(a.text, b.text);

/**
 * `lines` with every glued run no wider than `widest(k)` at its line k made one line: what it spans, and the line
 * it reads as.
 */
function glue(lines: CleanLine[], widest: (k: number) => number): Array<{ span: [number, number]; line: CleanLine }> {
  const out: Array<{ span: [number, number]; line: CleanLine }> = [];
  for (let k = 0; k < lines.length; k++) {
    const last = out.at(-1);
    const l = lines[k]!;
    if (last && glued(lines[k - 1]!, l) && last.line.minWidth + l.minWidth <= widest(k)) {
      last.span[1] = k + 1;
      last.line = {
        ...last.line,
        text: joinText(last.line.text, l.text),
        width: last.line.width + l.width,
        minWidth: last.line.minWidth + l.minWidth,
      };
    } else out.push({ span: [k, k + 1], line: l });
  }
  return out;
}

/** `lines` with each group (consecutive, covering them all) made one line, each join a correction. */
function joinGroups(
  lines: CleanLine[],
  groups: Array<[number, number]>,
  corrections: DraftCorrection[],
  note: string,
): CleanLine[] {
  return groups.map(([i, j]) => {
    const first = lines[i]!;
    if (j - i === 1) return first;
    const pieces = lines.slice(i, j);
    const text = pieces.map((l) => l.text).reduce(joinText);
    corrections.push({
      kind: 'fragment-joined',
      lines: pieces.map((l) => l.no),
      from: pieces.map((l) => l.text).join('\n'),
      to: text,
      note,
    });
    return withWidth({ no: first.no, raw: first.raw, text, removed: first.removed, blankBefore: first.blankBefore });
  });
}

/**
 * Lines set whole, where the extractor cut one only where print may not (`…这样。` / `”王明远`): glued again, where
 * they fit the measure together. (Wider, the page broke its line there, against the rule.)
 */
export function glueLines(lines: CleanLine[], corrections: DraftCorrection[]): CleanLine[] {
  const measures = measuresOfLines(lines);
  const atoms = glue(lines, (k) => measures[k]! + FIT);
  const spans: Array<[number, number]> = [];
  atoms.forEach((a, k) => {
    const before = atoms[k - 1];
    const m = measures[a.span[0]]!;
    const after = atoms[k + 1]?.line;
    // A line cut in three: where the first cut was glued, a short piece that ends no sentence and makes the line
    // up to the measure, the next line full, is its end (`…大调研”` + `。什么是大调研？…要求，` / `“要`).
    if (
      before &&
      before.span[1] - before.span[0] > 1 &&
      a.span[1] - a.span[0] === 1 &&
      !a.line.blankBefore &&
      !endsSentence(a.line.text) &&
      before.line.minWidth + a.line.minWidth <= m + FIT &&
      before.line.width + a.line.width >= m - FULL_SLACK &&
      after !== undefined &&
      after.width >= m - FULL_SLACK
    )
      spans.at(-1)![1] = a.span[1];
    else spans.push([...a.span]);
  });
  return joinGroups(lines, spans, corrections, 'a printed line the extractor cut where no line breaks');
}

export function joinPieces(
  lines: CleanLine[],
  corrections: DraftCorrection[],
  cues: Pick<LineCues, 'heading' | 'opens' | 'complete'> = NO_CUES,
): CleanLine[] {
  if (lines.length < 2) return lines;
  const measures = measuresOfLines(lines);
  // Groups never cross a change of measure, so each run of one measure is read on its own.
  const groups = runsOf(measures).flatMap(([s, e]) => {
    // (However wide: the measure of a run read in pieces may be out by more than an indent.)
    const atoms = glue(lines.slice(s, e), () => Number.POSITIVE_INFINITY);
    const from = readRun(
      atoms.map((a) => a.line),
      measures[s]!,
      cues,
    );
    const run: Array<[number, number]> = [];
    for (let j = atoms.length; j > 0; j = from[j]!)
      run.unshift([s + atoms[from[j]!]!.span[0], s + atoms[j - 1]!.span[1]]);
    return run;
  });
  return joinGroups(lines, groups, corrections, 'a printed line the extractor wrote in pieces');
}
