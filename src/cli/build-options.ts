/** What `build` takes and reports, shared by the single build and the batch. */
import type { BuildOptions } from '../pipeline/index.js';

export interface BuildCommandOptions extends BuildOptions {
  /** Folder that receives the issue folders. */
  output: string;
  /** Replace an issue folder made from another input. */
  force?: boolean;
  json?: boolean;
}

/** What `build --json` prints for each input. */
export interface BuildResult {
  input: string;
  ok: boolean;
  folder?: string;
  warnings?: number;
  error?: string;
}
