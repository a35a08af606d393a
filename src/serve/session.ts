/**
 * One proofreading session: the issue recovered once from the extraction,
 * the editor's edits on it, and the spread rebuilt (layout, PDF, page
 * images) after every change. The server only routes requests to this.
 */
import { isRejectable } from '../edits/apply.js';
import { NewsprintError } from '../errors.js';
import { loadFaces } from '../fonts/faces.js';
import { editsPathOf, writeEditsFile } from '../io/edits-file.js';
import { displayName } from '../io/files.js';
import { readTemplate } from '../io/inputs.js';
import { encodePng } from '../io/png.js';
import { findEdits, withEdits } from '../pipeline/edits.js';
import { fitsTemplate, layoutStage } from '../pipeline/layout.js';
import { proofFontCss } from '../pipeline/proof.js';
import { recoverFile } from '../pipeline/recover.js';
import { quietReporter } from '../pipeline/report.js';
import { extractionLines } from '../recover/lines.js';
import { drawPage } from '../render/page-image.js';
import { validateEdits } from '../schema.js';
import type { Edit, Issue, Layout } from '../types.js';

/** Page images for the screen: enough to read headlines, quick to make. */
const VIEW_DPI = 60;

export interface SessionState {
  file: string;
  editsFile: string;
  /** Edits applied now, in order; `saved`: the edits file holds exactly these. */
  edits: Edit[];
  saved: boolean;
  /** Edits that did not apply, and what laying out the edited issue warned of. */
  warnings: string[];
  issue: Issue;
  /** The extraction's lines, numbered from 1. */
  source: string[];
  /** Every correction recovery made, with whether an editor may reject it and whether one did. */
  corrections: Array<Issue['corrections'][number] & { rejectable: boolean; rejected: boolean }>;
  pages: Array<{
    width: number;
    height: number;
    boxes: Array<{ item: string; x: number; y: number; w: number; h: number }>;
  }>;
  /** Changes with every rebuild: the page images' URLs carry it. */
  version: number;
  /** How long the last rebuild took, in ms. */
  rebuildMs: number;
}

export class Session {
  private readonly base: Issue;
  private readonly source: string[];
  private readonly editsPath: string;
  private readonly template;
  private edits: Edit[] = [];
  private savedJson = '[]';
  private warnings: string[] = [];
  private issue!: Issue;
  private layout!: Layout;
  private images: Buffer[] = [];
  private version = 0;
  private rebuildMs = 0;
  /** The body face cut down to the page's text, so it reads the same on any machine. */
  fontCss = '';

  private constructor(
    private readonly file: string,
    templateName: string,
  ) {
    const editsPath = editsPathOf(file);
    if (!editsPath) throw new NewsprintError('cannot be proofread on screen: give a file', displayName(file));
    this.editsPath = editsPath;
    this.template = readTemplate(templateName);
    const { issue, text } = recoverFile(file, undefined, undefined, fitsTemplate(this.template));
    this.base = issue;
    this.source = extractionLines(text);
    const found = findEdits(file);
    if (found) {
      this.edits = found.edits.edits;
      this.savedJson = JSON.stringify(this.edits);
    }
  }

  static async open(file: string, templateName: string): Promise<Session> {
    const s = new Session(file, templateName);
    s.fontCss = await proofFontCss(`${s.source.join('')}${JSON.stringify(s.base)}`);
    s.rebuild();
    return s;
  }

  /** Applies `edits` (the whole list, as the page keeps it) and rebuilds the spread. */
  async setEdits(edits: unknown): Promise<void> {
    const checked = validateEdits(
      { schema: 'newsprint/edits@1', source: { file: this.base.source.file, sha256: this.base.source.sha256 }, edits },
      'the edits sent by the page',
    );
    this.edits = checked.edits;
    this.rebuild();
  }

  save(): string {
    writeEditsFile(this.editsPath, { file: this.base.source.file, sha256: this.base.source.sha256 }, this.edits);
    this.savedJson = JSON.stringify(this.edits);
    return this.editsPath;
  }

  image(page: number): Buffer | null {
    return this.images[page - 1] ?? null;
  }

  private rebuild(): void {
    const t0 = performance.now();
    const report = quietReporter();
    const result = withEdits(this.base, this.edits, this.editsPath, report);
    this.warnings = report.warnings;
    this.issue = result.issue;
    this.layout = layoutStage(this.issue, this.template, report, displayName(this.file));
    const faces = loadFaces();
    this.images = this.layout.pages.map((p) => encodePng(drawPage(p, faces, VIEW_DPI)));
    this.version++;
    this.rebuildMs = Math.round(performance.now() - t0);
  }

  state(): SessionState {
    const rejected = new Set(this.edits.flatMap((e) => (e.op === 'reject-correction' ? [e.correction] : [])));
    return {
      file: displayName(this.file),
      editsFile: displayName(this.editsPath),
      edits: this.edits,
      saved: JSON.stringify(this.edits) === this.savedJson,
      warnings: this.warnings,
      issue: this.issue,
      source: this.source,
      corrections: this.base.corrections.map((c) => ({
        ...c,
        rejectable: isRejectable(c),
        rejected: rejected.has(c.id),
      })),
      pages: this.layout.pages.map((p) => ({
        width: p.width,
        height: p.height,
        boxes: p.boxes.map((b) => ({ item: b.item, x: b.rect.x, y: b.rect.y, w: b.rect.width, h: b.rect.height })),
      })),
      version: this.version,
      rebuildMs: this.rebuildMs,
    };
  }
}
