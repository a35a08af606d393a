/**
 * Errors a user can act on. The CLI prints `newsprint: <file>: <message>` on
 * one line and exits non-zero; anything else is a bug and shows a stack trace
 * only with --debug.
 */
export class NewsprintError extends Error {
  /** Process exit code: 1 for bad input, unless a command says otherwise (diff: 2). */
  exitCode = 1;

  constructor(
    message: string,
    readonly file?: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'NewsprintError';
  }

  /** One line: `file: message (hint)`. */
  oneLine(): string {
    const where = this.file ? `${this.file}: ` : '';
    const hint = this.hint ? ` (${this.hint})` : '';
    return `${where}${this.message}${hint}`.replace(/\s*\n\s*/g, ' ');
  }
}

/** The input cannot be read as an extraction or an issue. */
export class InputError extends NewsprintError {
  override name = 'InputError';
}

/** A promise the project makes (nothing lost, nothing overlapping...) was broken: a bug, reported loudly. */
export class InvariantError extends NewsprintError {
  override name = 'InvariantError';
  override exitCode = 3;
}
