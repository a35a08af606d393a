import { InvariantError } from '../errors.js';
import { hanCounts } from '../text/chars.js';
import type { Issue } from '../types.js';

/** Every Han character the issue carries, including those a listed correction removed. */
export function issueHan(issue: Issue): Map<string, number> {
  const counts = new Map<string, number>();
  const m = issue.masthead;
  if (m) for (const s of [m.section, m.dateText, m.weekday, m.emailLabel, ...m.extra]) hanCounts(s, counts);
  if (issue.lead) for (const s of [issue.lead.headline, issue.lead.deck ?? '', ...issue.lead.paragraphs]) hanCounts(s, counts);
  for (const a of issue.articles) for (const s of [a.headline, a.byline?.role ?? '', a.byline?.name ?? '', ...a.paragraphs]) hanCounts(s, counts);
  return counts;
}

/** Han characters that corrections took out of the text (a `口` read as the byline marker). */
export function correctedAway(issue: Issue): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of issue.corrections) if (c.kind === 'byline-marker') hanCounts(c.from.slice(0, 1), counts);
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

/**
 * Nothing is lost: the issue holds every Han character of the input, as
 * often as the input has it, except what a listed correction changed.
 */
export function checkNothingLost(inputHan: Map<string, number>, issue: Issue, file: string): void {
  const carried = issueHan(issue);
  for (const [ch, n] of correctedAway(issue)) carried.set(ch, (carried.get(ch) ?? 0) + n);
  const diff = diffCounts(inputHan, carried);
  if (diff.length) {
    const shown = diff.slice(0, 12).join(' ') + (diff.length > 12 ? ` …(${diff.length} in all)` : '');
    throw new InvariantError(`recovery lost or added Han characters: ${shown}`, file, 'this is a bug in newsprint; please report it with the input');
  }
}
