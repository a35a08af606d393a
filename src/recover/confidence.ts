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

/** A first line within this (em) of the body's measure has no indent. */
const FLUSH = 1;
/** Of the full lines' least widths, this quantile is the measure (most lines without marks reach it). */
const MEASURE_QUANTILE = 0.75;

/**
 * The body opens on a line as wide as its full lines that ends no sentence, run on into the next: a first line set
 * without its indent, as a standfirst (导语) is, whose end, no stop marking it, may be hidden in the paragraph.
 */
function opensFlush(body: Paragraph[]): boolean {
  const first = body[0]?.lines;
  if (!first || first.length < 2 || endsSentence(first[0]!.text)) return false;
  // The measure as the body's full lines show it (every line but a paragraph's first and last), each at its least
  // width: a line with no mark to compress is the measure exactly, one with marks no wider.
  const inner = body.flatMap((p) => p.lines.slice(1, -1).map((l) => l.minWidth)).sort((a, b) => a - b);
  const usual = inner[Math.floor(inner.length * MEASURE_QUANTILE)];
  return usual !== undefined && first[0]!.width >= usual - FLUSH;
}

/**
 * `signed`: a byline, a dateline or a sign-off named who wrote it. Every article of the real corpus is signed:
 * one that is not has likely lost its byline's paragraph (a dateline) to another item.
 */
export function itemConfidence(run: number, body: Paragraph[], headlineLines: number, signed = true): number {
  const doubts =
    body.reduce((n, p) => n + p.doubts + (hasStraySentenceEnd(p.text) ? 1 : 0), 0) +
    (opensFlush(body) ? 1 : 0) +
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
