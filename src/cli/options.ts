/** Option values checked before any work: a bad one is a usage error (exit 2) naming the option. */
import { InvalidArgumentError } from 'commander';
import { ENCODINGS, type Encoding } from '../recover/decode.js';

/** A whole number within bounds. */
export const integer =
  (name: string, min: number, max: number) =>
  (value: string): number => {
    const n = Number(value);
    if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}, not "${value}".`);
    return n;
  };

/** A number within bounds. */
export const number =
  (name: string, min: number, max: number) =>
  (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max)
      throw new InvalidArgumentError(`${name} must be a number from ${min} to ${max}, not "${value}".`);
    return n;
  };

export const encoding = (value: string): Encoding => {
  const e = value
    .toLowerCase()
    .replace(/^utf8$/, 'utf-8')
    .replace(/^(gbk|gb2312)$/, 'gb18030') as Encoding;
  if (!ENCODINGS.includes(e))
    throw new InvalidArgumentError(
      `--encoding must be one of ${ENCODINGS.join(', ')} (gbk and gb2312 read as gb18030), not "${value}".`,
    );
  return e;
};

/** Most worker processes a batch may start: more than cores only adds memory. */
export const MAX_JOBS = 64;
