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
    public file?: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'NewsprintError';
  }

  /** One line: `file: message (hint)`, control characters shown escaped. */
  oneLine(): string {
    const where = this.file ? `${this.file}: ` : '';
    const hint = this.hint ? ` (${this.hint})` : '';
    return printable(`${where}${this.message}${hint}`.replace(/\s*\n\s*/g, ' '));
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

/** Names the file an error is about when it is one of ours and names none yet; keeps the error's class. */
export function about<E>(e: E, file: string | undefined): E {
  if (e instanceof NewsprintError) e.file ??= file;
  return e;
}

/** Text safe for a terminal: control characters (ESC, NUL, …) shown as \xNN or \u{…}. */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/gu, (c) => {
    const n = c.codePointAt(0)!;
    return n < 0x100 ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u{${n.toString(16)}}`;
  });
}
