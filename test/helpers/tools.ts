/** Running poppler and qpdf the way a user would, with an empty fontconfig so only embedded fonts count. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTempDir } from '../../src/io/temp.js';

const fontconfigDir = runTempDir('fc');
const fontconfig = join(fontconfigDir, 'fonts.conf');
writeFileSync(
  fontconfig,
  '<?xml version="1.0"?><fontconfig><dir>/nonexistent</dir><cachedir>' + fontconfigDir + '</cachedir></fontconfig>\n',
);

export function tool(cmd: string, args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    env: { ...process.env, FONTCONFIG_FILE: fontconfig },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export const pdftotext = (pdf: string, ...opts: string[]) =>
  tool('pdftotext', [...opts, '-enc', 'UTF-8', pdf, '-']).stdout;
