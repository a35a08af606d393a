/**
 * Text → the units a line breaker moves around: one Han character or mark,
 * or an unbreakable run (a Latin word, a number with its unit sign, `——`,
 * `……`). Each unit knows its clreq class.
 */
import { CLOSING, NO_LINE_END, NO_LINE_START } from '../../text/chars.js';

export type UnitKind =
  | 'han' // ideographs, kana, anything set on the em grid
  | 'open' // opening brackets and quotes: never at a line end
  | 'close' // closing marks and pause/stop marks: never at a line start
  | 'latin' // Latin words and numbers: proportional, unbreakable
  | 'dash' // —— and ……: unbreakable, two ems
  | 'space' // a space between Latin words: a break opportunity
  | 'gap'; // spaces between Han characters in body text, a printed gap: kept inside a line, never at its edge

export interface Unit {
  text: string;
  kind: UnitKind;
  /** Width in em where it is not the font's (a headline's clause break). */
  width?: number;
}

const LATIN = /[A-Za-z0-9](?:[A-Za-z0-9.,+\-/@_&'’:]*[A-Za-z0-9])?%?/y;

export function toUnits(text: string): Unit[] {
  const out: Unit[] = [];
  let i = 0;
  while (i < text.length) {
    LATIN.lastIndex = i;
    const latin = LATIN.exec(text);
    if (latin) {
      out.push({ text: latin[0], kind: 'latin' });
      i += latin[0].length;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '——' || two === '……') {
      out.push({ text: two, kind: 'dash' });
      i += 2;
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    i += ch.length;
    if (ch === ' ') out.push({ text: ch, kind: 'space' });
    else out.push({ text: ch, kind: kindOf(ch) });
  }
  return out;
}

function kindOf(ch: string): UnitKind {
  if (NO_LINE_END.has(ch)) return 'open';
  if (NO_LINE_START.has(ch) || CLOSING.has(ch)) return 'close';
  if (ch === '—' || ch === '…') return 'dash';
  return 'han';
}

/** clreq: may this unit start a line? (An ellipsis may not either: it closes what comes before it.) */
export const mayStartLine = (u: Unit): boolean =>
  u.kind !== 'close' && u.kind !== 'space' && u.kind !== 'gap' && !u.text.startsWith('…');
/** clreq: may this unit end a line? */
export const mayEndLine = (u: Unit): boolean => u.kind !== 'open' && u.kind !== 'gap';
export const isPunct = (u: Unit): boolean => u.kind === 'open' || u.kind === 'close';

/**
 * Marks that may hang past a line's end (clreq: 行末点号悬挂, the stops and pauses whose ink is in the first half of
 * their em): set there rather than push a character down and space its line out.
 */
export const HANGING_MARKS = new Set(['，', '。', '、']);
export const mayHang = (u: Unit | undefined): boolean =>
  u !== undefined && u.kind === 'close' && HANGING_MARKS.has(u.text);

const cjk = (u: Unit | undefined) => u !== undefined && u.kind !== 'latin' && u.kind !== 'space';

/**
 * Spaces between Han characters or marks (`节约光荣  浪费可耻`, a dateline's `电  （`) as gaps: at a line's edge a
 * space is not printed, and the text would lose it (an extractor reads nothing there).
 */
export function withGaps(units: Unit[]): Unit[] {
  const out = [...units];
  for (let i = 0; i < out.length; i++) {
    if (out[i]!.kind !== 'space') continue;
    let end = i;
    while (out[end + 1]?.kind === 'space') end++;
    if (cjk(out[i - 1]) && cjk(out[end + 1])) for (let k = i; k <= end; k++) out[k] = { ...out[k]!, kind: 'gap' };
    i = end;
  }
  return out;
}
