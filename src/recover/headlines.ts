import { isHan } from '../text/chars.js';
import type { WordSegmenter } from '../text/segmenter.js';
import { removeExtractionSpaces } from './spaces.js';

/** A headline line's text: extraction spaces out, clause breaks kept as one space. */
export function headlineText(raw: string): string {
  return removeExtractionSpaces(raw, 'clause-breaks').text.replace(/\s+/g, ' ');
}

/**
 * Joins a headline printed over two lines. At a clause break the break is
 * kept as a space (`拓展深化人大代表工作 更好发挥代表主体作用`); inside a word
 * the halves join with nothing (`…推动新时` + `代人大工作…`). A word that
 * spans the join means the line broke inside it; a first line ending on a
 * binding word (`…老城区的`) ends no clause.
 */
export function joinHeadlineLines(
  a: string,
  b: string,
  words?: WordSegmenter,
  body = '',
): { text: string; joiner: string } {
  const last = a.slice(-1);
  const first = b.slice(0, 1);
  let joiner = '';
  if (/[A-Za-z0-9]/.test(last) && /[A-Za-z0-9]/.test(first)) joiner = ' ';
  else if (isHan(last) && isHan(first) && [...a].length >= 2 && [...b].length >= 2 && !clausePiece(a, b)) {
    const runsOn = words && (spansJoin(a, b, words) || endsBinding(a, words) || runsOnInBody(a, b, body, words));
    joiner = runsOn ? '' : ' ';
  }
  return { text: a + joiner + b, joiner };
}

/** The words that meet at a headline's line break, run together, are at least this long to count as found in a body. */
const MIN_BRIDGE = 4;

/**
 * The body says the phrase runs on across the line break: the words either side of it, run together, are in the
 * body's text (`…推动新时代` / `东州工作…`, the body speaking of `新时代东州工作`). A headline's two clauses meet where
 * the body never joins them (none of the corpus's clause breaks does), so the line was only too narrow for it.
 */
function runsOnInBody(a: string, b: string, body: string, words: WordSegmenter): boolean {
  const bridge = (words(a).at(-1) ?? '') + (words(b)[0] ?? '');
  return [...bridge].length >= MIN_BRIDGE && body.includes(bridge);
}

/**
 * The halves of a headline broken at a clause break are whole phrases. A piece of at most this many characters
 * cut off by a clause mark (`让村里老人少` / `跑腿、多办事`: `跑腿` runs on into the first line), or a second line no
 * longer, is not one.
 */
const MAX_CLAUSE_PIECE = 2;
const CLAUSE_MARK = /[、，,：:；;]/;

function clausePiece(a: string, b: string): boolean {
  const left = a.split(CLAUSE_MARK);
  const right = b.split(CLAUSE_MARK);
  const short = (s: string) => [...s.trim()].length <= MAX_CLAUSE_PIECE;
  // (A whole line that short is what did not fit on the line above: `…西湾乡村振兴典型` / `案例`.)
  return short(b) || (left.length > 1 && short(left.at(-1)!)) || (right.length > 1 && short(right[0]!));
}

/**
 * Words that cannot end a phrase: a structural particle, a conjunction or a preposition still waiting for what it
 * binds (`与以往的` / `“散乱绕”相比`). A line whose last word is one is no heading, however short.
 */
const BINDING_WORDS = new Set(['的', '之', '及', '或', '把', '被', '与', '和']);

/** Does the line end on a word that binds it to what follows (segmented, so `目的` or `参与` is no such end)? */
export function endsBinding(text: string, words: WordSegmenter): boolean {
  const last = words(text.trim()).at(-1);
  return last !== undefined && BINDING_WORDS.has(last);
}

/** Does a word run across the end of `a` into `b` (the line broke inside it)? */
export function spansJoin(a: string, b: string, words: WordSegmenter): boolean {
  // Segment only the phrases that meet at the join, so earlier clauses do not shift the cut.
  const left = a.split(' ').pop()!;
  const right = b.split(' ')[0]!;
  const cut = left.length;
  let at = 0;
  for (const w of words(left + right)) {
    if (at < cut && at + w.length > cut) return true;
    at += w.length;
  }
  return false;
}
