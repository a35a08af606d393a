import { InputError } from '../errors.js';
import { isHan } from '../text/chars.js';
import type { WordSegmenter } from '../text/segmenter.js';

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export interface Decoded {
  text: string;
  encoding: Encoding;
}

/** Legacy Chinese encodings tried, in order, for bytes that are not UTF-8. */
const LEGACY: Encoding[] = ['gb18030', 'big5'];

/**
 * Share of Han characters that jieba finds inside words of two or more
 * characters. Real Chinese text scores 0.6–0.9; bytes of one encoding read as
 * another give rare characters in no word (0.1–0.3). Below this it is mojibake.
 */
const PLAUSIBLE_WORD_SHARE = 0.4;
/** Fewer Han characters than this say too little to judge plausibility. */
const PLAUSIBILITY_MIN_HAN = 20;

export function wordShare(text: string, words: WordSegmenter): { han: number; share: number } {
  let han = 0;
  let inWords = 0;
  for (const w of words(text)) {
    const n = [...w].filter(isHan).length;
    han += n;
    if ([...w].length >= 2) inWords += n;
  }
  return { han, share: han ? inWords / han : 1 };
}

function decodeAs(bytes: Uint8Array, encoding: Encoding): string | null {
  try {
    if (encoding === 'utf-16le' || encoding === 'utf-16be') {
      const bom = encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff];
      const body = bytes[0] === bom[0] && bytes[1] === bom[1] ? bytes.subarray(2) : bytes;
      return new TextDecoder(encoding, { fatal: true }).decode(body);
    }
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Bytes of an extraction → text. With `encoding` given, that one; otherwise
 * UTF-16 by its BOM, UTF-8 when the bytes are valid UTF-8, else GB18030 (a
 * superset of GBK and GB2312) or Big5, whichever reads as real Chinese (by
 * `words`). Text that reads as Chinese in no encoding, binary data and empty
 * files are refused.
 */
export function decodeExtraction(bytes: Uint8Array, file: string, encoding?: Encoding, words?: WordSegmenter): Decoded {
  if (bytes.length === 0) throw new InputError('the file is empty', file, 'expected the text of a page extraction');
  let decoded: Decoded | null = null;
  if (encoding) {
    const text = decodeAs(bytes, encoding);
    if (text === null)
      throw new InputError(
        `is not valid ${encoding} text`,
        file,
        'check --encoding, or leave it out to detect the encoding',
      );
    decoded = { text, encoding };
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe)
    decoded = { text: decodeAs(bytes, 'utf-16le') ?? '\ufffd', encoding: 'utf-16le' };
  else if (bytes[0] === 0xfe && bytes[1] === 0xff)
    decoded = { text: decodeAs(bytes, 'utf-16be') ?? '\ufffd', encoding: 'utf-16be' };
  else {
    const utf8 = decodeAs(bytes, 'utf-8');
    decoded = utf8 !== null ? { text: utf8, encoding: 'utf-8' } : legacy(bytes, file, words);
  }
  if (looksBinary(decoded.text))
    throw new InputError('the file is binary data, not text', file, 'expected the text of a page extraction');
  const text = decoded.text.replace(/\r\n?/g, '\n');
  if (text.trim() === '')
    throw new InputError('the file holds only white space', file, 'expected the text of a page extraction');
  return { ...decoded, text };
}

/** The legacy encoding whose reading looks most like Chinese; an error when none does. */
function legacy(bytes: Uint8Array, file: string, words?: WordSegmenter): Decoded {
  const readings = LEGACY.map((encoding) => ({ encoding, text: decodeAs(bytes, encoding) })).filter(
    (r): r is Decoded => r.text !== null,
  );
  if (!readings.length)
    throw new InputError(
      'the file is binary data, not text',
      file,
      'expected UTF-8, UTF-16 with BOM, GB18030/GBK or Big5 text',
    );
  if (!words) return readings[0]!;
  const scored = readings.map((r) => ({ ...r, ...wordShare(r.text, words) })).sort((a, b) => b.share - a.share);
  const best = scored[0]!;
  if (best.han >= PLAUSIBILITY_MIN_HAN && best.share < PLAUSIBLE_WORD_SHARE)
    throw new InputError(
      'is not UTF-8 and reads as garbled characters in every encoding tried (GB18030, Big5)',
      file,
      'give the encoding with --encoding',
    );
  return { text: best.text, encoding: best.encoding };
}

/** Control characters other than tab, newline, carriage return and form feed mean binary. */
function looksBinary(text: string): boolean {
  let control = 0;
  let total = 0;
  for (const ch of text) {
    total++;
    const c = ch.codePointAt(0)!;
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  return control > 0 && control / total > 0.001;
}
