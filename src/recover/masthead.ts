import { emWidth } from '../text/chars.js';
import type { Masthead, Warning, WarningCode } from '../types.js';
import { isoDate, isValidDate, normaliseWeekday, weekdayOf } from './calendar.js';
import { compact } from './classify.js';
import type { DraftCorrection, SourceLine } from './lines.js';
import { undouble, undoublings } from './undouble.js';

export interface MastheadResult {
  masthead: Masthead | null;
  correction: DraftCorrection | null;
  warnings: Warning[];
}

export const DATE_SPAN = /[0-9０-９][0-9０-９\s]*年[\s年]*[0-9０-９][0-9０-９\s]*月[\s月]*[0-9０-９][0-9０-９\s]*日+/;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/;
const EMAIL_LABEL = /(电子信箱|电子邮箱|电子邮件|邮箱|E-?mail|e-?mail)\s*[：:]?/;
export const WEEKDAY = /(?:星期|周|礼拜)[一二三四五六日天]/;

/** How much a line looks like a masthead: doubled runs, a date, a weekday, an e-mail. */
export function mastheadScore(raw: string): number {
  const tokens = raw.trim().split(/\s+/);
  const doubled = tokens.filter((t) => [...t].length >= 2 && undouble(t).cost === 0).length;
  const flat = tokens.map((t) => undouble(t).text).join(' ');
  let score = 0;
  if (doubled / tokens.length >= 0.5) score += 2;
  if (DATE_SPAN.test(compact(raw))) score += 2;
  if (WEEKDAY.test(flat)) score += 2;
  if (EMAIL.test(flat)) score += 1;
  return score;
}

/** How many lines from the top the masthead's date may stand. */
const MASTHEAD_REACH = 12;
/** A masthead's date line read away from the top: the date and weekday, perhaps the paper and e-mail (ems). */
const DATE_LINE_MAX = 30;
/** A folio (`第14版`, `第 14 版`) and a paper's name (`人民日报`): printed in the masthead, not its section. */
export const FOLIO = /第\s*[0-9０-９]{1,3}\s*版/;
export const PAPER = /^\p{Script=Han}{1,6}(?:日报|晚报|时报|早报|晨报|商报|周报)$/u;
/** A section title: a few Han characters, maybe drawn twice. */
const TITLE = /^\p{Script=Han}{2,12}$/u;

/**
 * The masthead's lines. Printed on one line it is one line; an extractor may
 * also give it one piece per line (folio, title, paper, date, e-mail) or one
 * fake-bold run per line. The region grows from the date line up over the
 * title, folio and paper, and down over the weekday and e-mail.
 */
export function findMasthead(lines: SourceLine[]): SourceLine[] {
  const isDate = (l: SourceLine) => DATE_SPAN.test(compact(l.raw)) && mastheadScore(l.raw) >= 2;
  let d = lines.slice(0, MASTHEAD_REACH).findIndex(isDate);
  if (d < 0) {
    const single = lines.slice(0, 6).find((l) => mastheadScore(l.raw) >= 4);
    if (single) return [single];
    // Read further down the first page (pdfminer may order the masthead's box after an article): a short line of
    // a date and its weekday, which running text never is.
    d = lines.findIndex(
      (l) => (l.page ?? 0) === 0 && isDate(l) && WEEKDAY.test(l.raw) && emWidth(l.raw.trim()) <= DATE_LINE_MAX,
    );
    if (d < 0) return [];
  }
  const top = lines.slice(0, Math.max(MASTHEAD_REACH, d + 4));
  let first = d;
  while (first > 0 && d - first < 4 && isMastheadPiece(lines[first - 1]!.raw, true)) first--;
  let last = d;
  while (last + 1 < top.length && last - d < 3 && isMastheadPiece(lines[last + 1]!.raw, false)) last++;
  const region = lines.slice(first, last + 1);
  return mastheadScore(region.map((l) => l.raw).join(' ')) >= 4 ? region : [];
}

function isMastheadPiece(raw: string, above: boolean): boolean {
  const s = compact(raw);
  if (!s) return false;
  if (FOLIO.test(s) && s.replace(FOLIO, '').length <= 8) return true;
  if (PAPER.test(s) || EMAIL.test(s) || (WEEKDAY.test(s) && s.length <= 6)) return true;
  if (/^(电子信箱|电子邮箱|邮箱)[：:]?$/.test(s)) return true;
  return above && TITLE.test(s) && [...undouble(s).text].length <= SECTION_MAX;
}

/**
 * A section's name is short (`要闻`, `民主政治`, `政教专刊部主办`); a longer line above the date is a headline an
 * extractor read before the masthead (pdfminer: `西湾果子越种越甜  日子越过越好`).
 */
const SECTION_MAX = 8;

/**
 * A section title printed away from the masthead (drawn after the page, as
 * positioned text often is): drawn twice anywhere (`生态生态`, or `生态` on two
 * lines running), once as the page's very last line, or after its folio (drawn twice, or the page's first line).
 */
export function findStrayTitle(lines: SourceLine[]): SourceLine[] {
  const short = (s: string) => [...s].length >= 2 && [...s].length <= 6;
  for (let i = 0; i < lines.length; i++) {
    const s = lines[i]!.raw.trim();
    if (!TITLE.test(s)) continue;
    if (lines[i + 1]?.raw.trim() === s && short(s)) return [lines[i]!, lines[i + 1]!];
    const u = undouble(s);
    if (u.cost === 0 && short(u.text)) return [lines[i]!];
  }
  const last = lines.at(-1);
  if (last && TITLE.test(last.raw.trim()) && short(last.raw.trim())) return [last];
  // With its folio, as the page's head reads (`第 18 版 民主政治民主政治`), set apart from the rest of the masthead by an
  // extractor that orders text boxes its own way (pdfminer): drawn twice, or once as the page's first line.
  const head = lines.find((l, i) => {
    if (!FOLIO.test(l.raw)) return false;
    const title = compact(l.raw.replace(FOLIO, ''));
    const u = undouble(title);
    return TITLE.test(title) && (u.cost === 0 || i === 0) && short(u.text);
  });
  return head ? [head] : [];
}

