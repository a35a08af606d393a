/** Where the project lives and which version it is: read at the edges, never in the pipeline stages. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository (or installed package) root: where package.json, templates/, fonts/ and schema/ are. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
