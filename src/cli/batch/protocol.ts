import type { BuildOptions } from '../commands/build.js';

/** What the batch's main process asks of a worker, and what it answers. */
export interface Task {
  id: number;
  file: string;
  /** Folder the worker writes the files into; the main process renames it. */
  tmp: string;
  opts: BuildOptions;
}

export type Answer =
  | { id: number; ok: true; folderName: string; warnings: number; ms: number }
  | { id: number; ok: false; message: string; ms: number };
