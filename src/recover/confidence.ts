/**
 * How sure recovery is that an article is right as a whole: that its body is
 * its own (the margin of the run that gave it), and that its paragraphs and
 * headline were read right. Each doubt leaves a share of the trust; the
 * corpus test holds that no wrong article keeps 0.9 or more.
 */
import { endsSentence } from '../text/chars.js';
import { hasStraySentenceEnd, parseSignoff } from './classify.js';
import type { Paragraph } from './paragraphs.js';

/** Each doubt (a narrow paragraph call, a headline read from two lines or more, …) leaves this much of the trust. */
const DOUBT_FACTOR = 0.85;
/** A body that ends mid-sentence keeps this much of the trust: its end is elsewhere, or another's text is in it. */
const UNFINISHED_FACTOR = 0.6;

/**
 * `signed`: a byline, a dateline or a sign-off named who wrote it. Every article of the real corpus is signed:
 * one that is not has likely lost its byline's paragraph (a dateline) to another item.
 */
export function itemConfidence(run: number, body: Paragraph[], headlineLines: number, signed = true): number {
  const doubts =
    body.reduce((n, p) => n + p.doubts + (hasStraySentenceEnd(p.text) ? 1 : 0), 0) +
    (headlineLines > 1 ? 1 : 0) +
    (signed ? 0 : 1) +
    // A sign-off (`（作者为…）`) ends an article: text after it is another's.
    (body.slice(0, -1).some((p) => parseSignoff(p.text) !== null) ? 1 : 0);
  // A body that stops inside a sentence goes on somewhere else (the extractor put its rest after other text); a
  // sign-off ends one as a stop does.
  const last = body.at(-1)?.text;
  const unfinished = last !== undefined && !endsSentence(last) && !parseSignoff(last) ? UNFINISHED_FACTOR : 1;
  return Math.round(run * DOUBT_FACTOR ** doubts * unfinished * 100) / 100;
}
