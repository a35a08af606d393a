/**
 * How a line of extracted text reads: its width as printed, counted in ems,
 * and whether a paragraph starts at it. Shared by the stage that reads such
 * text (recover/) and the one that sets text to be read back so
 * (layout/readable.ts).
 */
import { emWidth, endsSentence, minEmWidth, NO_LINE_END, NO_LINE_START } from './chars.js';

/** A line of extracted text as the reading below needs it. */
export interface ReadLine {
  raw: string;
  /** Its text, extraction spaces out. */
  text: string;
  /** Width in ems, punctuation at full width. */
  width: number;
  /** Width with every compressible mark at half width: the least room the line can take. */
  minWidth: number;
  /** A blank line (or the start of the text) comes right before it. */
  blankBefore: boolean;
}

/** A line's widths: its text's ems, and the gaps a typesetter opened between Han and Latin that the raw line shows. */
export function lineWidths(raw: string, text: string): { width: number; minWidth: number } {
  // The gaps a typesetter opens between Han and Latin (a quarter em, clreq), which the extractor wrote as spaces.
  const gaps = HAN_LATIN_GAP * hanLatinGaps(raw.trim());
  return { width: emWidth(text) + gaps, minWidth: minEmWidth(text) + gaps };
}

/**
 * A line newsprint set, as an extractor that drops indents writes it: its indent gone, and a space where the line
 * opens a quarter em between Han and a Latin word or number (recovery counts those gaps in the line's width).
 */
export function readSetLine(text: string): ReadLine {
  const set = text.replace(/^\u3000+/u, '');
  const raw = set.replace(HAN_LATIN, '$1 $2').replace(LATIN_HAN, '$1 $2');
  return { raw, text: set, ...lineWidths(raw, set), blankBefore: false };
}
const HAN_LATIN = /(\p{Script=Han})([A-Za-z0-9])/gu;
const LATIN_HAN = /([A-Za-z0-9%])(\p{Script=Han})/gu;

/** The extractor kept a paragraph's first-line indent (ideographic spaces, or two spaces or more). */
export const keptIndent = (line: { raw: string }): boolean => /^[ \u3000]{2,}|^\u3000/.test(line.raw);

/** The space a typesetter sets between a Han character and a Latin letter or digit (em). */
const HAN_LATIN_GAP = 0.25;

/** A Latin run (letters, digits), with the spaces and the character on each side of it. */
const LATIN_RUN = /(.?)( *)[A-Za-z0-9][A-Za-z0-9.%]*( *)(.?)/gu;
const HAN = /\p{Script=Han}/u;

/**
 * The quarter-em gaps of a typesetter that spaces Han and Latin: one for each side of a Latin run that meets Han
 * across a space, where no side meets Han without one. A space on one side while the other touches Han
 * (`止 2023年`) is no such gap: the extractor's own guess. A run at a line's edge or beside a mark has one side
 * that shows nothing (`4 岁习武，8 岁…`: two gaps).
 */
function hanLatinGaps(raw: string): number {
  let gaps = 0;
  for (const [, before, spaceBefore, spaceAfter, after] of raw.matchAll(LATIN_RUN)) {
    const sides = [
      [before, spaceBefore],
      [after, spaceAfter],
    ] as const;
    if (sides.some(([ch, space]) => HAN.test(ch ?? '') && !space)) continue;
    gaps += sides.filter(([ch, space]) => HAN.test(ch ?? '') && space).length;
  }
  return gaps;
}

/**
 * An indent where the extractor writes every first line's: more than a one-line paragraph that ends no sentence, well
 * short of its room, counts against (3 + 2 + 1.5).
 */
const KEPT_INDENT_SURE = 8;

/** A break needs more than one weak sign. */
export const BREAK_THRESHOLD = 0.5;
/**
 * Em a line may have lost at its end because what starts the next line
 * could not follow it: an unbreakable run (a number, a Latin word, a dash)
 * or a character pushed down with a mark that may not start a line.
 */
export function pushedSlack(next: ReadLine | undefined): number {
  if (!next) return 0;
  const t = next.text;
  const run = /^[A-Za-z0-9.%]+/.exec(t);
  if (run) return emWidth(run[0]);
  if (/^(——|……)/.test(t)) return 2;
  const chars = [...t];
  if (chars[1] && NO_LINE_START.has(chars[1])) return 1;
  if (chars[0] && NO_LINE_END.has(chars[0])) return 1;
  return 0;
}

/**
 * Justified to the measure, a line this short would open more than this between its characters (em): more than
 * typesetters allow (newsprint caps the pitch at 1.10 em), so it is a paragraph's last line, however near the
 * measure (a 10-em line 2 em short), where a wide line as short may still be a loose one.
 */
const LOOSEST_JUSTIFIED = 0.1;
const tooLooseToBeFull = (line: ReadLine, short: number): boolean =>
  short >= 1 && short / Math.max(1, [...line.text].length - 1) > LOOSEST_JUSTIFIED;

/** A sentence's end this many ems short of the measure or more clearly ends a paragraph. */
export const CLEAR_END = 3;

/** A paragraph's first line falls short of the measure by its 2-em indent and what justification leaves: at most. */
export const FIRST_LINE_SHORT = 3.2;

/**
 * Could this line be a paragraph's first line (2 em short: the indent), or
 * a full line (what it lacks explained by compressible punctuation or by
 * what the next line starts with)? One shape only is evidence; both is none.
 */
