import { FACE_ROLES, type Face, loadFace } from '../../fonts/faces.js';
import { renderLayout } from '../../render/index.js';
import type { FaceRole, Layout } from '../../types.js';
import { readLayout } from '../inputs.js';
import { writeAtomic } from '../io.js';
import type { Reporter } from '../report.js';

export { VERSION } from '../../project.js';
import { VERSION } from '../../project.js';

export function loadFaces(): Record<FaceRole, Face> {
  return Object.fromEntries(FACE_ROLES.map((r) => [r, loadFace(r)])) as Record<FaceRole, Face>;
}

export async function renderStage(layout: Layout, sheet: boolean, report: Reporter): Promise<Uint8Array> {
  const faces = report.time('fonts', () => loadFaces());
  return report.timeAsync('render', () => renderLayout(layout, faces, { sheet, producer: `newsprint ${VERSION}` }));
}

export async function renderCommand(file: string, opts: { output: string; sheet?: boolean }, report: Reporter): Promise<void> {
  const pdf = await renderStage(readLayout(file), Boolean(opts.sheet), report);
  writeAtomic(opts.output, pdf);
  report.info(`wrote ${opts.output} (${(pdf.length / 1024).toFixed(0)} KB)`);
}
