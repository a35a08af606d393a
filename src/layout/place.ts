/**
 * Turns a page plan into positioned boxes and lines: every line's baseline,
 * left end, measure and the x of each character, ready to draw.
 */

import type { Box, FaceRole, LineRole, Metrics, Rect, Rule, Template, TextLine } from '../types.js';
import {
  type ArticleContent,
  continuation,
  type ItemContent,
  type LeadContent,
  type SpanOption,
  subheadFace,
} from './content.js';
import { baselineOf, columnX, type Grid, spanWidth } from './grid.js';
import { DECK_BASELINE, DECK_LEADING, HEADLINE_BASELINE, HEADLINE_LEADING } from './headline.js';
import type { ModulePlan } from './makeup.js';
import { type MarkSetting, setLine } from './text/setline.js';
import { toUnits, type Unit } from './text/units.js';
import { isBlank } from './widows.js';

export interface PlaceContext {
  t: Template;
  g: Grid;
  m: Metrics;
  area: Rect;
}

const r2 = (v: number) => Math.round(v * 100) / 100;

/** A line of units at `size` whose measure starts at x: positions scaled to pt. */
export function textLine(
  m: Metrics,
  units: Unit[],
  o: {
    role: LineRole;
    item: string;
    face: FaceRole;
    size: number;
    x: number;
    y: number;
    width: number;
    justify: boolean;
    align?: 'left' | 'center' | 'right';
    paragraph?: number;
    subhead?: boolean;
    /** Its last mark hangs past the measure (a body line, linebreak.ts). */
    hangs?: boolean;
    marks?: MarkSetting;
  },
): TextLine {
  const set = setLine(units, m[o.face], o.width / o.size, o.justify, o.hangs, o.marks);
  const used = set.width * o.size;
  const shift = o.align === 'center' ? (o.width - used) / 2 : o.align === 'right' ? o.width - used : 0;
  const line: TextLine = {
    role: o.role,
    item: o.item,
    text: units.map((u) => u.text).join(''),
    face: o.face,
    size: o.size,
    x: r2(o.x + shift),
    y: r2(o.y),
    width: r2(o.align && o.align !== 'left' ? used : o.width),
    xs: set.xs.map((x) => r2(x * o.size)),
  };
  if (o.paragraph !== undefined) line.paragraph = o.paragraph;
  if (o.subhead) line.subhead = true;
  if (Object.keys(set.scales).length) line.scales = set.scales;
  if (set.halves.length) line.halves = set.halves;
  return line;
}

/** How a display line sits in its block: its leading and its baseline below its slot's top, times its size. */
interface DisplayStyle {
  leading: number;
  baseline: number;
}
const HEADLINE: DisplayStyle = { leading: HEADLINE_LEADING, baseline: HEADLINE_BASELINE };
const DECK: DisplayStyle = { leading: DECK_LEADING, baseline: DECK_BASELINE };

/** Display lines (a headline, a deck, a kicker) centred in a block of `blockLines` grid lines from grid line `line`. */
function centredLines(
  ctx: PlaceContext,
  sets: Unit[][],
  style: DisplayStyle,
  o: { item: string; role: LineRole; face: FaceRole; size: number; x: number; width: number },
  line: number,
  blockLines: number,
): TextLine[] {
  const leading = o.size * style.leading;
  const top = ctx.area.y + line * ctx.g.pitch + (blockLines * ctx.g.pitch - sets.length * leading) / 2;
  return sets.map((units, i) =>
    textLine(ctx.m, units, {
      ...o,
      y: top + i * leading + o.size * style.baseline,
      justify: false,
      align: 'center',
      marks: 'half',
    }),
  );
}

/**
 * Body lines flowing down the option's columns from grid line `line`, as the option flowed them (content.ts); a part
 * continued over the pages has its jump line in above them and its jump line out under its last line.
 */
