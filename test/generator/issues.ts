import { recoverText } from '../../src/recover/index.js';
import { jiebaWords } from '../../src/text/segmenter.js';
import type { Issue } from '../../src/types.js';
import { generatePage } from './page.js';

/** Generated issues of 4-9 items and 4,000-9,000 characters, from the first seeds that give them. */
export function generatedIssues(count: number, from = 1): Issue[] {
  const out: Issue[] = [];
  for (let seed = from; out.length < count; seed++) {
    const page = generatePage(seed, { articles: [3, 8], chars: [3800, 8600], lead: 0.9 });
    const issue = recoverText(page.text, { file: `seed-${seed}.txt`, words: jiebaWords });
    const items = issue.articles.length + (issue.lead ? 1 : 0);
    const chars = [issue.lead?.paragraphs ?? [], ...issue.articles.map((a) => a.paragraphs)].flat().join('').length;
    if (items >= 4 && items <= 9 && chars >= 4000 && chars <= 9000) out.push(issue);
  }
  return out;
}
