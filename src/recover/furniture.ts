/**
 * Page furniture: what the page prints around its articles and is no part
 * of any: folios (`第14版`), the paper's name, running heads (paper, date,
 * section), jump lines (`转第2版`, `上接第1版`), credits (`责任编辑：…`) and
 * page-corner e-mails. Kept in the issue as furniture, never in article text.
 */
import type { Furniture, LineNo, Masthead } from '../types.js';
import { compact } from './classify.js';
import type { SourceLine } from './lines.js';
import { DATE_SPAN, FOLIO, PAPER, WEEKDAY } from './masthead.js';

const JUMP = /^[（(]?(?:转|下转|上接|接|续)第[0-9０-９]{1,3}版[）)]?$/;
/** A jump line that sends the text above it on to another page (`下转第2版`), not one that takes it up (`上接第1版`). */
const JUMP_OUT = /^[（(]?(?:转|下转)第/;
const CREDIT = /^(?:本版)?(?:责任编辑|责编|版式设计|美术编辑|图片编辑|校对|本版编辑|制图)[：:]/;
const EMAIL_ONLY =
  /^(?:(?:电子信箱|电子邮箱|邮箱|E-?mail)[：:]?)?[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/i;

export function furnitureKind(raw: string, masthead: Masthead | null): Furniture['kind'] | null {
  const s = compact(raw);
  if (!s) return null;
  if (JUMP.test(s)) return 'jump';
  if (CREDIT.test(s) && s.length <= 40) return 'credit';
  if (EMAIL_ONLY.test(s)) return 'email';
  const rest = s.replace(FOLIO, '');
  if (rest !== s && (rest === '' || PAPER.test(rest) || (masthead && rest === masthead.section))) return 'folio';
  if (PAPER.test(s)) return 'paper';
  // A running head: the date (with the paper, the section or the weekday, or alone), nothing that reads as a sentence.
  if (DATE_SPAN.test(s) && s.length <= 40 && !/[，。；！？]/.test(s)) {
    const rest = s
      .replace(FOLIO, '')
      .replace(DATE_SPAN, '')
      .replace(WEEKDAY, '')
      .replace(masthead?.section || '\u0000', '')
      .replace(/\p{Script=Han}{1,6}(?:日报|晚报|时报)/u, '');
    if (rest === '' || rest.length <= 2) return 'running-head';
  }
  return null;
}

/**
 * Splits the page's furniture lines from the rest. The section's name on a
 * line of its own, on a page with a running head (page 2 of a spread), is part of it.
 */
export function takeFurniture(
  lines: SourceLine[],
  masthead: Masthead | null,
): { furniture: Furniture[]; rest: SourceLine[] } {
  const kinds = lines.map((l) => furnitureKind(l.raw, masthead));
  const section = masthead?.section;
  // (Or anywhere on that page: an extractor may read it among the first column's lines.)
  const headed = new Set(lines.flatMap((l, i) => (kinds[i] === 'running-head' ? [l.page ?? 0] : [])));
  lines.forEach((l, i) => {
    if (!kinds[i] && section && compact(l.raw) === section && headed.has(l.page ?? 0)) kinds[i] = 'running-head';
  });
  const furniture: Furniture[] = [];
  const rest: SourceLine[] = [];
  lines.forEach((line, i) => {
    const kind = kinds[i];
    if (kind) furniture.push({ kind, text: line.raw.trim(), line: line.no });
    else {
      const glued = gluedFolio(line.raw);
      if (glued) furniture.push({ kind: 'folio', text: glued.folio, line: line.no });
      rest.push(glued ? { ...line, raw: glued.rest } : line);
    }
  });
  return { furniture, rest };
}

/** Words of a line a folio may take at its end or its start: the paper's name and `第N版`, each spaced apart. */
const MAX_FOLIO_WORDS = 4;

/**
 * A folio read onto the end or the start of a line beside it, set apart by a space (pdf.js reads a headline and the
 * folio on its baseline as one line: `东州推进农业科技创新 东州日报 第 10 版`): the folio and the rest.
 */
function gluedFolio(raw: string): { folio: string; rest: string } | null {
  // (Most lines have no `第N版` at all: they are not split into words.)
  if (!FOLIO.test(raw)) return null;
  const words = raw.trim().split(/\s+/);
  for (let k = Math.min(MAX_FOLIO_WORDS, words.length - 1); k >= 1; k--) {
    const cuts: Array<[string[], string[]]> = [
      [words.slice(-k), words.slice(0, -k)],
      [words.slice(0, k), words.slice(k)],
    ];
    for (const [folio, rest] of cuts)
      if (furnitureKind(folio.join(' '), null) === 'folio') return { folio: folio.join(' '), rest: rest.join(' ') };
  }
  return null;
}

/**
 * The page's jump lines by direction, as line numbers: `out`, each `下转第N版` under text that goes on on another
 * page; `in`, each `上接第N版` over the text that went on.
 */
export interface Jumps {
  out: LineNo[];
  in: LineNo[];
}

export function jumpsOf(furniture: Furniture[]): Jumps {
  const jumps: Jumps = { out: [], in: [] };
  for (const f of furniture)
    if (f.kind === 'jump') (JUMP_OUT.test(compact(f.text)) ? jumps.out : jumps.in).push(f.line);
  return jumps;
}

/** A jump line stands between lines a and b (line numbers, a before b; b undefined: the end of the text). */
export const jumpBetween = (lines: LineNo[], a: LineNo | undefined, b: LineNo | undefined): boolean =>
  lines.some((j) => (a === undefined || j > a) && (b === undefined || j < b));
