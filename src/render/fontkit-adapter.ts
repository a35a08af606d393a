/**
 * pdf-lib asks for a fontkit with `create(bytes)` and subsets with
 * `encodeStream()`. The fork it suggests (@pdf-lib/fontkit 1.1.1) silently
 * drops glyphs from small TrueType subsets; upstream fontkit 2 subsets
 * correctly but has `encode()` instead, so this thin adapter bridges the two.
 */
import * as fontkit from 'fontkit';
import type { PDFDocument } from 'pdf-lib';

type Subset = { encode(): Uint8Array; encodeStream?: () => unknown };

type SubsettingFont = { createSubset(): Subset };

/**
 * One parsed font per font file for the process: fontkit decodes tables and glyphs lazily and keeps them, so a second
 * render (a rebuild in `proof --serve`, the next page of a batch) does not decode them again, and the font the layout
 * measured with (adoptFont) is the one pdf-lib subsets.
 */
const parsed = new WeakMap<Uint8Array, SubsettingFont>();

/** pdf-lib will subset `font` when it is given `bytes`: no second parse of the same file. */
export function adoptFont(bytes: Uint8Array, font: fontkit.Font): void {
  if (!parsed.has(bytes)) parsed.set(bytes, streamingSubsets(font as unknown as SubsettingFont));
}

/** The font with subsets that also have pdf-lib's `encodeStream()`. */
function streamingSubsets(font: SubsettingFont): SubsettingFont {
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
}

export const fontkitForPdfLib = {
  create(bytes: Uint8Array) {
    let font = parsed.get(bytes);
    if (!font) {
      const fresh = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      parsed.set(bytes, (font = streamingSubsets(fresh as unknown as SubsettingFont)));
    }
    return font;
  },
} as unknown as Parameters<PDFDocument['registerFontkit']>[0];
