/**
 * Page furniture: what the page prints around its articles and is no part
 * of any: folios (`第14版`), the paper's name, running heads (paper, date,
 * section), jump lines (`转第2版`, `上接第1版`), credits (`责任编辑：…`) and
 * page-corner e-mails. Kept in the issue as furniture, never in article text.
 */
import type { Furniture, Masthead } from '../types.js';
import { compact } from './classify.js';
import type { SourceLine } from './lines.js';
import { DATE_SPAN, FOLIO, PAPER, WEEKDAY } from './masthead.js';

const JUMP = /^[（(]?(?:转|下转|上接|接|续)第[0-9０-９]{1,3}版[）)]?$/;
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
 * line of its own next to a running head (page 2 of a spread) is part of it.
 */
export function takeFurniture(
  lines: SourceLine[],
  masthead: Masthead | null,
): { furniture: Furniture[]; rest: SourceLine[] } {
  const kinds = lines.map((l) => furnitureKind(l.raw, masthead));
  const section = masthead?.section;
  lines.forEach((l, i) => {
    const nearHead = kinds[i - 1] === 'running-head' || kinds[i + 1] === 'running-head';
    if (!kinds[i] && section && compact(l.raw) === section && nearHead) kinds[i] = 'running-head';
  });
  const furniture: Furniture[] = [];
  const rest: SourceLine[] = [];
  lines.forEach((line, i) => {
    const kind = kinds[i];
    if (kind) furniture.push({ kind, text: line.raw.trim(), line: line.no });
    else rest.push(line);
  });
  return { furniture, rest };
}
