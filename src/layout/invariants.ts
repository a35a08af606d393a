/**
 * What every layout must satisfy, checked on every run: an InvariantError,
 * not a warning, because a layout that breaks one would print wrong.
 *   - every character of the issue placed exactly once, in order;
 *   - no box outside its page's type area, no two boxes overlapping;
 *   - no line wider than its measure;
 *   - no line starting or ending against the clreq prohibitions.
 */

import { InvariantError } from '../errors.js';
import { NO_LINE_END, NO_LINE_START } from '../text/chars.js';
import type { Box, Issue, Layout, Metrics, Rect, TextLine } from '../types.js';
import { bylineText } from './content.js';
import { HANGING_MARKS } from './text/units.js';

const EPS = 0.6; // pt: rounding of positions

const squash = (s: string) => s.replace(/[\s\u3000]/g, '');

export function layoutViolations(layout: Layout, issue: Issue, m: Metrics): string[] {
  const problems: string[] = [];
  const lines = layout.pages.flatMap((p) =>
    p.boxes.flatMap((b) => b.lines.map((l) => ({ page: p.number, box: b, line: l }))),
  );
  const text = (item: string, roles: string[]) =>
    squash(
      lines
        .filter((x) => x.line.item === item && roles.includes(x.line.role))
        .map((x) => x.line.text)
        .join(''),
    );
  const expect = (what: string, got: string, want: string) => {
    if (got !== squash(want))
      problems.push(`${what}: placed text differs from the issue (${got.length} of ${squash(want).length} characters)`);
  };
  if (issue.lead) {
    expect('lead headline', text('lead', ['lead-headline']), issue.lead.headline);
    expect('lead deck', text('lead', ['deck']), issue.lead.deck ?? '');
    expect('lead kicker', text('lead', ['kicker']), issue.lead.kicker ?? '');
    expect('lead introduction', text('lead', ['intro']), issue.lead.paragraphs.join(''));
  }
  for (const a of issue.articles) {
    expect(`${a.id} headline`, text(a.id, ['headline']), a.headline);
    expect(`${a.id} byline`, text(a.id, ['byline']), a.byline ? bylineText(a.byline) : '');
    expect(`${a.id} body`, text(a.id, ['body']), a.paragraphs.join(''));
    a.paragraphs.forEach((p, i) => {
      const got = squash(
        lines
          .filter((x) => x.line.item === a.id && x.line.role === 'body' && x.line.paragraph === i)
          .map((x) => x.line.text)
          .join(''),
      );
      if (got !== squash(p)) problems.push(`${a.id} paragraph ${i + 1} is not set as one paragraph`);
    });
  }
  const mh = issue.masthead;
  if (mh) {
    const placed = text('masthead', ['masthead-title', 'masthead-info']);
    for (const part of [mh.section, mh.dateText, mh.weekday, mh.emailLabel + mh.email, ...mh.extra])
      if (!placed.includes(squash(part))) problems.push(`masthead: "${part}" is not placed`);
  }
  for (const page of layout.pages) {
    const boxes = page.boxes;
    for (const b of boxes)
      if (!inside(b.rect, page.typeArea)) problems.push(`page ${page.number}: ${b.id} is outside the type area`);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        if (overlap(boxes[i]!.rect, boxes[j]!.rect))
          problems.push(`page ${page.number}: ${boxes[i]!.id} and ${boxes[j]!.id} overlap`);
    for (const b of boxes) for (const l of b.lines) problems.push(...lineViolations(page.number, b, l, m));
  }
  return problems;
}

function lineViolations(page: number, box: Box, l: TextLine, m: Metrics): string[] {
  const out: string[] = [];
  const chars = [...l.text];
  const where = `page ${page}, ${box.id}, line "${l.text.slice(0, 12)}…"`;
  if (chars.length !== l.xs.length) out.push(`${where}: ${chars.length} characters but ${l.xs.length} positions`);
  const last = chars.length - 1;
  // A closing mark at the end may be set half width (its ink is in its first half).
  const advance =
    (NO_LINE_START.has(chars[last]!) && m[l.face].half(chars[last]!)?.advance) || m[l.face].advance(chars[last]!);
  const end = l.xs[last]! + advance * l.size * (l.scales?.[last] ?? 1);
  // A stop or pause may hang past the measure (it starts at the line's end): only body text hangs.
  const hangs =
    (l.role === 'body' || l.role === 'intro') && HANGING_MARKS.has(chars[last]!) && l.xs[last]! <= l.width + EPS;
  if (end > l.width + EPS && !hangs) out.push(`${where}: ${(end - l.width).toFixed(1)} pt wider than its measure`);
  if (l.role === 'body' || l.role === 'intro') {
    if (NO_LINE_START.has(chars[0]!)) out.push(`${where}: starts with ${chars[0]}`);
    if (NO_LINE_END.has(chars[last]!)) out.push(`${where}: ends with ${chars[last]}`);
  }
  if (l.y < box.rect.y - EPS || l.y > box.rect.y + box.rect.height + EPS)
    out.push(`${where}: baseline outside its box`);
  for (const ch of chars)
    if (ch.trim() && !m[l.face].has(ch)) out.push(`${where}: the ${l.face} face has no glyph for ${ch}`);
  return out;
}

const inside = (r: Rect, a: Rect) =>
  r.x >= a.x - EPS &&
  r.y >= a.y - EPS &&
  r.x + r.width <= a.x + a.width + EPS &&
  r.y + r.height <= a.y + a.height + EPS;
const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.width - EPS && b.x < a.x + a.width - EPS && a.y < b.y + b.height - EPS && b.y < a.y + a.height - EPS;

export function checkLayout(layout: Layout, issue: Issue, m: Metrics): void {
  const problems = layoutViolations(layout, issue, m);
  if (problems.length)
    throw new InvariantError(
      `layout broke ${problems.length} rule(s): ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? '; …' : ''}`,
      undefined,
      'this is a bug in newsprint',
    );
}
