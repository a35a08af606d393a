/**
 * A glyph drawn as a filled outline instead of text. Used for punctuation set
 * half width: drawn as text its full-em box would overlap the next glyph, and
 * text extractors would tear the line apart there; the text layer carries an
 * invisible, half-width copy of the character instead.
 */
import type * as fontkit from 'fontkit';
import { PDFOperatorNames as Ops, PDFNumber, PDFOperator } from 'pdf-lib';

type Command = { command: string; args: number[] };

const n = (v: number) => PDFNumber.of(Math.round(v * 100) / 100);

/** Path operators of a glyph outline in font units. */
export function outlineOperators(font: fontkit.Font, ch: string): PDFOperator[] {
  const commands = (font.glyphForCodePoint(ch.codePointAt(0)!).path as unknown as { commands: Command[] }).commands;
  const ops: PDFOperator[] = [];
  let x = 0;
  let y = 0;
  for (const { command, args } of commands) {
    switch (command) {
      case 'moveTo':
        [x, y] = args as [number, number];
        ops.push(PDFOperator.of(Ops.MoveTo, [n(x), n(y)]));
        break;
      case 'lineTo':
        [x, y] = args as [number, number];
        ops.push(PDFOperator.of(Ops.LineTo, [n(x), n(y)]));
        break;
      case 'quadraticCurveTo': {
        const [cx, cy, ex, ey] = args as [number, number, number, number];
        const c1 = [x + (2 / 3) * (cx - x), y + (2 / 3) * (cy - y)];
        const c2 = [ex + (2 / 3) * (cx - ex), ey + (2 / 3) * (cy - ey)];
        ops.push(PDFOperator.of(Ops.AppendBezierCurve, [...c1, ...c2, ex, ey].map(n)));
        [x, y] = [ex, ey];
        break;
      }
      case 'bezierCurveTo':
        ops.push(PDFOperator.of(Ops.AppendBezierCurve, args.map(n)));
        [x, y] = [args[4]!, args[5]!];
        break;
      case 'closePath':
        ops.push(PDFOperator.of(Ops.ClosePath));
        break;
    }
  }
  return ops;
}

/** The outline filled at (x, y) on the page at `size` points. */
export function drawOutline(
  outline: PDFOperator[],
  unitsPerEm: number,
  size: number,
  x: number,
  y: number,
): PDFOperator[] {
  const k = size / unitsPerEm;
  return [
    PDFOperator.of(Ops.PushGraphicsState),
    PDFOperator.of(
      Ops.ConcatTransformationMatrix,
      [k, 0, 0, k, x, y].map((v) => PDFNumber.of(Math.round(v * 10000) / 10000)),
    ),
    ...outline,
    PDFOperator.of(Ops.FillNonZero),
    PDFOperator.of(Ops.PopGraphicsState),
  ];
}
