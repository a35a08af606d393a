/** The proof sheet of an issue: HTML with its own font, and a PDF of it printed by Chromium. */
import type { Browser } from 'puppeteer';
import subsetFont from 'subset-font';
import { printHtml } from '../check/print.js';
import { proofHtml } from '../check/proof.js';
import { loadFace } from '../fonts/faces.js';
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
  const subset = await subsetFont(Buffer.from(face.bytes), text + PROOF_MARKS, { targetFormat: 'truetype' });
  const url = `data:font/ttf;base64,${Buffer.from(subset).toString('base64')}`;
  return `@font-face { font-family: "np-proof"; src: url(${url}) format("truetype"); }`;
}

export async function proofHtmlFile(issue: Issue, sourceText: string, layout: Layout | null): Promise<string> {
  const bare = proofHtml(issue, sourceText, layout);
  return proofHtml(issue, sourceText, layout, await proofFontCss(bare));
}

export async function proofPdfFile(issue: Issue, html: string, browser?: Browser): Promise<Uint8Array> {
  const date = issue.masthead?.date ? new Date(`${issue.masthead.date}T00:00:00Z`) : new Date(0);
  const title = `校样 ${issue.masthead?.section ?? issue.source.file} ${issue.masthead?.date ?? ''}`.trim();
  return printHtml(html, { title, date, browser });
}