function flowBody(
  ctx: PlaceContext,
  content: ItemContent,
  option: SpanOption,
  role: LineRole,
  face: FaceRole,
  size: number,
  cols: Array<{ x: number; width: number }>,
  top: number,
): TextLine[] {
  const { perColumn } = option;
  const { item, part } = content;
  const jump = (text: string, col: { x: number; width: number }, at: number, align: 'left' | 'right') => {
    const y = baselineOf(ctx.g, ctx.area, at, ctx.g.bodySize);
    const o = { role: 'jump' as const, item, face: JUMP_FACE, size: ctx.g.bodySize, y, justify: false, align };
    return textLine(ctx.m, toUnits(text), { ...o, x: col.x, width: col.width });
  };
  const lines: TextLine[] = [];
  if (part?.jumpIn) lines.push(jump(part.jumpIn, cols[0]!, top, 'left'));
  const line = top + (part?.jumpIn ? 1 : 0);
  lines.push(
    ...option.body.flatMap((b, i) => {
      if (isBlank(b)) return [];
      const col = cols[Math.floor(i / perColumn)]!;
      const set = textLine(ctx.m, b.units, {
        role,
        item,
        // A subhead: its own face, flush (a display line, not spread to the measure).
        face: b.subhead ? subheadFace(ctx.t) : face,
        size,
        x: col.x,
        y: baselineOf(ctx.g, ctx.area, line + (i % perColumn), size),
        width: col.width - b.indent * size,
        justify: !b.last && !b.subhead,
        hangs: b.hangs,
        paragraph: b.paragraph + (part?.from ?? 0),
        ...(b.subhead ? { subhead: true } : {}),
      });
      return b.indent ? indented(set, b.indent, size) : set;
    }),
  );
  // Right under the body's last line, as the text's last words.
  const end = option.body.length;
  if (part?.jumpOut)
    lines.push(jump(part.jumpOut, cols[Math.floor(end / perColumn)]!, line + (end % perColumn), 'right'));
  return lines;
}

/** Jump lines are set bold at body size, as a line of the column. */
const JUMP_FACE: FaceRole = 'bold';

/**
 * The first-line indent set as ideographic spaces, as Chinese text carries it, so the line still starts at the column
 * edge.
 */
function indented(line: TextLine, ems: number, size: number): TextLine {
  const pad = size * ems;
  return {
    ...line,
    text: '\u3000'.repeat(ems) + line.text,
    width: r2(line.width + pad),
    xs: [...Array.from({ length: ems }, (_, k) => r2(k * size)), ...line.xs.map((x) => r2(x + pad))],
    ...(line.scales
      ? { scales: Object.fromEntries(Object.entries(line.scales).map(([k, v]) => [Number(k) + ems, v])) }
      : {}),
    ...(line.halves ? { halves: line.halves.map((k) => k + ems) } : {}),
  };
}

export function placeArticle(ctx: PlaceContext, content: ArticleContent, plan: ModulePlan): Box {
  const { g, t, area } = ctx;
  const x = columnX(g, area, plan.col);
  const width = spanWidth(g, plan.span);
  const lines: TextLine[] = [];
  if (content.headline)
    lines.push(
      ...centredLines(
        ctx,
        plan.head,
        HEADLINE,
        { item: content.item, role: 'headline', face: t.headline.face, size: plan.headSize, x, width },
        plan.line,
        plan.headLines,
      ),
    );
  let line = plan.line + plan.headLines;
  const size = g.bodySize * t.byline.scale;
  for (const units of content.bylines.get(plan.span) ?? []) {
    lines.push(
      textLine(ctx.m, units, {
        role: 'byline',
        item: content.item,
        face: t.byline.face,
        size,
        x,
        y: baselineOf(g, area, line, size),
        width,
        justify: false,
      }),
    );
    line++;
  }
  lines.push(
    ...flowBody(
      ctx,
      content,
      plan.option,
      'body',
      t.body.face,
      g.bodySize,
      bodyColumns(x, width, plan.option.columns, plan.option.measure * g.bodySize),
      line,
    ),
  );
  return {
    id: boxId(content),
    kind: 'article',
    item: content.item,
    rect: moduleRect(ctx, plan),
    span: plan.span,
    lines,
  };
}

