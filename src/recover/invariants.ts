import { InvariantError } from '../errors.js';
import { diffCounts, hanCounts, issueHan } from '../text/han.js';
import type { Issue } from '../types.js';

/**
 * Han characters corrections account for: a `口` read as the byline marker
 * was taken out (counted back in); a byline copied from the text (the
 * dateline's reporters, the sign-off's role) was added (counted out).
 */
export function correctedAway(issue: Issue): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of issue.corrections) {
    if (c.kind === 'byline-marker') hanCounts(c.from.slice(0, 1), counts);
    if (c.kind === 'byline-from-text') for (const [ch, n] of hanCounts(c.to)) counts.set(ch, (counts.get(ch) ?? 0) - n);
  }
  return counts;
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
    throw new InvariantError(
      `recovery lost or added Han characters: ${shown}`,
      file,
      'this is a bug in newsprint; please report it with the input',
    );
  }
}
