/** Character classes shared by recovery and layout (clreq terms). */

const HAN = /\p{Script=Han}/u;

export function isHan(ch: string): boolean {
  return HAN.test(ch);
}

/** Every Han character of `s`, counted. */
export function hanCounts(s: string, into: Map<string, number> = new Map()): Map<string, number> {
  for (const ch of s) if (isHan(ch)) into.set(ch, (into.get(ch) ?? 0) + 1);
  return into;
}

/** Printable ASCII other than space: set half-width in Chinese text. */
export function isAsciiGraphic(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return c > 0x20 && c < 0x7f;
}

/**
 * A character of Chinese text: Han, CJK and full-width punctuation, kana,
 * and the marks Chinese sets full width (quotes, dashes, ellipsis, middle
 * dot). A space next to one of these is an extraction artifact; a space
 * between two other characters (Latin, Cyrillic, digits) is text.
 */
export function isCjkText(ch: string): boolean {
  if (isHan(ch)) return true;
  const c = ch.codePointAt(0)!;
  return (
    (c >= 0x2e80 && c <= 0x2fff) || // radicals
    (c >= 0x3000 && c <= 0x30ff) || // CJK punctuation, kana
    (c >= 0xfe30 && c <= 0xfe4f) || // CJK compatibility forms
    (c >= 0xff00 && c <= 0xffef) || // full-width forms
    '“”‘’—…·□'.includes(ch)
  );
}

export function isAsciiAlnum(ch: string): boolean {
  return /^[0-9A-Za-z]$/.test(ch);
}

/** Spaces, including the invisible ones extractors leave (zero-width space, joiners, BOM). */
export function isSpace(ch: string): boolean {
  return (
    ch === ' ' ||
    ch === '\t' ||
    ch === '\u3000' ||
    ch === '\u00a0' ||
    ch === '\u200b' ||
    ch === '\u200c' ||
    ch === '\u200d' ||
    ch === '\u2060' ||
    ch === '\ufeff'
  );
}

/**
 * Nominal width in ems of one character in a Chinese column: Han and
 * full-width punctuation take a full em, ASCII and other Latin half an em.
 * Spaces count nothing: in extraction text they are artifacts.
 */
export function charEm(ch: string): number {
  if (isSpace(ch)) return 0;
  const c = ch.codePointAt(0)!;
  if (c < 0x2000) return c === 0xb7 ? 1 : 0.5; // Latin; the middle dot is full width in Chinese
  return 1;
}

export function emWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charEm(ch);
  return w;
}

/**
 * Full-width marks whose glyph fills half the em: a justifier may set them half width (clreq punctuation compression).
 */
export const COMPRESSIBLE = new Set([
  '，',
  '。',
  '、',
  '；',
  '：',
  '“',
  '”',
  '‘',
  '’',
  '（',
  '）',
  '《',
  '》',
  '「',
  '」',
  '『',
  '』',
  '【',
  '】',
  '〔',
  '〕',
]);

/** Width with every compressible mark compressed to half an em. */
export function minEmWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += COMPRESSIBLE.has(ch) ? 0.5 : charEm(ch);
  return w;
}

/** Marks that end a sentence or clause and may close a paragraph. */
export const SENTENCE_END = new Set(['。', '！', '？', '；', '…', '.', '!', '?', ';']);
/** Closing marks that may follow a sentence end (`。”`). */
export const CLOSING = new Set(['”', '’', '」', '』', '）', '》', '〉', '】', '〕', '］', '｝', ')', ']', '〗', '〙']);
/** clreq: never at the start of a line. */
export const NO_LINE_START = new Set([
  ...CLOSING,
  '、',
  '。',
  '，',
  '．',
  '：',
  '；',
  '？',
  '！',
  '…',
  '‥',
  '％',
  '‰',
  '℃',
  '·',
  '・',
  ',',
  '.',
  ':',
  ';',
  '?',
  '!',
  '%',
]);
/** clreq: never at the end of a line. */
export const NO_LINE_END = new Set([
  '（',
  '〔',
  '［',
  '｛',
  '《',
  '〈',
  '「',
  '『',
  '【',
  '〘',
  '〖',
  '‘',
  '“',
  '(',
  '[',
]);

/** Does `s` end like the last line of a paragraph (a sentence end, maybe closed by a quote)? */
export function endsSentence(s: string): boolean {
  const chars = [...s.trimEnd()];
  let i = chars.length - 1;
  while (i >= 0 && CLOSING.has(chars[i]!)) i--;
  return i >= 0 && SENTENCE_END.has(chars[i]!);
}

/** Punctuation that marks running text rather than a headline. */
export function hasBodyPunctuation(s: string): boolean {
  return /[。，、；：！？,;]/.test(s);
}
