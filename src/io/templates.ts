import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ROOT } from '../project.js';

export const TEMPLATE_DIR = join(ROOT, 'templates');

/** The templates shipped in templates/, by name. */
export function templateNames(): string[] {
  return readdirSync(TEMPLATE_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => basename(f, '.json'))
    .sort();
}
