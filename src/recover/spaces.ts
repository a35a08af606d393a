import { isAsciiGraphic, isCjkText, isHan, isSpace } from '../text/chars.js';

export interface Despaced {
  text: string;
  /** Offsets in the input of the spaces removed inside the line (trimmed ends are not listed). */
  removed: number[];
}

/**
 * Removes the spaces a PDF extractor puts into justified Chinese lines:
 * between every character of a letter-spaced line (`课 题 进 行`) and around
 * runs of digits or Latin (`2023 年`). A space between two ASCII words
 * survives (`Open Source`), collapsed to one. In a headline, a space between
 * two Han phrases is a clause break and survives too (`keepClauseBreaks`).
 */
export function removeExtractionSpaces(line: string, keepClauseBreaks = false): Despaced {
  const chars = [...line];
  const start = chars.findIndex((c) => !isSpace(c));
  if (start < 0) return { text: '', removed: [] };
  let end = chars.length;
  while (isSpace(chars[end - 1]!)) end--;

  const spaced = isLetterSpaced(chars.slice(start, end).join(''));
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
    const keep = textSpace || (keepClauseBreaks && isHanPhrase(chars, i - 1, -1) && isHanPhrase(chars, j, 1));
    if (keep) {
      text += ' ';
      removed.push(...runOffsets.slice(1));
    } else removed.push(...runOffsets);
    i = j;
  }
  return { text, removed };
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