export function parseMasthead(line: SourceLine, lineNos: number[] = [line.no]): MastheadResult {
  const warnings: Warning[] = [];
  // The folio first: it may be glued to the title (`第14 版生态生态`).
  const folioMatch = FOLIO.exec(line.raw);
  const folio = folioMatch ? compact(folioMatch[0]) : '';
  const raw = (folioMatch ? line.raw.replace(FOLIO, ' ') : line.raw).trim();
  const tokens = raw.split(/\s+/);
  const doubledChars = tokens.filter((t) => undouble(t).cost === 0).join('').length;
  const doubled = doubledChars / tokens.join('').length >= 0.5;
  const flatten = (s: string) =>
    s
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((t) => {
        const u = undouble(t);
        // A title drawn twice on a line that is otherwise not (`生态生态 人民日报 …`).
        if (!doubled) return u.cost === 0 && TITLE.test(t) && [...t].length >= 4 ? u.text : t;
        // A token that is not itself drawn twice (an e-mail address with `pp`) is kept as printed.
        return u.cost === 0 || /\p{Script=Han}/u.test(t) ? u.text : t;
      })
      .join(' ');

  const span = DATE_SPAN.exec(raw);
  const before = flatten(span ? raw.slice(0, span.index) : raw);
  const after = flatten(span ? raw.slice(span.index + span[0].length) : '');
  const rest = `${before} ${after}`.trim();

  const weekdayMatch = WEEKDAY.exec(rest);
  const printedWeekday = weekdayMatch ? weekdayMatch[0] : '';
  const weekday = normaliseWeekday(printedWeekday);
  const date = span ? chooseDate(span[0], doubled, weekday) : null;
  const warn = (code: WarningCode, message: string) =>
    warnings.push({ code, message, item: 'masthead', lines: [line.no] });
  if (!span) warn('masthead-no-date', 'the masthead has no date');
  else if (!date) warn('masthead-bad-date', `the masthead date "${span[0]}" is not a real date`);
  else if (weekday && !date.agrees)
    warn(
      'masthead-weekday-mismatch',
      `no reading of the date "${span[0]}" falls on ${weekday}; kept ${date.iso} (${weekdayOf(...date.ymd)})`,
    );
  if (!weekday) warn('masthead-no-weekday', 'the masthead has no weekday');

  const dateText = date ? date.text : span ? compact(flatten(span[0])) : '';
  let remaining = rest;
  const take = (re: RegExp): string => {
    const m = re.exec(remaining);
    if (!m) return '';
    remaining = (remaining.slice(0, m.index) + ' ' + remaining.slice(m.index + m[0].length)).trim();
    return m[0];
  };
  take(WEEKDAY);
  const email = take(EMAIL);
  const emailLabel = email ? compact(take(EMAIL_LABEL)) : '';
  const parts = remaining.split(/\s+/).filter(Boolean);
  const beforeParts = before.split(/\s+/).filter((p) => p && !PAPER.test(p));
  const section = beforeParts[0] ?? parts.find((p) => !PAPER.test(p) && /\p{Script=Han}/u.test(p)) ?? '';
  const extra = [
    ...parts.filter((p, i) => !(p === section && i === parts.indexOf(section))),
    ...(folio ? [folio] : []),
  ];
  if (!section) warn('masthead-no-section', 'the masthead names no section');

  const text = [folio, before, dateText, after].filter(Boolean).join(' ');
  const masthead: Masthead = {
    text,
    section,
    date: date ? date.iso : null,
    dateText,
    weekday: printedWeekday,
    emailLabel,
    email,
    extra,
    line: line.no,
  };
  const correction: DraftCorrection | null =
    text === raw
      ? null
      : {
          kind: 'masthead-undoubled',
          item: 'masthead',
          lines: lineNos,
          from: line.raw,
          to: text,
          note: doubled
            ? 'fake-bold runs read twice'
            : lineNos.length > 1
              ? 'masthead read over several lines'
              : 'date reading',
        };
  return { masthead, correction, warnings };
}

interface DateReading {
  text: string;
  iso: string;
  ymd: [number, number, number];
  agrees: boolean;
}

/**
 * Reads a possibly doubled date span. Every undoubling is a candidate; a real
 * date whose weekday agrees with the printed one wins, then the reading that
 * best fits how the line was doubled.
 */
function chooseDate(span: string, doubled: boolean, weekday: string | null): DateReading | null {
  const digits = toAscii(compact(span));
  const readings: Array<DateReading & { cost: number }> = [];
  for (const { text, cost } of undoublings(digits)) {
    const m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(text);
    if (!m) continue;
    const ymd: [number, number, number] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!isValidDate(...ymd)) continue;
    readings.push({
      text,
      iso: isoDate(...ymd),
      ymd,
      agrees: weekday === weekdayOf(...ymd),
      cost: doubled ? cost : -cost,
    });
  }
  readings.sort((a, b) => Number(b.agrees) - Number(a.agrees) || a.cost - b.cost || (a.text < b.text ? -1 : 1));
  const best = readings[0];
  return best ? { text: best.text, iso: best.iso, ymd: best.ymd, agrees: best.agrees } : null;
}

function toAscii(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
