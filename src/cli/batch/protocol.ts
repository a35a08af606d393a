import type { BuildCommandOptions } from '../build-options.js';

/** What the batch's main process asks of a worker, and what it answers. */
export interface Task {
  id: number;
  file: string;
  opts: BuildCommandOptions;
}

export type Answer =
  | { id: number; ok: true; folder: string; warnings: number; ms: number }
  | { id: number; ok: false; message: string; ms: number };
