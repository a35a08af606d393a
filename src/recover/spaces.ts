import { isAsciiGraphic, isCjkText, isHan, isSpace } from '../text/chars.js';

export interface Despaced {
  text: string;
  /** Offsets in the input of the spaces removed inside the line (trimmed ends are not listed). */
  removed: number[];
}

/**
 * Which spaces touching Chinese text are printed, not the extractor's:
 * - `clause-breaks` (headlines): a space between two Han phrases, kept as one space;
 * - `printed-gaps` (body lines): a space between a Han character and a Han character or an opening bracket,
 *   in a line otherwise set solid (see setSolid). Running text has no spaces, so an extractor writes one there only
 *   where the page has visible white: an em gap (`节约光荣  浪费可耻`, a dateline's `电  （记者…）`),
 *   kept as two spaces, the way Chinese text files write an em gap.
 */
export type KeptSpaces = 'none' | 'clause-breaks' | 'printed-gaps';

/** An em gap printed in running text, as it is written in the recovered text. */
export const PRINTED_GAP = '  ';

/**
 * Removes the spaces a PDF extractor puts into justified Chinese lines:
 * between every character of a letter-spaced line (`课 题 进 行`) and around
 * runs of digits or Latin (`2023 年`). A space between two ASCII words
 * survives (`Open Source`), collapsed to one; `keep` says which spaces
 * touching Chinese text are printed ones.
 */
export function removeExtractionSpaces(
  line: string,
  keep: KeptSpaces = 'none',
  /** A word runs from the phrase before a space into the one after it (no printed gap falls inside a word). */
  inWord?: (before: string, after: string) => boolean,
): Despaced {
  const chars = [...line];
  const start = chars.findIndex((c) => !isSpace(c));
  if (start < 0) return { text: '', removed: [] };
  let end = chars.length;
  while (isSpace(chars[end - 1]!)) end--;

  const trimmed = chars.slice(start, end);
  const spaced = isLetterSpaced(trimmed.join(''));
  const signature = isSignature(trimmed);
  const solid = keep === 'printed-gaps' && (setSolid(trimmed) || signature);
  const removed: number[] = [];
  let text = '';
  let offset = 0;
  for (let i = 0; i < start; i++) offset += chars[i]!.length;
  for (let i = start; i < end; ) {
    if (!isSpace(chars[i]!)) {
      text += chars[i];
      offset += chars[i]!.length;
      i++;
      continue;
    }
    let j = i;
    const runOffsets: number[] = [];
    while (isSpace(chars[j]!)) {
      runOffsets.push(offset);
      offset += chars[j]!.length;
      j++;
    }
    const before = chars[i - 1]!;
    const after = chars[j]!;
    // Only spaces touching Chinese text are the extractor's; between two other characters they are text.
    const textSpace = !isCjkText(before) && !isCjkText(after) && (!spaced || !isLoneLatin(chars, i - 1, j));
    const clauseBreak = keep === 'clause-breaks' && isHanPhrase(chars, i - 1, -1) && isHanPhrase(chars, j, 1);
    const gap =
      solid &&
      isHan(before) &&
      (isHan(after) || '（(“'.includes(after)) &&
      (signature ||
        !(
          loneBetweenGaps(chars, i - 1, -1) ||
          loneBetweenGaps(chars, j, 1) ||
          inWord?.(phraseAt(chars, i - 1, -1), phraseAt(chars, j, 1))
        ));
    if (gap) {
      // Two spaces stand for the gap however the extractor wrote it; a third and on are the extractor's.
      text += PRINTED_GAP;
      removed.push(...runOffsets.slice(PRINTED_GAP.length));
    } else if (textSpace || clauseBreak) {
      text += ' ';
      removed.push(...runOffsets.slice(1));
    } else removed.push(...runOffsets);
    i = j;
  }
  return { text, removed };
}

/**
 * The character at `i` stands alone between this gap and another, going `dir`. A printed gap stands between
 * phrases: a single character between two (`东州港 与 西湾港`) is a line spaced out just far enough that the
 * extractor saw a word break at a few of its gaps (poppler at 0.1 em). (At a line's end it may be a phrase's last
 * character: a two-character word broken over two lines before a gap.)
 */
function loneBetweenGaps(chars: string[], i: number, dir: 1 | -1): boolean {
  const beyond = chars[i + dir];
  return !isSpace(chars[i]!) && beyond !== undefined && isSpace(beyond);
}

/** The characters from `i` to the next space or the line's end, going `dir`, in reading order. */
function phraseAt(chars: string[], i: number, dir: 1 | -1): string {
  const out: string[] = [];
  for (let k = i; k >= 0 && k < chars.length && !isSpace(chars[k]!); k += dir) out.push(chars[k]!);
  return (dir < 0 ? out.reverse() : out).join('');
}

/**
 * Printed gaps are rare in running text: a line has one or two, and is otherwise set solid. A line spread
 * out by the extractor (justified, letter-spaced) has spaces between most of its characters.
 */
const MAX_PRINTED_GAPS = 2;
const MIN_SOLID_PAIRS = 4;

/** Whether the spaces between Chinese characters in this line can be printed gaps (see MAX_PRINTED_GAPS). */
function setSolid(chars: string[]): boolean {
  let spaced = 0;
  let solid = 0;
  let prev = '';
  let gap = false;
  for (const c of chars) {
    if (isSpace(c)) {
      gap = prev !== '';
      continue;
    }
    if (isCjkText(prev) && isCjkText(c)) gap ? spaced++ : solid++;
    prev = c;
    gap = false;
  }
  return spaced <= MAX_PRINTED_GAPS && solid >= MIN_SOLID_PAIRS;
}

/**
 * A dash and a name or title of a few characters, printed letter-spaced on purpose (`——编  者` signing an
 * editor's note): a line this short is never stretched, so its gaps are the page's.
 */
const MAX_SIGNATURE_HAN = 4;
export function isSignature(chars: string[]): boolean {
  return (
    chars.filter(isHan).length <= MAX_SIGNATURE_HAN && /^[—－]{1,2}[\p{Script=Han} \u3000]+$/u.test(chars.join(''))
  );
}

/** Most tokens a single character: a justified line the extractor letter-spaced. */
export function isLetterSpaced(s: string): boolean {
  const tokens = s.split(/[ \t\u3000\u00a0]+/).filter(Boolean);
  if (tokens.length < 4) return false;
  const single = tokens.filter((t) => [...t].length <= 2).length;
  return single / tokens.length >= 0.6;
}

/**
 * In a letter-spaced line a run of digits or letters may itself have been
 * spread out (`2 0 2 3`): a space between two single ASCII characters there
 * is the extractor's.
 */
function isLoneLatin(chars: string[], before: number, after: number): boolean {
  const single = (i: number, step: 1 | -1) =>
    isAsciiGraphic(chars[i] ?? ' ') && !isAsciiGraphic(chars[i + step] ?? ' ');
  return single(before, -1) && single(after, 1);
}

/** Two or more Han characters on this side of a space, a quote or bracket around them allowed (`“戏曲+” 活力加`). */
function isHanPhrase(chars: string[], from: number, step: 1 | -1): boolean {
  let i = from;
  while (i >= 0 && i < chars.length && (step < 0 ? '”’）》」』+＋' : '“‘（《「『').includes(chars[i]!)) i += step;
  let n = 0;
  for (; i >= 0 && i < chars.length && isHan(chars[i]!); i += step) n++;
  return n >= 2;
}
