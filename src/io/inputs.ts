/** Reading the JSON files and templates the commands take, with one-line errors naming the file. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { validateIssue, validateLayout, validateTemplate } from '../schema.js';
import type { Issue, Layout, Template } from '../types.js';
import { displayName, readInput } from './files.js';
import { TEMPLATE_DIR, templateNames } from './templates.js';

export function readJson(file: string): unknown {
  return parseJson(readInput(file), file);
}

export function parseJson(bytes: Uint8Array, file: string): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError('is not UTF-8 text, so not JSON', displayName(file));
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(`is not JSON (${(e as Error).message})`, displayName(file));
  }
}

export const readIssue = (file: string): Issue => validateIssue(readJson(file), file);
export const readLayout = (file: string): Layout => validateLayout(readJson(file), file);

/** A template by name (templates/<name>.json) or by path. */
export function readTemplate(nameOrPath: string): Template {
  const byName = join(TEMPLATE_DIR, `${nameOrPath}.json`);
  if (/^[\w-]+$/.test(nameOrPath) && existsSync(byName)) return validateTemplate(readJson(byName), byName);
  if (nameOrPath.endsWith('.json') || nameOrPath.includes('/'))
    return validateTemplate(readJson(nameOrPath), nameOrPath);
  throw new InputError(
    `unknown template`,
    nameOrPath,
    `choose one of: ${templateNames().join(', ')}, or give a path to a template JSON file`,
  );
}
