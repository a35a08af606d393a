/**
 * Generates a newspaper page twice: as the clean truth (what recovery should
 * give back) and as the garbled text a PDF extractor makes of the printed
 * page, with the artifacts of the real thing: a doubled fake-bold masthead,
 * column lines without paragraph marks, letter-spaced justified lines, spaces
 * around digits, blank lines or not, stray newlines, headlines and bylines
 * displaced after their bodies (grouped and reordered), headlines broken over
 * two lines, `口` for `□`, and the lead last in long lines.
 */
import { charEm, NO_LINE_END, NO_LINE_START } from '../../src/text/chars.js';
import {
  CLAUSES,
  DECK_TOPICS,
  GIVEN,
  HEADLINE_CLAUSES,
  INSERTS,
  LEAD_HEADLINES,
  OPENERS,
  ORGS,
  PLACES,
  SECTIONS,
  SURNAMES,
} from './corpus.js';
import { Random } from './random.js';

export interface TruthArticle {
  headline: string;
  byline: { role: string; name: string };
  paragraphs: string[];
}

export interface TruthPage {
  masthead: { section: string; date: string; weekday: string; email: string };
  lead: { headline: string; deck: string; paragraphs: string[] } | null;
  /** In body (reading) order. */
  articles: TruthArticle[];
}

export interface GeneratedPage {
  seed: number;
  truth: TruthPage;
  /** The extraction text. */
  text: string;
  /** The masthead line as printed (before the extractor doubled it). */
  mastheadLine: string;
}

export interface PageOptions {
  articles?: [number, number];
  /** Approximate total characters of body text. */
  chars?: [number, number];
  lead?: number;
}

const WEEKDAY = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

export function generatePage(seed: number, options: PageOptions = {}): GeneratedPage {
  const r = new Random(seed);
  const [minA, maxA] = options.articles ?? [3, 8];
  const count = r.int(minA, maxA);
  const [minC, maxC] = options.chars ?? [3000, 7000];
  const perArticle = r.int(minC, maxC) / count;
  const places = r.shuffle(PLACES).slice(0, count);
  const articles = places.map((place) => makeArticle(r, place, perArticle));
  const lead = r.chance(options.lead ?? 0.85) ? makeLead(r) : null;
  const masthead = makeMasthead(r);
  const { text, mastheadLine } = printPage(r, masthead, lead, articles);
  return { seed, truth: { masthead, lead, articles: articles.map(({ clauses: _c, ...a }) => a) }, text, mastheadLine };
}

// ---- clean content -------------------------------------------------------

function makeName(r: Random): string {
  return r.pick(SURNAMES) + r.pick(GIVEN);
}

function makeHeadlineClauses(r: Random): string[][] {
  const clauses = r.chance(0.6) ? [r.pick(HEADLINE_CLAUSES), r.pick(HEADLINE_CLAUSES)] : [r.pick(HEADLINE_CLAUSES)];
  if (clauses.length === 2 && clauses[0] === clauses[1]) clauses.pop();
  return clauses.map((c) => c.split('/'));
}

function sentence(r: Random, place: string, mention: boolean): string {
  const parts: string[] = [];
  const n = r.int(1, 3);
  for (let i = 0; i < n; i++) parts.push(r.chance(0.2) ? r.pick(INSERTS)(() => r.next()) : r.pick(CLAUSES));
  let s = r.pick(OPENERS) + parts.join(r.chance(0.15) ? '、' : '，');
  if (mention)
    s =
      (r.chance(0.5) ? `${place}` : `${place.slice(0, -1)}`) +
      r.pick(['坚持', '围绕中心工作，', '着眼长远，', '']) +
      s.replace(/^[^，]*，/, (m) => (OPENERS.includes(m) ? '' : m));
  return s + (r.chance(0.9) ? '。' : r.pick(['！', '；', '。”']).replace('。”', '。'));
}

