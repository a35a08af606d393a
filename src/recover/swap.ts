/**
 * Headlines read next to the wrong body. An extractor that reads side-by-side modules out of order may set one
 * module's headline over another's byline and body (pdftotext on a spread whose columns line up: `用地用林 一次办好`
 * over a byline and a body about city greenways, while the body about land approvals sits under the greenways
 * headline). Bylines and bodies go together by names and datelines; a headline has only its words. Two articles
 * trade headlines where neither body uses its own headline's words and the other's body uses them, words no third body
 * uses, again and again: a headline whose words its body never uses (`春雨为何“贵如油”？`, 3 of the corpus's 34)
 * stays where it was read unless another body claims it.
 */
import type { WordSegmenter } from '../text/segmenter.js';

export interface Titled {
  /** Its headline's words, as segmented for the run assignment (segment.ts Anchor.headlineWords). */
  headlineWords: string[];
  body: string;
}

/** How often the body uses those of the words that no body in `others` uses (a subject of its own). */
function uses(ws: Set<string>, body: string, others: string[] = []): number {
  let n = 0;
  for (const w of ws) if (!others.some((o) => o.includes(w))) n += body.split(w).length - 1;
  return n;
}

/**
 * Uses of its words a headline's new body must make, the two headlines together: one shared word may be chance (a
 * place both articles name); a body's subject comes back.
 */
const SWAP_EVIDENCE = 3;

/** Pairs of items (indices) whose headlines belong to each other's bodies, the clearest first, each item once. */
export function headlineSwaps(items: Titled[], words?: WordSegmenter): Array<[number, number]> {
  // (Words not common in the language: `发展` names no article.)
  const ws = items.map((h) => new Set(h.headlineWords.filter((w) => !words?.common?.(w))));
  const others = (k: number) => items.flatMap((o, i) => (i === k ? [] : [o.body]));
  // Neither headline's words in its own body, and the other body uses them as no other one does.
  const unnamed = items.map((it, k) => uses(ws[k]!, it.body) === 0);
  const pairs: Array<{ i: number; j: number; gain: number }> = [];
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      if (!unnamed[i] || !unnamed[j]) continue;
      const gain = uses(ws[i]!, items[j]!.body, others(j)) + uses(ws[j]!, items[i]!.body, others(i));
      if (gain >= SWAP_EVIDENCE) pairs.push({ i, j, gain });
    }
  const taken = new Set<number>();
  const out: Array<[number, number]> = [];
  for (const { i, j } of pairs.sort((x, y) => y.gain - x.gain || x.i - y.i || x.j - y.j)) {
    if (taken.has(i) || taken.has(j)) continue;
    taken.add(i).add(j);
    out.push([i, j]);
  }
  return out;
}
