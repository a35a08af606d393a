import { createRequire } from 'node:module';

/**
 * Splits Chinese text into words; injected so recovery stays pure and testable. `common`, where the segmenter
 * knows the language at large, says whether a word is so common there (`作为`, `我们`) that sharing it says
 * nothing of a topic.
 */
export type WordSegmenter = ((text: string) => string[]) & { common?: (word: string) => boolean };

const require = createRequire(import.meta.url);
let cut: ((text: string) => string[]) | null = null;
let commonWords: Set<string> | null = null;

/**
 * A word is common when jieba's inverse document frequency for it is under this: `作为`, `我们`, `发展` (3.4-4.2)
 * are; `毕竟`, `采访` (6.0-6.1), `肥胖`, `人工智能` (8.3-9.5) are not. 1,316 of its 270,000 words.
 */
const COMMON_IDF = 6;

/** The words of jieba's idf table under COMMON_IDF, scanned rather than parsed into a map (0.07-0.1 s, not 0.4). */
function loadCommon(): Set<string> {
  const { idf } = require('@node-rs/jieba/dict') as { idf: Uint8Array };
  const text = Buffer.from(idf).toString('utf8');
  const out = new Set<string>();
  for (let at = 0; at < text.length; ) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    const space = text.lastIndexOf(' ', end);
    if (space > at && Number(text.slice(space + 1, end)) < COMMON_IDF) out.add(text.slice(at, space));
    at = end + 1;
  }
  return out;
}

/**
 * jieba's word segmentation (dictionary-based, the de-facto standard for Chinese) and its table of word
 * rarity. Loading the dictionary takes ~0.2 s, so it happens on first use.
 */
export const jiebaWords: WordSegmenter = Object.assign(
  (text: string) => {
    if (!cut) {
      const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
      const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
      const jieba = Jieba.withDict(dict);
      cut = (s) => jieba.cut(s, false);
    }
    return cut(text);
  },
  {
    common: (word: string) => {
      commonWords ??= loadCommon();
      return commonWords.has(word);
    },
  },
);

/** Words of two or more Han characters (jieba's when it is given, else character pairs). */
export function wordsOf(text: string, words?: WordSegmenter): string[] {
  const out: string[] = [];
  for (const piece of text.match(/\p{Script=Han}+/gu) ?? []) {
    if (words) out.push(...words(piece).filter((w) => [...w].length >= 2));
    else {
      const s = [...piece];
      for (let i = 0; i + 2 <= s.length; i++) out.push(s[i]! + s[i + 1]!);
    }
  }
  return out;
}
