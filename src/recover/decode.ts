import { InputError } from '../errors.js';

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

/**
 * Bytes of an extraction → text. UTF-8 (with or without BOM) and UTF-16 with
 * a BOM are read as such; anything that is not valid UTF-8 is tried as
 * GB18030 (a superset of GBK and GB2312, common in Chinese archives).
 * Binary data and empty files are refused.
 */
export function decodeExtraction(bytes: Uint8Array, file: string): Decoded {
  if (bytes.length === 0) throw new InputError('the file is empty', file, 'expected the text of a page extraction');
  let decoded: Decoded;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) decoded = { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) decoded = { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  else {
    try {
      decoded = { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
    } catch {
      try {
        decoded = { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
      } catch {
        throw new InputError('the file is binary data, not text', file, 'expected UTF-8, UTF-16 with BOM or GB18030 text');
      }
    }
  }
  if (looksBinary(decoded.text)) throw new InputError('the file is binary data, not text', file, 'expected the text of a page extraction');
  const text = decoded.text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new InputError('the file holds only white space', file, 'expected the text of a page extraction');
  return { ...decoded, text };
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
