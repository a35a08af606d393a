import type { Issue } from '../../src/types.js';
import { generatePage, type TruthPage } from './page.js';

/**
 * A page's truth as newsprint's own issue, as if recovery had been perfect:
 * what the layout tests and the round trip set, independent of recovery.
 */
export function issueOfTruth(truth: TruthPage, file: string): Issue {
  const [y, m, d] = truth.masthead.date.split('-').map(Number);
  const dateText = `${y}年${m}月${d}日`;
  const noSource = { headline: [], paragraphs: [] };
  return {
    schema: 'newsprint/issue@1',
    source: { file, sha256: '0'.repeat(64), encoding: 'utf-8', lines: 0 },
    masthead: {
      text: `${truth.masthead.section} ${dateText} ${truth.masthead.weekday}`,
      section: truth.masthead.section,
      date: truth.masthead.date,
      dateText,
      weekday: truth.masthead.weekday,
      emailLabel: '电子信箱：',
      email: truth.masthead.email,
      extra: [],
      line: 1,
    },
    lead: truth.lead
      ? {
          headline: truth.lead.headline,
          deck: truth.lead.deck || null,
          paragraphs: truth.lead.paragraphs,
          source: noSource,
        }
      : null,
    articles: truth.articles.map((a, i) => ({
      id: `a${i + 1}`,
      headline: a.headline,
      byline: a.byline,
      paragraphs: a.paragraphs,
      source: noSource,
      confidence: 1,
    })),
    furniture: [],
    corrections: [],
    warnings: [],
  };
}

/** Generated issues of 4-9 items and 4,000-9,000 characters, from the first seeds that give them. */
export function generatedIssues(count: number, from = 1): Issue[] {
  const out: Issue[] = [];
  for (let seed = from; out.length < count; seed++) {
    const page = generatePage(seed, { articles: [3, 8], chars: [3800, 8600], lead: 0.9 });
    const issue = issueOfTruth(page.truth, `seed-${seed}.txt`);
    const items = issue.articles.length + (issue.lead ? 1 : 0);
    const chars = [issue.lead?.paragraphs ?? [], ...issue.articles.map((a) => a.paragraphs)].flat().join('').length;
    if (items >= 4 && items <= 9 && chars >= 4000 && chars <= 9000) out.push(issue);
  }
  return out;
}
