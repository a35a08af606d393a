import { isAsciiGraphic, isHan, isSpace } from '../text/chars.js';

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
    const keep = spaced
      ? isAsciiWord(chars, i - 1, -1) && isAsciiWord(chars, j, 1)
      : (isAsciiGraphic(before) && isAsciiGraphic(after)) ||
        (keepClauseBreaks && isHanPhrase(chars, i - 1, -1) && isHanPhrase(chars, j, 1));
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

/** In a letter-spaced line, only whole ASCII words of two or more letters keep a space between them. */
function isAsciiWord(chars: string[], from: number, step: 1 | -1): boolean {
  let n = 0;
  for (let i = from; i >= 0 && i < chars.length && /[A-Za-z]/.test(chars[i]!); i += step) n++;
  return n >= 2;
}

/** Two or more Han characters on this side of a space. */
function isHanPhrase(chars: string[], from: number, step: 1 | -1): boolean {
  let n = 0;
  for (let i = from; i >= 0 && i < chars.length && isHan(chars[i]!); i += step) n++;
  return n >= 2;
}
