/**
 * pdf-lib asks for a fontkit with `create(bytes)` and subsets with
 * `encodeStream()`. The fork it suggests (@pdf-lib/fontkit 1.1.1) silently
 * drops glyphs from small TrueType subsets; upstream fontkit 2 subsets
 * correctly but has `encode()` instead, so this thin adapter bridges the two.
 */
import * as fontkit from 'fontkit';
import type { PDFDocument } from 'pdf-lib';

type Subset = { encode(): Uint8Array; encodeStream?: () => unknown };

export const fontkitForPdfLib = {
  create(bytes: Uint8Array) {
    const font = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) as unknown as {
      createSubset(): Subset;
    };
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset();
      subset.encodeStream = () => {
        const data = subset.encode();
        const handlers: Record<string, (arg?: unknown) => void> = {};
        const stream = {
          on(event: string, fn: (arg?: unknown) => void) {
            handlers[event] = fn;
            if (handlers.data && handlers.end)
              queueMicrotask(() => {
                handlers.data!(data);
                handlers.end!();
              });
            return stream;
          },
        };
        return stream;
      };
      return subset;
    };
    return font;
  },
} as unknown as Parameters<PDFDocument['registerFontkit']>[0];
