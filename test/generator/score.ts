/** Compares a recovered issue with the generator's truth: the accuracy figures the README reports. */
import type { Issue } from '../../src/types.js';
import type { TruthPage } from './page.js';

export interface PageScore {
  /** Items of the page: the articles and the lead. */
  articles: number;
  /** Items whose headline, byline (or deck) and body text all came back together. */
  matched: number;
  paraTP: number;
  paraFP: number;
  paraFN: number;
  truthChars: number;
  /** Insertions + deletions needed to turn the truth text into the recovered text, item by item. */
  charEdits: number;
  /** The same for the whole page's text in reading order, whichever item it went to. */
  textEdits: number;
  textChars: number;
  dateOk: boolean;
  leadOk: boolean;
}

const norm = (s: string) => s.replace(/\s+/g, '');

type LeadLike = { headline: string; kicker?: string | null; deck: string | null; paragraphs: string[] };

/**
 * The line that goes with a lead's headline, as a gold page has it: its deck, or its kicker with the deck's dash
 * (a gold page has one deck, which the harness prints above the headline as a kicker or under it as a subtitle).
 */
export const deckOf = (l: LeadLike): string => l.deck ?? (l.kicker ? `——${l.kicker}` : '');

export function scorePage(truth: TruthPage, issue: Issue): PageScore {
  const score: PageScore = {
    articles: truth.articles.length,
    matched: 0,
    paraTP: 0,
    paraFP: 0,
    paraFN: 0,
    truthChars: 0,
    charEdits: 0,
    textEdits: 0,
    textChars: 0,
    dateOk: false,
    leadOk: false,
  };
  score.dateOk =
    issue.masthead?.date === truth.masthead.date &&
    issue.masthead?.weekday === truth.masthead.weekday &&
    issue.masthead?.email === truth.masthead.email &&
    issue.masthead?.section === truth.masthead.section;
  // An item's text: headline, deck, body. Paragraph boundaries are not part of it (they are scored apart, as
  // paragraph starts), for the lead as for the articles.
  const leadText = (l: LeadLike | null) => (l ? [l.headline, deckOf(l), l.paragraphs.join('')].join('\n') : '');
  score.leadOk = leadText(truth.lead) === leadText(issue.lead);
  const pairs: Array<[string, string]> = [[leadText(truth.lead), leadText(issue.lead)]];
  // Where paragraphs start, counted in characters other than spaces: a space more or less is a text error
  // (CER, exact items), not a boundary error, and must not shift every boundary after it.
  const starts = (ps: string[]) => {
    const out = new Set<number>();
    let at = 0;
    for (const p of ps) {
      out.add(at);
      at += norm(p).length;
    }
    return out;
  };
  const countStarts = (want: Set<number>, have: Set<number>) => {
    for (const s of have)
      if (want.has(s)) score.paraTP++;
      else score.paraFP++;
    for (const s of want) if (!have.has(s)) score.paraFN++;
  };
  // The lead is an item like the others: its headline, deck and body must come back together.
  if (truth.lead) {
    score.articles++;
    if (score.leadOk) score.matched++;
    countStarts(starts(truth.lead.paragraphs), starts(issue.lead?.paragraphs ?? []));
  }
  for (const t of truth.articles) {
    const got = issue.articles.find((a) => norm(a.headline) === norm(t.headline) && a.byline?.name === t.byline.name);
    const body = (ps: string[]) => ps.join('');
    if (
      got &&
      got.headline === t.headline &&
      got.byline?.role === t.byline.role &&
      body(got.paragraphs) === body(t.paragraphs)
    )
      score.matched++;
    countStarts(starts(t.paragraphs), starts(got?.paragraphs ?? []));
    const text = (h: string, role: string, name: string, ps: string[]) => [h, role, name, ...ps].join('\n');
    pairs.push([
      text(t.headline, t.byline.role, t.byline.name, t.paragraphs),
      got ? text(got.headline, got.byline?.role ?? '', got.byline?.name ?? '', got.paragraphs) : '',
    ]);
  }
  const pageText = (items: Array<{ headline: string; paragraphs: string[] }>) =>
    items.map((a) => a.paragraphs.join('')).join('');
  const truthText = pageText(truth.articles);
  score.textChars = truthText.length;
  score.textEdits = editDistance(truthText, pageText(issue.articles));
  for (const [a, b] of pairs) {
    score.truthChars += a.length;
    score.charEdits += editDistance(a, b);
  }
  return score;
}

export interface Accuracy {
  pages: number;
  articles: number;
  headlineBody: number;
  paragraphPrecision: number;
  paragraphRecall: number;
  cer: number;
  textCer: number;
  dates: number;
  leads: number;
}

export function accuracy(scores: PageScore[]): Accuracy {
  const sum = (f: (s: PageScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const tp = sum((s) => s.paraTP);
  return {
    pages: scores.length,
    articles: sum((s) => s.articles),
    headlineBody: sum((s) => s.matched) / sum((s) => s.articles),
    paragraphPrecision: tp / (tp + sum((s) => s.paraFP)),
    paragraphRecall: tp / (tp + sum((s) => s.paraFN)),
    cer: sum((s) => s.charEdits) / sum((s) => s.truthChars),
    textCer: sum((s) => s.textEdits) / sum((s) => s.textChars),
    dates: sum((s) => Number(s.dateOk)) / scores.length,
    leads: sum((s) => Number(s.leadOk)) / scores.length,
  };
}

/** Insert/delete edit distance (Myers' O(ND) algorithm): fast when the texts mostly agree. */
export function editDistance(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1]! < v[max + k + 1]!) ? v[max + k + 1]! : v[max + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[max + k] = x;
      if (x >= n && y >= m) return d;
    }
  }
  return max;
}
