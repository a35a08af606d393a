import subsetFont from 'subset-font';
import type { Browser } from 'puppeteer';
import { proofHtml } from '../../check/proof.js';
import { loadFace } from '../../fonts/faces.js';
import { printHtml } from '../../check/print.js';
import type { Issue, Layout } from '../../types.js';
import { writeAtomic } from '../io.js';
import type { Reporter } from '../report.js';
import { readTemplate } from '../inputs.js';
import { layoutStage } from './layout.js';
import { recoverFile } from './recover.js';

/**
 * The body face, cut down to the characters of the proof (HarfBuzz's
 * subsetter: a real font with its cmap, which fontkit's PDF subsets lack),
 * embedded in the HTML so the sheet reads the same on any machine.
 */
async function proofFontCss(text: string): Promise<string> {
  const face = loadFace('song');
  const subset = await subsetFont(Buffer.from(face.bytes), text + '□→⏎␣·（）：、，。0123456789', { targetFormat: 'truetype' });
  return `@font-face { font-family: "np-proof"; src: url(data:font/ttf;base64,${Buffer.from(subset).toString('base64')}) format("truetype"); }`;
}

/** The proof sheet of an issue: HTML, and a PDF of it printed by Chromium. */
export async function proofFiles(issue: Issue, sourceText: string, layout: Layout | null, pdf: boolean, browser?: Browser): Promise<{ html: string; pdf: Uint8Array | null }> {
  const bare = proofHtml(issue, sourceText, layout);
  const html = proofHtml(issue, sourceText, layout, await proofFontCss(bare));
  const date = issue.masthead?.date ? new Date(`${issue.masthead.date}T00:00:00Z`) : new Date(0);
  const title = `校样 ${issue.masthead?.section ?? issue.source.file} ${issue.masthead?.date ?? ''}`.trim();
  return { html, pdf: pdf ? await printHtml(html, { title, date, browser }) : null };
}

export async function proofCommand(file: string, opts: { output: string; template: string }, report: Reporter): Promise<void> {
  const { issue, text: source } = report.time('recover', () => recoverFile(file));
  const layout = layoutStage(issue, readTemplate(opts.template), report);
  const asPdf = opts.output.toLowerCase().endsWith('.pdf');
  const out = await report.timeAsync('proof', () => proofFiles(issue, source, layout, asPdf));
  writeAtomic(opts.output, asPdf ? out.pdf! : out.html);
  report.info(`wrote ${opts.output}: ${issue.corrections.length} corrections, ${issue.warnings.length} warnings`);
}
