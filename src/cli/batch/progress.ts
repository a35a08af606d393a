/**
 * Progress of a batch on stderr: a redrawn bar with counts and ETA on a terminal, plain lines otherwise; nothing when
 * quiet.
 */
export interface Progress {
  done(ok: boolean, line: string): void;
  finish(): void;
}

const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;

export function progress(
  total: number,
  opts: { started?: number; quiet?: boolean; stream?: NodeJS.WriteStream } = {},
): Progress {
  const { started = performance.now(), quiet = false, stream = process.stderr } = opts;
  let count = 0;
  let failed = 0;
  const tty = Boolean(stream.isTTY);
  const bar = () => {
    const width = 24;
    const filled = Math.round((count / total) * width);
    const elapsed = (performance.now() - started) / 1000;
    const eta = count ? (elapsed / count) * (total - count) : 0;
    const counts = `${count}/${total} · ${count - failed} built · ${failed} failed · ${clock(elapsed)} elapsed`;
    return (
      `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ` +
      `${counts}${count < total ? ` · ETA ${clock(eta)}` : ''}`
    );
  };
  return {
    done(ok, line) {
      count++;
      if (!ok) failed++;
      if (quiet) return;
      if (tty) stream.write(`\r\x1b[2K${line}\n${bar()}`);
      else stream.write(`[${count}/${total}] ${line}\n`);
    },
    finish() {
      if (tty && !quiet) stream.write(`\r\x1b[2K${bar()}\n`);
    },
  };
}
