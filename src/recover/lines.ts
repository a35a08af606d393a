import { isHan, NO_LINE_END, NO_LINE_START } from '../text/chars.js';
import { lineWidths, type ReadLine } from '../text/line-reading.js';
import type { Correction, LineNo } from '../types.js';
import { isDatelineStart, isHeadlineCandidate } from './classify.js';

/** One non-blank line of the extraction as read. */
export interface SourceLine {
  no: LineNo;
  raw: string;
  /** True when a blank line (or the start of the text) comes right before it. */
  blankBefore: boolean;
  /** Page of the extraction it is on (form feeds counted), 0 when there is one page. */
  page?: number;
}

/** Every line of an extraction, blank ones too, as corrections and items number them (form feeds end lines). */
export const extractionLines = (text: string): string[] => text.replace(/\r\n?/g, '\n').split(/\n|\f/);

/** Text → its non-blank lines with their 1-based numbers. Form feeds (page breaks) count as line ends. */
export function sourceLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  let blank = true;
  let page = 0;
  let at = 0;
  text.split(/\n|\f/).forEach((raw, i) => {
    const startsPage = i > 0 && text[at - 1] === '\f';
    at += raw.length + 1;
    if (startsPage) page++;
    if (raw.trim() === '') {
      blank = true;
      return;
    }
    out.push({ no: i + 1, raw, blankBefore: blank, page });
    blank = false;
  });
  return out;
}

/** A source line after its extraction spaces were removed, measured. */
export interface CleanLine extends ReadLine {
  no: LineNo;
  /** Offsets in `raw` of the spaces that were removed (not counting trimmed ends). */
  removed: number[];
  /**
   * Two pieces joined as one printed line where nothing says they run on (a comma ending the first, a closing mark
   * starting the second): the second may as well have started a paragraph whose indent the extractor dropped, so
   * the paragraph it ends up in is in doubt.
   */
  doubtfulJoin?: boolean;
}

export function withWidth(line: Omit<CleanLine, 'width' | 'minWidth'>): CleanLine {
  return { ...line, ...lineWidths(line.raw, line.text) };
}

/** A correction before the issue is put together: its id, and its item unless it knows it, are given at the end. */
export type DraftCorrection = Omit<Correction, 'id' | 'item'> & { item?: string };

/**
 * A mark that never starts a line (a closing quote or bracket, a comma, a full stop), so a line opening with
 * one runs on from the line above. Not `…` or `—`: a line of `…………` or a `——` signature stands alone.
 */
export const runsOn = (ch: string): boolean => NO_LINE_START.has(ch) && !'…—'.includes(ch);

/** Print breaks no line between these (kinsoku): `b` opens with a mark that runs on, or `a` ends with an opening. */
export const noBreakBetween = (a: string, b: string): boolean =>
  runsOn([...b][0] ?? '') || NO_LINE_END.has([...a].at(-1) ?? '');

const opensOnly = (l: SourceLine): boolean => {
  const t = l.raw.trim();
  return t !== '' && [...t].every((ch) => NO_LINE_END.has(ch));
};

/**
 * A line of nothing but marks that may not start a line (`？`, `）。`) is the end of the line above, cut off
 * by the extractor (a mark set in another font or moved by glue): put back before anything reads the lines,
 * so a headline keeps its question mark. Likewise a line of nothing but opening marks (`“`, which may not end
 * a line) is the start of the line below.
 */
export function joinStrayMarks(lines: SourceLine[]): { lines: SourceLine[]; corrections: DraftCorrection[] } {
  const out: SourceLine[] = [];
  const corrections: DraftCorrection[] = [];
  for (const line of lines) {
    const marks = line.raw.trim();
    const prev = out.at(-1);
    const down = prev && opensOnly(prev) && !line.blankBefore && marks !== '';
    if (prev && (down || (marks && [...marks].every(runsOn)))) {
      const joined = down ? prev.raw.trim() + line.raw.trimStart() : prev.raw.trimEnd() + marks;
      corrections.push({
        kind: 'fragment-joined',
        lines: [prev.no, line.no],
        from: `${prev.raw.trim()}\n${marks}`,
        to: joined.trim(),
        note: 'marks the extractor put on a line of their own',
      });
      out[out.length - 1] = { ...prev, raw: joined };
    } else out.push(line);
  }
  return { lines: out, corrections };
}

/** At most this many of a headline's last characters glued before a dateline (what overflows a headline's line). */
const GLUED_TAIL = 3;

/**
 * pdf.js may read a headline's last line onto the line under it when that is the dateline opening the body
 * (`…典型案` / `例本报北京3月24日电 （记者李清和）`): the line is cut again where the dateline starts, its first
 * characters a line of their own, where the line above is a headline's (no sentence ended) and nothing set the two
 * apart. No character changes.
 */
export function splitGluedDatelines(lines: SourceLine[]): SourceLine[] {
  return lines.flatMap((line, i) => {
    const above = lines[i - 1];
    if (!above || line.blankBefore || isDatelineStart(line.raw)) return [line];
    const chars = [...line.raw.trim()];
    for (let k = 1; k <= GLUED_TAIL && k < chars.length && isHan(chars[k - 1]!); k++) {
      const rest = chars.slice(k).join('');
      // (The line above is asked last: most lines hold no dateline.)
      if (isDatelineStart(rest))
        return isHeadlineCandidate(above.raw)
          ? [
              { ...line, raw: chars.slice(0, k).join('') },
              { ...line, raw: rest, blankBefore: false },
            ]
          : [line];
    }
    return [line];
  });
}
