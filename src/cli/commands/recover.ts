import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { decodeExtraction } from '../../recover/decode.js';
import { recoverText } from '../../recover/index.js';
import { jiebaWords } from '../../text/segmenter.js';
import type { Issue } from '../../types.js';
import { readInput, toJson, writeAtomic } from '../io.js';
import { type Reporter } from '../report.js';

/** The issue of an extraction file, and the decoded text it came from (the proof sheet shows its lines). */
export function recoverFile(file: string): { issue: Issue; text: string } {
  const bytes = readInput(file);
  const { text, encoding } = decodeExtraction(bytes, file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { issue: recoverText(text, { file: basename(file), path: file, words: jiebaWords, encoding, sha256 }), text };
}

export function recoverCommand(file: string, opts: { output?: string }, report: Reporter): void {
  const { issue } = report.time('recover', () => recoverFile(file));
  const json = toJson(issue);
  if (opts.output) {
    writeAtomic(opts.output, json);
    report.info(`wrote ${opts.output}: ${summary(issue)}`);
  } else process.stdout.write(json);
  for (const w of issue.warnings) report.warn(`${file}: ${w.message}`);
}

export function summary(issue: Issue): string {
  const m = issue.masthead;
  const items = issue.articles.length + (issue.lead ? 1 : 0);
  const chars = [issue.lead?.paragraphs ?? [], ...issue.articles.map((a) => a.paragraphs)].flat().join('').length;
  return `${m?.section ?? '(no masthead)'} ${m?.date ?? ''} ${m?.weekday ?? ''}; ${items} items (${issue.lead ? 'lead + ' : ''}${issue.articles.length} articles), ${chars} characters of text, ${issue.corrections.length} corrections, ${issue.warnings.length} warnings`.replace(/\s+/g, ' ');
}