function shapeOfFirstLine(cur: ReadLine, next: ReadLine | undefined, measure: number): number {
  const d = measure - cur.width;
  const slack = pushedSlack(next);
  const asIndented = measure - cur.minWidth >= 1.5 && d <= FIRST_LINE_SHORT + slack;
  const asFull = d - slack < 1;
  if (asIndented && asFull) return 0;
  if (asFull) return -5; // cannot be indented
  if (asIndented) return d >= 1.5 ? 2 : 0.5; // 1 em short: an indent, or a loosely justified line
  return -1; // short: more likely a paragraph's last line
}

/**
 * A whole indent short (2 em, its marks counted whole), ending no sentence, before a full line: no middle line of a
 * justified column is that short, and no last line ends so, so this is a first line, whatever the line above ends
 * with (a standfirst or heading that ends no sentence on a full line: `…仍难一时取代` / `说起这件事，一个多月里，`).
 * newsprint sets a first line so where nothing else shows its paragraph's start (layout/readable.ts). Not a sign
 * alone: an extractor may have split the line, or a loosely justified one may fall nearly as short.
 */
const showsIndent = (prev: ReadLine, cur: ReadLine, next: ReadLine | undefined, measure: number): boolean =>
  next !== undefined &&
  measure - next.width < 1 &&
  // (2 em shorter than the lines either side as counted, and still an em with every mark compressed: a typesetter
  // that compresses marks inside a line fits more of them on it, so its full lines differ by an em or two.)
  Math.min(prev.width, next.width) - cur.width >= 2 &&
  Math.min(prev.minWidth, next.minWidth) - cur.minWidth >= 1 &&
  measure - cur.width <= FIRST_LINE_SHORT &&
  !endsSentence(cur.text);
/** …worth this much: with the indent's shape, more than a full line above that ends no sentence counts against. */
const INDENT_SHOWN = 1.5;

/**
 * A sentence that closes a quotation and names its speaker (`…。”王明远说。`, `…？”李清和问道。`): in news writing the
 * paragraph most often ends with it (on the corpus 24 of 29 such sentences end theirs). Weighed as much as the
 * sentence's end itself: with it, a short line after such a full line starts a paragraph.
 */
const ATTRIBUTED = 2;
const ATTRIBUTION_END = /”[^。！？“”，]{1,14}(?:说|道|表示|介绍|解释|追问|回忆|坦言|感慨|告诉记者)。$/;

/**
 * Where a paragraph starts. Paragraph marks are lost in extraction, but the
 * shape of the lines survives: a paragraph's first line is indented 2 em, its
 * last line is usually short and ends a sentence, and a full line never
 * starts a paragraph. Each sign adds to a score; a break needs a positive
 * score above BREAK_THRESHOLD.
 */
export function breakScore(
  prev: ReadLine,
  cur: ReadLine,
  next: ReadLine | undefined,
  measure: number,
  prevStarts: boolean,
  blankMeansBreak = false,
  indentsKept = false,
  blankEnds = false,
): number {
  // A paragraph's first line has 2 em less room than the others.
  const room = prevStarts ? measure - 2 : measure;
  const dPrev = room - prev.width - pushedSlack(cur);
  let s = 0;
  if (prevStarts) s += dPrev > 1.5 ? 3 : dPrev >= 0.75 ? 0 : -2;
  // (2.5-3 em short: more than a justified line's compressed marks leave, less than a clear last line; a weak sign,
  // which a line that ends no sentence needs: newsprint sets such lines at least that short where it can.)
  else s += dPrev > 3 ? 3 : dPrev >= 2.5 || tooLooseToBeFull(prev, dPrev) ? 1 : dPrev >= 1 ? 0 : -1;
  s += shapeOfFirstLine(cur, next, measure);
  if (showsIndent(prev, cur, next, measure)) s += INDENT_SHOWN;
  s += endsSentence(prev.text) ? 1.5 : /[：:]$/.test(prev.text) ? 0.5 : -1.5;
  if (ATTRIBUTION_END.test(prev.text)) s += ATTRIBUTED;
  if (prevStarts && !endsSentence(prev.text)) s -= 3; // a one-line paragraph ends a sentence
  // Where the extractor writes every first line's indent, an indent is the surest sign there is: a one-line paragraph
  // that ends no sentence (a subhead set as a paragraph, `勾画西湾发展蓝图`) before an indented line still ends.
  if (keptIndent(cur)) s += indentsKept ? KEPT_INDENT_SURE : 4;
  else if (indentsKept) s -= 4; // the extractor writes every first line's indent, and this line has none
  // Lines set solid, paragraphs set off by a blank line. Where the extractor sets every paragraph off so, a sentence
  // ending at a full line's end with no blank line after it ends no paragraph, unless the line is a paragraph's first
  // (a block may still hold a one-line paragraph and the next). (Only there: elsewhere the lines already say no
  // break, and a narrow call they leave is a doubt the blank lines do not lift.)
  if (blankMeansBreak && cur.blankBefore) s += 3;
  else if (blankEnds && !prevStarts && dPrev < CLEAR_END && endsSentence(prev.text)) s -= 3;
  const dCur = measure - cur.width;
  const dNext = next ? measure - next.width : 0;
  // cur is a last line, next a first line
  if (dCur >= 1 && endsSentence(cur.text) && dNext >= 1.5 && dNext <= 3.2) s -= 2;
  return s;
}
