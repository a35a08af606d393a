import { CLOSING, emWidth, endsSentence } from '../text/chars.js';
import type { SourceLine } from './lines.js';
import { isLetterSpaced } from './spaces.js';

/** A headline and its byline, found together after the bodies they belong to. */
export interface Signature {
  headline: SourceLine[];
  byline: SourceLine;
}

export interface LeadBlock {
  headline: SourceLine[];
  deck: SourceLine | null;
  intro: SourceLine[];
}

/** The page as a sequence of blocks in extraction order. */
export type Block =
  | { kind: 'body'; lines: SourceLine[] }
  | { kind: 'signatures'; items: Signature[] }
  | { kind: 'lead'; lead: LeadBlock };

const MAX_HEADLINE_EM = 40;
const BYLINE_MARKS = /^[□■◆◇]/;

/** `□ 兴县人大常委会主任 史小军`, or with `口` misread for `□`. */
export function isByline(raw: string): boolean {
  const s = raw.trim();
  if (emWidth(s) > MAX_HEADLINE_EM || endsSentence(s)) return false;
  if (BYLINE_MARKS.test(s)) return s.length > 1;
  if (!s.startsWith('口') || isLetterSpaced(s)) return false;
  const rest = s.slice(1);
  const tokens = rest.trim().split(/\s+/).filter(Boolean);
  if (/[，。、；：！？,;]/.test(rest) || tokens.length === 0 || tokens.length > 4) return false;
  // `口 role name`: a space after the marker; or `口role name` with two or three plain tokens.
  return /^\s/.test(rest)
    ? tokens.some((t) => t.length >= 2)
    : tokens.length >= 2 && tokens.every((t) => t.length >= 2);
}

/** A line that can be (part of) a headline: short, no sentence punctuation at its end. */
export function isHeadlineLike(raw: string): boolean {
  const s = raw.trim();
  if (!s || emWidth(s) > MAX_HEADLINE_EM || isByline(s) || isDeck(s)) return false;
  if (isLetterSpaced(s) && s.replace(/\s/g, '').length > 12) return false;
  if (CLOSING.has(s[0]!) || /^[，。、；：！？]/.test(s)) return false;
  return !endsSentence(s) && !/[，、：,:；]$/.test(s);
}

/** The lead's deck line starts with a dash: `——全市人大...`. */
export function isDeck(raw: string): boolean {
  return /^\s*(——|－－|--|—)/.test(raw);
}

/**
 * Finds signatures (headline lines + byline), the lead (headline + deck +
 * intro in long lines), and the runs of body lines between them.
 */
export function pageBlocks(lines: SourceLine[]): Block[] {
  const used = new Set<number>();
  const at = new Map<number, Block>();

  const headlineAbove = (index: number, max: number): number[] => {
    const out: number[] = [];
    for (let i = index - 1; i >= 0 && out.length < max; i--) {
      if (used.has(i) || !isHeadlineLike(lines[i]!.raw)) break;
      out.unshift(i);
    }
    return out;
  };

  // A column line that happens to start with a dash is not a deck: a lead's
  // headline stands apart from the text above it and differs in width from its deck.
  const standsApart = (head: number[], deck: number): boolean => {
    const above = lines[head[0]! - 1];
    if (above && !isByline(above.raw) && !endsSentence(above.raw)) return false;
    if (head.some((i) => /[，。；：、,;:]/.test(lines[i]!.raw))) return false;
    const width = (i: number) => emWidth(lines[i]?.raw.trim() ?? '');
    const sameColumn = (a: number, b: number) => Math.abs(width(a) - width(b)) <= 1.5;
    return (
      !sameColumn(head[head.length - 1]!, deck) &&
      !(deck + 1 < lines.length && sameColumn(deck, deck + 1) && width(deck) < 30)
    );
  };

  // Leads first: a deck line right under a headline.
  lines.forEach((line, d) => {
    if (!isDeck(line.raw) || used.has(d)) return;
    const head = headlineAbove(d, 2);
    if (head.length === 0 || !standsApart(head, d)) return;
    const intro = introBelow(lines, d, used);
    for (const i of [...head, d, ...intro]) used.add(i);
    at.set(head[0]!, {
      kind: 'lead',
      lead: { headline: head.map((i) => lines[i]!), deck: line, intro: intro.map((i) => lines[i]!) },
    });
  });

  // Signatures: each byline with the headline lines right above it.
  const signatures: Array<{ first: number; sig: Signature }> = [];
  lines.forEach((line, b) => {
    if (used.has(b) || !isByline(line.raw)) return;
    const head = headlineAbove(b, 2);
    for (const i of [...head, b]) used.add(i);
    signatures.push({ first: head[0] ?? b, sig: { headline: head.map((i) => lines[i]!), byline: line } });
  });
  // Consecutive signatures form one group.
  let group: { items: Signature[]; last: number } | null = null;
  for (const { first, sig } of signatures) {
    const index = lines.indexOf(sig.byline, first);
    if (group && group.last === first - 1) group.items.push(sig);
    else {
      const block: Block = { kind: 'signatures', items: [sig] };
      at.set(first, block);
      group = { items: block.items, last: index };
    }
    group.last = index;
  }

  // Everything else is body, in runs.
  const blocks: Block[] = [];
  let run: SourceLine[] = [];
  const flush = () => {
    if (run.length) blocks.push({ kind: 'body', lines: run });
    run = [];
  };
  lines.forEach((line, i) => {
    const block = at.get(i);
    if (block) {
      flush();
      blocks.push(block);
    }
    if (!used.has(i)) run.push(line);
    else if (!block && run.length) flush();
  });
  flush();
  return blocks;
}

/**
 * The lead's introduction is set in long lines. It runs from the deck while
 * lines are long; a short line after a long one ends a paragraph; two short
 * lines in a row are body columns again.
 */
function introBelow(lines: SourceLine[], deck: number, used: Set<number>): number[] {
  const widths = lines.slice(deck + 1, deck + 4).map((l) => emWidth(l.raw.trim()));
  const long = Math.max(0, ...widths) * 0.6;
  const out: number[] = [];
  let prevLong = true;
  for (let i = deck + 1; i < lines.length; i++) {
    const raw = lines[i]!.raw;
    if (used.has(i) || isByline(raw) || isDeck(raw)) break;
    const isLong = emWidth(raw.trim()) >= long;
    if (!isLong && !prevLong) break;
    if (!isLong && isHeadlineLike(raw) && i + 1 < lines.length && isByline(lines[i + 1]!.raw)) break;
    out.push(i);
    prevLong = isLong;
  }
  return out;
}
