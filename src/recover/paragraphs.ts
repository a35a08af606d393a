import { endsSentence, isAsciiGraphic } from '../text/chars.js';
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
 * Where a paragraph starts. Paragraph marks are lost in extraction, but the
 * shape of the lines survives: a paragraph's first line is indented 2 em, its
 * last line is usually short and ends a sentence, and a full line never
 * starts a paragraph. Each sign adds to a score; a positive score breaks.
 */
export function breakScore(prev: CleanLine, cur: CleanLine, next: CleanLine | undefined, measure: number, prevStarts: boolean): number {
  const dPrev = measure - prev.width;
  const dCur = measure - cur.width;
  const indentish = (d: number) => d >= 1 && d <= 3.2;
  let s = 0;
  s += dPrev > 3 ? 3 : dPrev >= 1 ? 0 : -1;
  if (dCur > 3.2) s -= 1; // short: more likely a paragraph's last line
  else if (measure - cur.minWidth < 1.5) s -= 5; // full even with its punctuation compressed: cannot be indented
  else if (dCur >= 1) s += 1.5; // 2 em short: the indent
  s += endsSentence(prev.text) ? 1.5 : /[：:]$/.test(prev.text) ? 0.5 : -1.5;
  if (prevStarts && !endsSentence(prev.text)) s -= 3; // a one-line paragraph ends a sentence
  if (/^[ \u3000]{2,}|^\u3000/.test(cur.raw)) s += 4; // the extractor kept the indent
  if (indentish(dCur) && endsSentence(cur.text) && next && indentish(measure - next.width)) s -= 2; // cur is a last line, next a first line
  return s;
}

/**
 * A printed line split by a stray newline: in a block whose lines are
 * separated by blank lines, a line that follows the previous one directly
 * and fits with it in one measure is put back on it.
 */
export function joinFragments(lines: CleanLine[], corrections: Correction[]): CleanLine[] {
  const blankSeparated = lines.filter((l, i) => i > 0 && l.blankBefore).length >= 0.6 * (lines.length - 1);
  if (!blankSeparated || lines.length < 3) return lines;
  const measure = upperMedian(lines.map((l) => l.width));
  const out: CleanLine[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    if (prev && !line.blankBefore && prev.width + line.width <= measure + 0.5 && measure - prev.width >= 1) {
      const merged = withWidth({
        no: prev.no,
        raw: prev.raw,
        text: joinText(prev.text, line.text),
        removed: prev.removed,
        blankBefore: prev.blankBefore,
      });
      corrections.push({ id: '', kind: 'fragment-joined', item: '', lines: [prev.no, line.no], from: `${prev.text}\n${line.text}`, to: merged.text, note: 'stray newline inside a printed line' });
      out[out.length - 1] = merged;
    } else out.push(line);
  }
  return out;
}

/** Column lines → paragraphs. */
export function paragraphs(lines: CleanLine[]): Paragraph[] {
  const measures = lineMeasures(lines.map((l) => l.width));
  const out: Paragraph[] = [];
  lines.forEach((line, i) => {
    const newMeasure = i > 0 && measures[i] !== measures[i - 1];
    const starts = i === 0 || newMeasure || breakScore(lines[i - 1]!, line, lines[i + 1], measures[i]!, out[out.length - 1]?.lines.length === 1) > BREAK_THRESHOLD;
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

function upperMedian(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const upper = sorted.slice(Math.floor(sorted.length / 2));
  return upper[Math.floor(upper.length / 2)] ?? 0;
}
