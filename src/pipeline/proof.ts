/** The proof sheet of an issue: HTML with its own font (for a browser), and a PDF drawn by newsprint's renderer. */
import { proofHtml } from '../check/proof.js';
import { proofDocument } from '../check/proof-pages.js';
import { loadFace, loadFaces, loadMetrics } from '../fonts/faces.js';
import { VERSION } from '../project.js';
import { renderDocument } from '../render/index.js';
import type { Issue, Layout } from '../types.js';

/** Characters the sheet's own markup uses besides the issue's text. */
const PROOF_MARKS = '□→⏎␣·（）：、，。0123456789';

/**
 * The body face, cut down to the characters of the proof (HarfBuzz's
 * subsetter: a real font with its cmap, which fontkit's PDF subsets lack),
 * embedded in the HTML so the sheet reads the same on any machine.
 */
export async function proofFontCss(text: string): Promise<string> {
  const face = loadFace('song');
  // HarfBuzz is loaded for the HTML proof alone: `build` makes none.
  const { default: subsetFont } = await import('subset-font');
  const subset = await subsetFont(Buffer.from(face.bytes), text + PROOF_MARKS, { targetFormat: 'truetype' });
  const url = `data:font/ttf;base64,${Buffer.from(subset).toString('base64')}`;
  return `@font-face { font-family: "np-proof"; src: url(${url}) format("truetype"); }`;
}

export async function proofHtmlFile(issue: Issue, sourceText: string, layout: Layout | null): Promise<string> {
  const bare = proofHtml(issue, sourceText, layout);
  return proofHtml(issue, sourceText, layout, await proofFontCss(bare));
}

/** The proof as A4 pages drawn with the fonts and renderer of the spread: no browser, the same bytes every time. */
export async function proofPdfFile(issue: Issue, sourceText: string, layout: Layout | null): Promise<Uint8Array> {
  return renderDocument(proofDocument(issue, sourceText, layout, loadMetrics()), loadFaces(), {
    producer: `newsprint ${VERSION}`,
  });
}