export function placeLead(ctx: PlaceContext, content: LeadContent, plan: ModulePlan): Box {
  const { g, t, area } = ctx;
  const x = area.x;
  const width = spanWidth(g, g.columns);
  // Kicker and deck: in the deck's face and size.
  const deck = (role: LineRole) => ({ item: 'lead', role, face: t.lead.deck.face, size: t.lead.deck.size, x, width });
  const lines = centredLines(ctx, content.kickerSet, DECK, deck('kicker'), plan.line, content.kickerLines);
  let line = plan.line + content.kickerLines;
  lines.push(
    ...centredLines(
      ctx,
      plan.head,
      HEADLINE,
      { item: 'lead', role: 'lead-headline', face: t.lead.headline.face, size: plan.headSize, x, width },
      line,
      plan.headLines,
    ),
  );
  line += plan.headLines;
  lines.push(...centredLines(ctx, content.deckSet, DECK, deck('deck'), line, content.deckLines));
  line += content.deckLines + content.airLines;
  const size = plan.option.introSize ?? g.bodySize;
  lines.push(
    ...flowBody(
      ctx,
      content,
      plan.option,
      'intro',
      t.lead.intro.face,
      size,
      bodyColumns(x, width, plan.option.columns, plan.option.measure * size),
      line,
    ),
  );
  return { id: boxId(content), kind: 'lead', item: 'lead', rect: moduleRect(ctx, plan), span: g.columns, lines };
}

/** A module's box: a continued item's second part has a box of its own. */
const boxId = (c: ItemContent) => `box-${c.item}${continuation(c.part) ? '-continued' : ''}`;

/** `n` equal columns of `measure` pt across a module, the gutters taking the rest. */
function bodyColumns(x: number, width: number, n: number, measure: number): Array<{ x: number; width: number }> {
  const gutter = n > 1 ? (width - n * measure) / (n - 1) : 0;
  return Array.from({ length: n }, (_, k) => ({ x: x + k * (measure + gutter), width: measure }));
}

function moduleRect(ctx: PlaceContext, plan: ModulePlan): Rect {
  const { g, area } = ctx;
  return {
    x: r2(columnX(g, area, plan.col)),
    y: r2(area.y + plan.line * g.pitch),
    width: r2(spanWidth(g, plan.span)),
    height: r2(plan.height * g.pitch),
  };
}

/** Rules: under each module that has another below it, and between side-by-side stacks. */
export function moduleRules(ctx: PlaceContext, modules: ModulePlan[], weight: number): Rule[] {
  const { g, area } = ctx;
  const rules: Rule[] = [];
  for (const m of modules) {
    const below = modules.find(
      (o) => o.line === m.line + m.height + ctx.t.rules.spaceLines && o.col < m.col + m.span && o.col + o.span > m.col,
    );
    if (below) {
      const y = r2(area.y + (m.line + m.height + ctx.t.rules.spaceLines / 2) * g.pitch);
      rules.push({
        x1: r2(columnX(g, area, m.col)),
        y1: y,
        x2: r2(columnX(g, area, m.col) + spanWidth(g, m.span)),
        y2: y,
        weight,
      });
    }
    const right = modules.filter(
      (o) => o.col === m.col + m.span && o.line < m.line + m.height && o.line + o.height > m.line,
    );
    if (right.length) {
      const x = r2(columnX(g, area, m.col + m.span) - g.gutter / 2);
      rules.push({
        x1: x,
        y1: r2(area.y + m.line * g.pitch),
        x2: x,
        y2: r2(area.y + (m.line + m.height) * g.pitch),
        weight,
      });
    }
  }
  return rules;
}