function paragraph(r: Random, place: string, mentionP: number, target: number): string {
  let p = '';
  while ([...p].length < target) p += sentence(r, place, r.chance(mentionP) && p === '');
  return p.endsWith('；') ? p.slice(0, -1) + '。' : p;
}

/** An article with its headline's clauses and words, which the printer needs to break it. */
type Drafted = TruthArticle & { clauses: string[][] };

function makeArticle(r: Random, place: string, chars: number): Drafted {
  const { org, titles } = r.pick(ORGS);
  const role = r.chance(0.12) ? r.pick(['本报记者', '本报通讯员']) : `${place}${org}${r.pick(titles)}`;
  const clauses = makeHeadlineClauses(r);
  // A staff reporter's byline names no place: then the headline does, as papers do.
  if (!role.startsWith(place)) clauses[0]!.unshift(place.slice(0, -1));
  const paragraphs: string[] = [];
  let total = 0;
  while (total < chars || paragraphs.length < 2) {
    const first = paragraphs.length === 0;
    const p = paragraph(r, place, first ? 0.9 : 0.2, r.int(first ? 40 : 30, first ? 120 : 220));
    paragraphs.push(p);
    total += [...p].length;
  }
  return {
    headline: clauses.map((c) => c.join('')).join(' '),
    byline: { role, name: makeName(r) },
    paragraphs,
    clauses,
  };
}

function makeLead(r: Random): TruthPage['lead'] {
  const paragraphs = Array.from({ length: r.int(1, 3) }, () => paragraph(r, '全市', 0.3, r.int(80, 200)));
  return { headline: r.pick(LEAD_HEADLINES), deck: '——' + r.pick(DECK_TOPICS), paragraphs };
}

