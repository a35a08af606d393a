/** Stage 1: an extraction file → its issue (the only place recovery meets the file system). */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { displayName, readInput } from '../io/files.js';
import { decodeExtraction, type Encoding } from '../recover/decode.js';
import { recoverText } from '../recover/index.js';
import { jiebaWords } from '../text/segmenter.js';
import type { Issue } from '../types.js';

export interface Recovered {
  issue: Issue;
  /** The decoded extraction text (the proof sheet shows its lines). */
  text: string;
}

/** Recovers the issue of extraction bytes; `file` names them in the issue and in messages. */
export function recoverSource(bytes: Uint8Array, file: string, encoding?: Encoding): Recovered {
  const decoded = decodeExtraction(bytes, displayName(file), encoding, jiebaWords);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const name = file === '-' ? 'stdin' : basename(file);
  const issue = recoverText(decoded.text, {
    file: name,
    path: displayName(file),
    words: jiebaWords,
    encoding: decoded.encoding,
    sha256,
  });
  return { issue, text: decoded.text };
}

/** Reads and recovers one extraction file (`-`: standard input). */
export function recoverFile(file: string, encoding?: Encoding): Recovered {
  return recoverSource(readInput(file), file, encoding);
}
