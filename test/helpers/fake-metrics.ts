/**
 * Metrics of an ideal CJK face: ideographs and marks one em, ASCII half, marks halvable (closing on the right, opening
 * on the left).
 */
import { COMPRESSIBLE, NO_LINE_END } from '../../src/text/chars.js';
import type { FaceMetrics, Metrics } from '../../src/types.js';

export const idealFace: FaceMetrics = {
  advance: (ch) => (ch.charCodeAt(0) < 0x2000 ? 0.5 : 1),
  glyphAdvance: (ch) => (ch.charCodeAt(0) < 0x2000 ? 0.5 : 1),
  inset: () => 0,
  has: () => true,
  half: (ch) => (COMPRESSIBLE.has(ch) ? { advance: 0.5, offset: NO_LINE_END.has(ch) ? -0.5 : 0 } : null),
  ascent: 0.88,
  descent: -0.12,
};

export const idealMetrics: Metrics = { song: idealFace, bold: idealFace, heavy: idealFace, kai: idealFace };
