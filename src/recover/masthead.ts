import type { Correction, Masthead, Warning } from '../types.js';
import { isoDate, isValidDate, normaliseWeekday, weekdayOf } from './calendar.js';
import type { SourceLine } from './lines.js';
import { undouble, undoublings } from './undouble.js';

export interface MastheadResult {
  masthead: Masthead | null;
  correction: Correction | null;
  warnings: Warning[];
}

const DATE_SPAN = /[0-9０-９][0-9０-９\s]*年[\s年]*[0-9０-９][0-9０-９\s]*月[\s月]*[0-9０-９][0-9０-９\s]*日+/;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/;
const EMAIL_LABEL = /(电子信箱|电子邮箱|电子邮件|邮箱|E-?mail|e-?mail)\s*[：:]?/;
const WEEKDAY = /(?:星期|周|礼拜)[一二三四五六日天]/;

/** How much a line looks like a masthead: doubled runs, a date, a weekday, an e-mail. */
export function mastheadScore(raw: string): number {
  const tokens = raw.trim().split(/\s+/);
  const doubled = tokens.filter((t) => [...t].length >= 2 && undouble(t).cost === 0).length;
  const flat = tokens.map((t) => undouble(t).text).join(' ');
  let score = 0;
  if (doubled / tokens.length >= 0.5) score += 2;
  if (DATE_SPAN.test(raw.replace(/\s/g, ''))) score += 2;
  if (WEEKDAY.test(flat)) score += 2;
  if (EMAIL.test(flat)) score += 1;
  return score;
}

/** The masthead is the first of the first few lines that scores as one. */
export function findMastheadLine(lines: SourceLine[]): SourceLine | null {
  for (const line of lines.slice(0, 6)) if (mastheadScore(line.raw) >= 4) return line;
  return null;
}

export function parseMasthead(line: SourceLine): MastheadResult {
  const warnings: Warning[] = [];
  const raw = line.raw.trim();
  const tokens = raw.split(/\s+/);
  const doubledChars = tokens.filter((t) => undouble(t).cost === 0).join('').length;
  const doubled = doubledChars / tokens.join('').length >= 0.5;
  const flatten = (s: string) =>
    s
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((t) => (doubled ? undouble(t).text : t))
      .join(' ');

  const span = DATE_SPAN.exec(raw);
  const before = flatten(span ? raw.slice(0, span.index) : raw);
  const after = flatten(span ? raw.slice(span.index + span[0].length) : '');
  const rest = `${before} ${after}`.trim();

  const weekdayMatch = WEEKDAY.exec(rest);
  const printedWeekday = weekdayMatch ? weekdayMatch[0] : '';
  const weekday = normaliseWeekday(printedWeekday);
  const date = span ? chooseDate(span[0], doubled, weekday) : null;
  if (!span)
    warnings.push({
      code: 'masthead-no-date',
      message: 'the masthead has no date',
      item: 'masthead',
      lines: [line.no],
    });
  else if (!date)
    warnings.push({
      code: 'masthead-bad-date',
      message: `the masthead date "${span[0]}" is not a real date`,
      item: 'masthead',
      lines: [line.no],
    });
  else if (weekday && !date.agrees)
    warnings.push({
      code: 'masthead-weekday-mismatch',
      message: `no reading of the date "${span[0]}" falls on ${weekday}; kept ${date.iso} (${weekdayOf(...date.ymd)})`,
      item: 'masthead',
      lines: [line.no],
    });
  if (!weekday)
    warnings.push({
      code: 'masthead-no-weekday',
      message: 'the masthead has no weekday',
      item: 'masthead',
      lines: [line.no],
    });

  const dateText = date ? date.text : span ? flatten(span[0]).replace(/\s/g, '') : '';
  let remaining = rest;
  const take = (re: RegExp): string => {
    const m = re.exec(remaining);
    if (!m) return '';
    remaining = (remaining.slice(0, m.index) + ' ' + remaining.slice(m.index + m[0].length)).trim();
    return m[0];
  };
  take(WEEKDAY);
  const email = take(EMAIL);
  const emailLabel = email ? take(EMAIL_LABEL).replace(/\s/g, '') : '';
  const parts = remaining.split(/\s+/).filter(Boolean);
  const section = before ? before.split(/\s+/)[0]! : (parts[0] ?? '');
  const extra = parts.filter((p, i) => !(p === section && i === parts.indexOf(section)));
  if (!section)
    warnings.push({
      code: 'masthead-no-section',
      message: 'the masthead names no section',
      item: 'masthead',
      lines: [line.no],
    });

  const text = [before, dateText, after].filter(Boolean).join(' ');
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
  const correction: Correction | null =
    text === raw
      ? null
      : {
          id: '',
          kind: 'masthead-undoubled',
          item: 'masthead',
          lines: [line.no],
          from: line.raw,
          to: text,
          note: doubled ? 'fake-bold runs read twice' : 'date reading',
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
  const compact = toAscii(span.replace(/\s/g, ''));
  const readings: Array<DateReading & { cost: number }> = [];
  for (const { text, cost } of undoublings(compact)) {
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
