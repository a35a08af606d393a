/** Stage 1: an extraction file → its issue (the only place recovery meets the file system). */
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import { archivedSource, SOURCE_FILE } from '../check/archive.js';
import { about } from '../errors.js';
import { isArchiveFolder } from '../io/archive-folder.js';
import { displayName, readInput } from '../io/files.js';
import { decodeExtraction, type Encoding } from '../recover/decode.js';
import { recoverText } from '../recover/index.js';
import { normaliseForPrint } from '../recover/print.js';
import { jiebaWords } from '../text/segmenter.js';
import type { Issue } from '../types.js';

export interface Recovered {
  issue: Issue;
  /** The decoded extraction text (the proof sheet shows its lines). */
  text: string;
}

/** What a caller asks of the decoded text before it is recovered (a build: that it can fit the pages at all). */
export type TextCheck = (text: string) => void;

/**
 * Recovers the issue of extraction bytes; `file` names them in messages and,
 * unless `name` is given (an archived extraction's own name), in the issue.
 */
export function recoverSource(
  bytes: Uint8Array,
  file: string,
  encoding?: Encoding,
  name?: string,
  check?: TextCheck,
): Recovered {
  const decoded = decodeExtraction(bytes, displayName(file), encoding, jiebaWords);
  try {
    check?.(decoded.text);
  } catch (e) {
    throw about(e, displayName(file));
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const recovered = recoverText(decoded.text, {
    file: name ?? (file === '-' ? 'stdin' : basename(file)),
    path: displayName(file),
    words: jiebaWords,
    encoding: decoded.encoding,
    sha256,
  });
  // Set for print: what the page printed in ASCII or mixed forms, one way, each change a listed correction.
  return { issue: normaliseForPrint(recovered), text: decoded.text };
}

/**
 * Reads and recovers one extraction file (`-`: standard input; `read`: its bytes, when the caller has them) or
 * the extraction kept in an archive folder.
 */
export function recoverFile(
  file: string,
  encoding?: Encoding,
  read?: Uint8Array,
  check?: TextCheck,
): Recovered & { bytes: Uint8Array } {
  if (isArchiveFolder(file)) {
    const kept = archivedSource(file);
    return {
      ...recoverSource(kept.bytes, join(file, SOURCE_FILE), encoding ?? kept.encoding, kept.name, check),
      bytes: kept.bytes,
    };
  }
  const bytes = read ?? readInput(file);
  return { ...recoverSource(bytes, file, encoding, undefined, check), bytes };
}
