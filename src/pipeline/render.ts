/** Stage 3: layout → PDF bytes, with the faces embedded. */
import { loadFaces } from '../fonts/faces.js';
import { VERSION } from '../project.js';
import { renderLayout } from '../render/index.js';
import type { Layout } from '../types.js';
import type { Reporter } from './report.js';

export async function renderStage(layout: Layout, sheet: boolean, report: Reporter): Promise<Uint8Array> {
  const faces = report.time('fonts', () => loadFaces());
  return report.timeAsync('render', () => renderLayout(layout, faces, { sheet, producer: `newsprint ${VERSION}` }));
}