function makeMasthead(r: Random): TruthPage['masthead'] {
  const y = r.int(1995, 2035);
  const m = r.int(1, 12);
  const d = r.int(1, new Date(Date.UTC(y, m, 0)).getUTCDate());
  const date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const weekday = WEEKDAY[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
  const user = `${r.pick(['news', 'zhjb', 'wenhua', 'jjb', 'llrb'])}${r.int(1, 999)}`;
  const email = `${user}@${r.pick(['163.com', '126.com', 'qq.com', 'sina.com'])}`;
  return { section: r.pick(SECTIONS), date, weekday, email };
}

// ---- printing and extraction ----------------------------------------------

/**
 * Breaks text into column lines as a compositor would: first line indented 2 em, kinsoku kept by pushing or squeezing.
 */
export function breakLines(text: string, measure: number): string[] {
  const units = text.match(/[A-Za-z0-9.%]+(?: [A-Za-z]+)*|——|……|./gu) ?? [];
  const lines: string[] = [];
  let line: string[] = [];
  let avail = measure - 2;
  const w = (u: string) => [...u].reduce((n, ch) => n + charEm(ch), 0);
  const width = (us: string[]) => us.reduce((n, u) => n + w(u), 0);
  for (const u of units) {
    if (width(line) + w(u) > avail + 1e-9 && line.length) {
      if (NO_LINE_START.has(u) && width(line) + w(u) <= avail + 0.5) {
        line.push(u); // squeeze a closing mark onto the line
        continue;
      }
      // Push down what may not end a line, and the last character before a mark that may not start one.
      const carry: string[] = [];
      if (NO_LINE_START.has(u) && line.length > 1) carry.unshift(line.pop()!);
      while (line.length > 1 && NO_LINE_END.has(line[line.length - 1]!)) carry.unshift(line.pop()!);
      lines.push(line.join(''));
      line = carry;
      avail = measure;
    }
    line.push(u);
  }
  if (line.length) lines.push(line.join(''));
  return lines;
}

/** What an extractor makes of a printed line. */
function extractLine(r: Random, line: string, full: boolean): string {
  if (full && r.chance(0.05)) {
    // A justified line read with a space between every character.
    return (line.match(/[A-Za-z0-9.%]+|./gu) ?? []).join(' ').replace(/([，。、；：]) /g, '$1');
  }
  return line.replace(/[A-Za-z0-9.%]+(?: [A-Za-z]+)*/g, (run, at: number) => {
    const before = at > 0 && r.chance(0.5) ? ' ' : '';
    const after = at + run.length < line.length && r.chance(0.5) ? ' ' : '';
    return before + run + after;
  });
}

function doubled(text: string): string {
  // Each run (a word, a number, a unit) is drawn twice.
  const runs = text.match(/\d+|[A-Za-z.@]+|[年月日]|[：:]|[^\s\d年月日：:A-Za-z.@]+/g) ?? [];
  return runs.map((run) => run + run).join('');
}

function printPage(
  r: Random,
  masthead: TruthPage['masthead'],
  lead: TruthPage['lead'],
  articles: Drafted[],
): { text: string; mastheadLine: string } {
  const out: string[] = [];
  const [y, m, d] = masthead.date.split('-').map(Number) as [number, number, number];
  const parts = [
    masthead.section,
    `${y}年${m}月${d}日`,
    masthead.weekday,
    `${r.pick(['电子信箱', '电子邮箱'])}：${masthead.email}`,
  ];
  out.push(parts.map(doubled).join(' '), '');

  // Groups of consecutive articles whose signatures follow all their bodies.
  let i = 0;
  while (i < articles.length) {
    const size = Math.min(articles.length - i, r.chance(0.5) ? 1 : r.int(2, 4));
    const group = articles.slice(i, i + size);
    i += size;
    const blank = r.chance(0.6);
    const groupMeasure = r.int(16, 24);
    for (const a of group) {
      const measure = r.chance(0.3) ? r.int(16, 24) : groupMeasure;
      for (const p of a.paragraphs) {
        const lines = breakLines(p, measure);
        lines.forEach((line, k) => {
          const full = k > 0 && k < lines.length - 1;
          let text = extractLine(r, line, full);
          // stray single newline: next line follows directly
          if (blank && r.chance(0.03)) text = text.replace(/\s*$/, '') + '\n' + '\u0000';
          out.push(text);
          if (blank) out.push('');
        });
      }
    }
    for (const a of r.shuffle(group)) out.push(...signature(r, a), '');
  }
  if (lead) {
    const measure = r.int(60, 90);
    out.push(lead.headline, lead.deck, '');
    for (const p of lead.paragraphs) out.push(...breakLines(p, measure).map((l) => extractLine(r, l, false)), '');
  }
  // A stray newline swallows the blank line that would follow.
  const text =
    out
      .join('\n')
      .replace(/\n\u0000\n\n/g, '\n')
      .replace(/\n\u0000/g, '') + '\n';
  return { text, mastheadLine: parts.join(' ') };
}

function signature(r: Random, a: Drafted): string[] {
  const clauses = a.clauses;
  const marker = r.chance(0.25) ? '口' : '□';
  const byline = `${marker} ${a.byline.role} ${a.byline.name}`;
  if (!r.chance(0.35)) return [clauses.map((c) => c.join('')).join(' '), byline];
  if (clauses.length === 2 && r.chance(0.5)) return [clauses[0]!.join(''), clauses[1]!.join(''), byline];
  // Break inside a word of the last clause, as a narrow headline measure does.
  const words = clauses[clauses.length - 1]!;
  const multi = words.map((w, k) => ({ w, k })).filter(({ w, k }) => w.length >= 2 && k > 0);
  if (!multi.length) return [clauses.map((c) => c.join('')).join(' '), byline];
  const { w, k } = r.pick(multi);
  const cut = r.int(1, w.length - 1);
  const head = clauses
    .slice(0, -1)
    .map((c) => c.join('') + ' ')
    .join('');
  return [head + words.slice(0, k).join('') + w.slice(0, cut), w.slice(cut) + words.slice(k + 1).join(''), byline];
}
