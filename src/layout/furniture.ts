/** The masthead of page 1 and the running head of page 2. */
import type { Box, Issue, Rule, TextLine } from '../types.js';
import { type PlaceContext, textLine } from './place.js';
import { toUnits } from './text/units.js';

const r2 = (v: number) => Math.round(v * 100) / 100;

export function mastheadBox(ctx: PlaceContext, masthead: Issue['masthead']): { box: Box; rules: Rule[] } {
  const { t, g, area } = ctx;
  const height = t.masthead.lines * g.pitch;
  const lines: TextLine[] = [];
  const size = t.masthead.titleSize;
  const title = masthead?.section || '';
  if (title) lines.push(textLine(ctx, toUnits(title), { role: 'masthead-title', item: 'masthead', face: t.masthead.face, size, x: area.x, y: area.y + height / 2 + size * 0.36, width: area.width * 0.62, justify: false }));
  const info = [
    masthead ? [masthead.dateText, masthead.weekday].filter(Boolean).join(' ') : '',
    masthead?.email ? `${masthead.emailLabel}${masthead.email}` : '',
    ...(masthead?.extra ?? []),
    '第1版',
  ].filter(Boolean);
  const isz = t.masthead.infoSize;
  const top = area.y + (height - info.length * isz * 1.5) / 2;
  info.forEach((text, i) =>
    lines.push(textLine(ctx, toUnits(text), { role: 'masthead-info', item: i === info.length - 1 ? 'page' : 'masthead', face: 'bold', size: isz, x: area.x + area.width * 0.5, y: top + i * isz * 1.5 + isz, width: area.width * 0.5, justify: false, align: 'right' })),
  );
  const y = r2(area.y + height - g.pitch / 2);
  const rules: Rule[] = [
    { x1: r2(area.x), y1: y - 1.5, x2: r2(area.x + area.width), y2: y - 1.5, weight: 2 },
    { x1: r2(area.x), y1: y + 1, x2: r2(area.x + area.width), y2: y + 1, weight: 0.5 },
  ];
  return { box: { id: 'box-masthead', kind: 'masthead', item: 'masthead', rect: { x: r2(area.x), y: r2(area.y), width: r2(area.width), height: r2(height) }, lines }, rules };
}

export function runningHeadBox(ctx: PlaceContext, masthead: Issue['masthead'], page: number): { box: Box; rules: Rule[] } {
  const { t, g, area } = ctx;
  const height = t.runningHead.lines * g.pitch;
  const size = t.runningHead.size;
  const y = area.y + height / 2 + size * 0.3;
  const parts: Array<[string, 'left' | 'center' | 'right']> = [
    [`第${page}版`, 'left'],
    [masthead?.section ?? '', 'center'],
    [masthead ? [masthead.dateText, masthead.weekday].filter(Boolean).join(' ') : '', 'right'],
  ];
  const lines = parts
    .filter(([text]) => text)
    .map(([text, align]) => textLine(ctx, toUnits(text), { role: 'running-head', item: 'page', face: t.runningHead.face, size, x: area.x, y, width: area.width, justify: false, align }));
  const ry = r2(area.y + height - g.pitch / 3);
  return {
    box: { id: `box-running-head-${page}`, kind: 'running-head', item: 'page', rect: { x: r2(area.x), y: r2(area.y), width: r2(area.width), height: r2(height) }, lines },
    rules: [{ x1: r2(area.x), y1: ry, x2: r2(area.x + area.width), y2: ry, weight: 1 }],
  };
}
