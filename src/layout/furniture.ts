/** The masthead of page 1 and the running head of page 2. */
import type { Box, FaceRole, Issue, Rule, TextLine } from '../types.js';
import { type PlaceContext, textLine } from './place.js';
import { naturalWidth } from './text/setline.js';
import { toUnits } from './text/units.js';

const r2 = (v: number) => Math.round(v * 100) / 100;

export function mastheadBox(ctx: PlaceContext, masthead: Issue['masthead']): { box: Box; rules: Rule[] } {
  const { t, g, area } = ctx;
  const height = g.mastheadLines * g.pitch;
  const lines: TextLine[] = [];
  const title = masthead?.section || '';
  const titleWidth = area.width * 0.62;
  // A long section name is set smaller, never wider than its place.
  const size = Math.min(t.masthead.titleSize, fitSize(ctx, title, t.masthead.face, titleWidth));
  if (title)
    lines.push(
      textLine(ctx.m, toUnits(title), {
        role: 'masthead-title',
        item: 'masthead',
        face: t.masthead.face,
        size,
        x: area.x,
        y: area.y + height / 2 + size * 0.36,
        width: titleWidth,
        justify: false,
      }),
    );
  const info = [
    masthead ? [masthead.dateText, masthead.weekday].filter(Boolean).join(' ') : '',
    masthead?.email ? `${masthead.emailLabel}${masthead.email}` : '',
    ...(masthead?.extra ?? []),
    '第1版',
  ].filter(Boolean);
  // Every line of information fits the box: smaller type when there are many or long ones.
  const infoWidth = area.width * 0.36;
  const isz = Math.min(
    t.masthead.infoSize,
    (height - 4) / (info.length * 1.5),
    ...info.map((text) => fitSize(ctx, text, 'bold', infoWidth)),
  );
  const top = area.y + (height - info.length * isz * 1.5) / 2;
  info.forEach((text, i) =>
    lines.push(
      textLine(ctx.m, toUnits(text), {
        role: 'masthead-info',
        item: i === info.length - 1 ? 'page' : 'masthead',
        face: 'bold',
        size: isz,
        x: area.x + area.width - infoWidth,
        y: top + i * isz * 1.5 + isz,
        width: infoWidth,
        justify: false,
        align: 'right',
      }),
    ),
  );
  const y = r2(area.y + height - g.pitch / 2);
  const rules: Rule[] = [
    { x1: r2(area.x), y1: y - 1.5, x2: r2(area.x + area.width), y2: y - 1.5, weight: 2 },
    { x1: r2(area.x), y1: y + 1, x2: r2(area.x + area.width), y2: y + 1, weight: 0.5 },
  ];
  return {
    box: {
      id: 'box-masthead',
      kind: 'masthead',
      item: 'masthead',
      rect: { x: r2(area.x), y: r2(area.y), width: r2(area.width), height: r2(height) },
      lines,
    },
    rules,
  };
}

/** The size (pt) at which `text` is exactly `width` wide in `face`. */
function fitSize(ctx: PlaceContext, text: string, face: FaceRole, width: number): number {
  const em = naturalWidth(toUnits(text), ctx.m[face]);
  return em > 0 ? width / em : Infinity;
}

export function runningHeadBox(
  ctx: PlaceContext,
  masthead: Issue['masthead'],
  page: number,
): { box: Box; rules: Rule[] } {
  const { t, g, area } = ctx;
  const height = g.runningHeadLines * g.pitch;
  const size = t.runningHead.size;
  const y = area.y + height / 2 + size * 0.3;
  const sections = masthead?.section ?? '';
  // The folio on the outer edge: page 2 is the right-hand page of the spread (page 1 the left, grid.ts).
  const outer = page % 2 === 0 ? 'right' : 'left';
  const inner = outer === 'right' ? 'left' : 'right';
  const parts: Array<[string, 'left' | 'center' | 'right']> = [
    [`第${page}版`, outer],
    [sections, 'center'],
    [masthead ? [masthead.dateText, masthead.weekday].filter(Boolean).join(' ') : '', inner],
  ];
  // Three parts in three thirds of the line: a long one is set smaller.
  const lines = parts
    .filter(([text]) => text)
    .map(([text, align]) => {
      const third = area.width / 3;
      const s = Math.min(size, fitSize(ctx, text, t.runningHead.face, third - 6));
      const x = area.x + (align === 'left' ? 0 : align === 'center' ? third : 2 * third);
      return textLine(ctx.m, toUnits(text), {
        role: 'running-head',
        item: 'page',
        face: t.runningHead.face,
        size: s,
        x,
        y,
        width: third,
        justify: false,
        align,
      });
    });
  const ry = r2(area.y + height - g.pitch / 3);
  return {
    box: {
      id: `box-running-head-${page}`,
      kind: 'running-head',
      item: 'page',
      rect: { x: r2(area.x), y: r2(area.y), width: r2(area.width), height: r2(height) },
      lines,
    },
    rules: [{ x1: r2(area.x), y1: ry, x2: r2(area.x + area.width), y2: ry, weight: 1 }],
  };
}
