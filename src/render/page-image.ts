/**
 * Page images straight from the layout: every glyph drawn at its x with the
 * font files the PDF embeds (Skia, through @napi-rs/canvas), rules as the
 * PDF strokes them. No PDF is parsed again, so the archive's page images cost
 * a fraction of rasterising spread.pdf with pdf.js; what the PDF itself looks
 * like is held by the golden images and the cross-engine check, which do
 * rasterise it.
 */
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import type { Face } from '../fonts/faces.js';
import type { FaceRole, Page, Raster } from '../types.js';

const registered = new Set<FaceRole>();

/** Skia's name for a face: registered once per process, from the same file the PDF embeds. */
function family(role: FaceRole, faces: Record<FaceRole, Face>): string {
  const name = `newsprint-${role}`;
  if (!registered.has(role)) {
    GlobalFonts.registerFromPath(faces[role].path, name);
    registered.add(role);
  }
  return name;
}

export function drawPage(page: Page, faces: Record<FaceRole, Face>, dpi: number): Raster {
  const scale = dpi / 72;
  const canvas = createCanvas(Math.round(page.width * scale), Math.round(page.height * scale));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(scale, scale);
  ctx.fillStyle = '#000000';
  for (const box of page.boxes)
    for (const line of box.lines) {
      ctx.font = `${line.size}px ${family(line.face, faces)}`;
      [...line.text].forEach((ch, i) => {
        if (!ch.trim()) return;
        const x = line.x + line.xs[i]!;
        const stretch = line.scales?.[i];
        if (stretch === undefined) ctx.fillText(ch, x, line.y);
        else {
          // A dash drawn to a full em: scaled across, as the PDF scales it.
          ctx.save();
          ctx.translate(x, line.y);
          ctx.scale(stretch, 1);
          ctx.fillText(ch, 0, 0);
          ctx.restore();
        }
      });
    }
  ctx.strokeStyle = '#000000';
  for (const r of page.rules) {
    ctx.lineWidth = r.weight;
    ctx.beginPath();
    ctx.moveTo(r.x1, r.y1);
    ctx.lineTo(r.x2, r.y2);
    ctx.stroke();
  }
  const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return { width: canvas.width, height: canvas.height, data: new Uint8ClampedArray(image.data.buffer) };
}
