import { emWidth, endsSentence, isAsciiGraphic, NO_LINE_END, NO_LINE_START } from '../text/chars.js';
import type { Correction } from '../types.js';
import { type CleanLine, withWidth } from './lines.js';
import { lineMeasures } from './measure.js';

/** A break needs more than one weak sign. */
const BREAK_THRESHOLD = 0.5;

export interface Paragraph {
  lines: CleanLine[];
  text: string;
  /** The block's measure changes here: a strong sign of a new article. */
  newMeasure: boolean;
  measure: number;
}

/**
 * Em a line may have lost at its end because what starts the next line
 * could not follow it: an unbreakable run (a number, a Latin word, a dash)
 * or a character pushed down with a mark that may not start a line.
 */
export function pushedSlack(next: CleanLine | undefined): number {
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
 * Could this line be a paragraph's first line (2 em short: the indent), or
 * a full line (what it lacks explained by compressible punctuation or by
 * what the next line starts with)? One shape only is evidence; both is none.
 */
function shapeOfFirstLine(cur: CleanLine, next: CleanLine | undefined, measure: number): number {
  const d = measure - cur.width;
  const slack = pushedSlack(next);
  const asIndented = measure - cur.minWidth >= 1.5 && d <= 3.2 + slack;
  const asFull = d - slack < 1;
  if (asIndented && asFull) return 0;
  if (asFull) return -5; // cannot be indented
  if (asIndented) return d >= 1.5 ? 2 : 0.5; // 1 em short: an indent, or a loosely justified line
  return -1; // short: more likely a paragraph's last line
}

/**
 * Where a paragraph starts. Paragraph marks are lost in extraction, but the
 * shape of the lines survives: a paragraph's first line is indented 2 em, its
 * last line is usually short and ends a sentence, and a full line never
 * starts a paragraph. Each sign adds to a score; a break needs a positive
 * score above BREAK_THRESHOLD.
 */
export function breakScore(
  prev: CleanLine,
  cur: CleanLine,
  next: CleanLine | undefined,
  measure: number,
  prevStarts: boolean,
  blankMeansBreak = false,
): number {
  // A paragraph's first line has 2 em less room than the others.
  const room = prevStarts ? measure - 2 : measure;
  const dPrev = room - prev.width - pushedSlack(cur);
  let s = 0;
  if (prevStarts) s += dPrev > 1.5 ? 3 : dPrev >= 0.75 ? 0 : -2;
  else s += dPrev > 3 ? 3 : dPrev >= 1 ? 0 : -1;
  s += shapeOfFirstLine(cur, next, measure);
  s += endsSentence(prev.text) ? 1.5 : /[：:]$/.test(prev.text) ? 0.5 : -1.5;
  if (prevStarts && !endsSentence(prev.text)) s -= 3; // a one-line paragraph ends a sentence
  if (/^[ \u3000]{2,}|^\u3000/.test(cur.raw)) s += 4; // the extractor kept the indent
  if (blankMeansBreak && cur.blankBefore) s += 3; // lines set solid, paragraphs set off by a blank line
  const dCur = measure - cur.width;
  const dNext = next ? measure - next.width : 0;
  // cur is a last line, next a first line
  if (dCur >= 1 && endsSentence(cur.text) && dNext >= 1.5 && dNext <= 3.2) s -= 2;
  return s;
}

/**
 * A printed line split by a stray newline: in a block whose lines are
 * separated by blank lines, a line that follows the previous one directly,
 * where the two together make one full line and the first ends no sentence,
 * is put back on it.
 */
export function joinFragments(lines: CleanLine[], corrections: Correction[]): CleanLine[] {
  if (!isBlankSeparated(lines) || lines.length < 3) return lines;
  const measure = upperMedian(lines.map((l) => l.width));
  const out: CleanLine[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    if (prev && !line.blankBefore && !endsSentence(prev.text) && Math.abs(prev.width + line.width - measure) <= 0.75) {
      const merged = withWidth({
        no: prev.no,
        raw: prev.raw,
        text: joinText(prev.text, line.text),
        removed: prev.removed,
        blankBefore: prev.blankBefore,
      });
      corrections.push({
        id: '',
        kind: 'fragment-joined',
        item: '',
        lines: [prev.no, line.no],
        from: `${prev.text}\n${line.text}`,
        to: merged.text,
        note: 'stray newline inside a printed line',
      });
      out[out.length - 1] = merged;
    } else out.push(line);
  }
  return out;
}

/** Column lines → paragraphs. */
export function paragraphs(lines: CleanLine[]): Paragraph[] {
  const blankMeansBreak = !isBlankSeparated(lines);
  const measures = lineMeasures(
    lines.map((l) => ({ width: l.width, minWidth: l.minWidth, endsParagraph: endsSentence(l.text) })),
  );
  const out: Paragraph[] = [];
  lines.forEach((line, i) => {
    const newMeasure = i > 0 && measures[i] !== measures[i - 1];
    const starts =
      i === 0 ||
      newMeasure ||
      breakScore(
        lines[i - 1]!,
        line,
        lines[i + 1],
        measures[i]!,
        out[out.length - 1]?.lines.length === 1,
        blankMeansBreak,
      ) > BREAK_THRESHOLD;
    if (starts) out.push({ lines: [line], text: line.text, newMeasure: i === 0 || newMeasure, measure: measures[i]! });
    else {
      const p = out[out.length - 1]!;
      p.lines.push(line);
      p.text = joinText(p.text, line.text);
    }
  });
  return out;
}

/** Column lines join with nothing between, except two Latin words, which a line end separated. */
export function joinText(a: string, b: string): string {
  const last = a.slice(-1);
  const first = b.slice(0, 1);
  return /[A-Za-z]/.test(last) && /[A-Za-z]/.test(first) && isAsciiGraphic(last) ? `${a} ${b}` : a + b;
}

/** Most lines have a blank line before them: the extractor's way of writing column lines. */
function isBlankSeparated(lines: CleanLine[]): boolean {
  return lines.filter((l, i) => i > 0 && l.blankBefore).length >= 0.6 * (lines.length - 1);
}

function upperMedian(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const upper = sorted.slice(Math.floor(sorted.length / 2));
  return upper[Math.floor(upper.length / 2)] ?? 0;
}
