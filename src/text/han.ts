/** Counting Han characters: the measure of "nothing lost" shared by recovery, the archive check and the tests. */
import type { Issue } from '../types.js';
import { hanCounts } from './chars.js';

export { hanCounts };

/** Every Han character the issue carries, including those a listed correction removed. */
export function issueHan(issue: Issue): Map<string, number> {
  const counts = new Map<string, number>();
  const m = issue.masthead;
  if (m) for (const s of [m.section, m.dateText, m.weekday, m.emailLabel, ...m.extra]) hanCounts(s, counts);
  if (issue.lead)
    for (const s of [issue.lead.kicker ?? '', issue.lead.headline, issue.lead.deck ?? '', ...issue.lead.paragraphs])
      hanCounts(s, counts);
  for (const a of issue.articles)
    for (const s of [a.headline, a.byline?.role ?? '', a.byline?.name ?? '', ...a.paragraphs]) hanCounts(s, counts);
  for (const f of issue.furniture ?? []) hanCounts(f.text, counts);
  return counts;
}

/** Differences between two character counts, as `字+2 字-1` for the message. */
export function diffCounts(expected: Map<string, number>, actual: Map<string, number>): string[] {
  const out: string[] = [];
  for (const ch of new Set([...expected.keys(), ...actual.keys()])) {
    const d = (actual.get(ch) ?? 0) - (expected.get(ch) ?? 0);
    if (d !== 0) out.push(`${ch}${d > 0 ? '+' : ''}${d}`);
  }
  return out.sort();
}
