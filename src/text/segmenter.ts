import { createRequire } from 'node:module';

/** Splits Chinese text into words; injected so recovery stays pure and testable. */
export type WordSegmenter = (text: string) => string[];

const require = createRequire(import.meta.url);
let cut: WordSegmenter | null = null;

/**
 * jieba's word segmentation (dictionary-based, the de-facto standard for
 * Chinese). Loading the dictionary takes ~0.2 s, so it happens on first use.
 */
export const jiebaWords: WordSegmenter = (text) => {
  if (!cut) {
    const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    const jieba = Jieba.withDict(dict);
    cut = (s) => jieba.cut(s, false);
  }
  return cut(text);
};

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
