/** One-line summaries of what a stage made, for people (the CLI, batch progress). */
import type { Issue, Layout } from '../types.js';

/** `1 warning`, `2 warnings`. */
export const count = (n: number, noun: string, plural = `${noun}s`): string => `${n} ${n === 1 ? noun : plural}`;

export function issueSummary(issue: Issue): string {
  const m = issue.masthead;
  const items = issue.articles.length + (issue.lead ? 1 : 0);
  const chars = [issue.lead?.paragraphs ?? [], ...issue.articles.map((a) => a.paragraphs)].flat().join('').length;
  const what = `${count(items, 'item')} (${issue.lead ? 'lead + ' : ''}${count(issue.articles.length, 'article')})`;
  const masthead = m ? `${m.section} ${m.date ?? ''} ${m.weekday}` : '(no masthead)';
  const tail =
    `${count(chars, 'character')} of text, ${count(issue.corrections.length, 'correction')}, ` +
    `${count(issue.warnings.length, 'warning')}`;
  return `${masthead}; ${what}, ${tail}`.replace(/\s+/g, ' ');
}

export function layoutSummary(layout: Layout): string {
  const fills = layout.makeup.pages.map((p, i) => `page ${i + 1} ${(p.fill * 100).toFixed(1)} % filled`).join(', ');
  const { bodySize, columns, measureEm } = layout.makeup;
  const body = `body ${bodySize} pt in ${columns} columns of ${measureEm} em`;
  return `${count(layout.pages.length, 'page')}, ${body}, ${fills}`;
}
