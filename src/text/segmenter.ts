import { createRequire } from 'node:module';

/**
 * Splits Chinese text into words; injected so recovery stays pure and testable. `idf`, where the segmenter
 * has one, says how rare a word is in the language at large (its inverse document frequency; undefined for a
 * word it does not know, a name most often).
 */
export type WordSegmenter = ((text: string) => string[]) & { idf?: (word: string) => number | undefined };

const require = createRequire(import.meta.url);
let cut: ((text: string) => string[]) | null = null;
let idfs: Map<string, number> | null = null;

/**
 * jieba's word segmentation (dictionary-based, the de-facto standard for
 * Chinese) and its table of word rarity. Loading the dictionary takes ~0.2 s, so it happens on first use.
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
    idf: (word: string) => {
      if (!idfs) {
        const { idf } = require('@node-rs/jieba/dict') as { idf: Uint8Array };
        idfs = new Map();
        for (const line of Buffer.from(idf).toString('utf8').split('\n')) {
          const [w, v] = line.split(' ');
          if (w && v) idfs.set(w, Number(v));
        }
      }
      return idfs.get(word);
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
