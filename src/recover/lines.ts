import { emWidth, minEmWidth } from '../text/chars.js';
import type { Correction, LineNo } from '../types.js';

/** One non-blank line of the extraction as read. */
export interface SourceLine {
  no: LineNo;
  raw: string;
  /** True when a blank line (or the start of the text) comes right before it. */
  blankBefore: boolean;
  /** Page of the extraction it is on (form feeds counted), 0 when there is one page. */
  page?: number;
}

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

/** A source line after its extraction spaces were removed. */
export interface CleanLine {
  no: LineNo;
  raw: string;
  text: string;
  /** Offsets in `raw` of the spaces that were removed (not counting trimmed ends). */
  removed: number[];
  /** Width in ems, punctuation at full width. */
  width: number;
  /** Width with every compressible mark at half width: the least room the line can take. */
  minWidth: number;
  blankBefore: boolean;
}

export function withWidth(line: Omit<CleanLine, 'width' | 'minWidth'>): CleanLine {
  return { ...line, width: emWidth(line.text), minWidth: minEmWidth(line.text) };
}

/** A correction before the issue is put together: its id, and its item unless it knows it, are given at the end. */
export type DraftCorrection = Omit<Correction, 'id' | 'item'> & { item?: string };
