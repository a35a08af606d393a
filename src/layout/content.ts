/**
 * Sets each item's text once per body size, before any placing: body lines
 * broken to the column measure, the lead's introduction to its wider measure,
 * and for every column span the range of heights its module can take (its
 * headline block may grow, setting the headline larger, to fill a column).
 */
import type { Issue, Metrics, Template } from '../types.js';
import { type Grid, spanWidth } from './grid.js';
import { fitHeadline, headlineBlockLines, setHeadlineAt } from './headline.js';
import { breakParagraph, type BrokenLine } from './text/linebreak.js';

export interface BodyLine extends BrokenLine {
  paragraph: number;
}

export interface HeadOption {
  /** Grid lines of the headline block. */
  lines: number;
  size: number;
}

export interface SpanOption {
  span: number;
  /** Headline block options, fewest lines first. */
  heads: HeadOption[];
  /** Body lines per column. */
  perColumn: number;
  minHeight: number;
  maxHeight: number;
  /** Empty line ends in the module's last column(s), in column-lines. */
  tail: number;
}

export interface ItemContent {
  item: string;
  kind: 'lead' | 'article';
  headline: string;
  byline: string | null;
  deck: string | null;
  body: BodyLine[];
  /** Module options by span (index = span); null where the item cannot be set that wide or narrow. */
  spans: Array<SpanOption | null>;
  /** For the lead: grid lines of its deck. */
  deckLines: number;
}

const MIN_SPAN = 2;
const MIN_BODY_LINES = 3;

export function setBody(paragraphs: string[], measure: number, m: Metrics['song']): BodyLine[] {
  return paragraphs.flatMap((p, paragraph) => breakParagraph(p, m, { measure, indent: 2 }).map((l) => ({ ...l, paragraph })));
}

/**
 * Headline block options for a width: for each block height from the least
 * the headline needs to that plus `extra` lines, the largest size that fits.
 */
function headOptions(text: string, width: number, sizes: [number, number], maxLines: number, extra: number, g: Grid, m: Metrics['heavy']): HeadOption[] | null {
  if (!text) return [{ lines: 0, size: 0 }];
  const fits: HeadOption[] = [];
  for (let size = sizes[1]; size >= sizes[0]; size--) {
    const n = setHeadlineAt(text, width, size, m).length;
    if (n <= maxLines) fits.push({ size, lines: headlineBlockLines(n, size, g.pitch) });
  }
  if (!fits.length) return null;
  const least = Math.min(...fits.map((f) => f.lines));
  const out: HeadOption[] = [];
  for (let lines = least; lines <= fits[0]!.lines + extra; lines++) out.push({ lines, size: fits.find((f) => f.lines <= lines)!.size });
  return out;
}

export function articleContent(a: Issue['articles'][number], t: Template, g: Grid, m: Metrics): ItemContent {
  const body = setBody(a.paragraphs, g.measureEm, m[t.body.face]);
  const byline = a.byline ? `□ ${[a.byline.role, a.byline.name].filter(Boolean).join(' ')}` : null;
  const spans: Array<SpanOption | null> = [null];
  for (let span = 1; span <= g.columns; span++) {
    const heads = span < MIN_SPAN ? null : headOptions(a.headline, spanWidth(g, span), t.headline.sizes, t.headline.maxLines, t.maxHeadlineExtra, g, m[t.headline.face]);
    const perColumn = Math.ceil(body.length / span);
    if (!heads || (perColumn < MIN_BODY_LINES && span > 1)) {
      spans.push(null);
      continue;
    }
    const fixed = (byline ? 1 : 0) + perColumn;
    spans.push({ span, heads, perColumn, minHeight: heads[0]!.lines + fixed, maxHeight: heads[heads.length - 1]!.lines + fixed, tail: perColumn * span - body.length });
  }
  return { item: a.id, kind: 'article', headline: a.headline, byline, deck: null, body, spans, deckLines: 0 };
}

export function leadContent(lead: NonNullable<Issue['lead']>, t: Template, g: Grid, m: Metrics): ItemContent {
  const introSize = g.bodySize * t.lead.intro.scale;
  const cols = t.lead.intro.columns;
  const introWidth = spanWidth(g, Math.floor(g.columns / cols));
  const body = setBody(lead.paragraphs, Math.floor(introWidth / introSize), m[t.lead.intro.face]);
  const width = spanWidth(g, g.columns);
  const deckFit = lead.deck ? fitHeadline(lead.deck, width, [t.lead.deck.size, t.lead.deck.size], 3, m[t.lead.deck.face]) : null;
  const deckLines = deckFit ? Math.ceil((deckFit.lines.length * t.lead.deck.size * 1.35) / g.pitch) : 0;
  const heads = headOptions(lead.headline, width, t.lead.headline.sizes, 2, t.maxHeadlineExtra, g, m[t.lead.headline.face])!;
  const perColumn = Math.ceil(body.length / cols);
  const fixed = deckLines + 1 + perColumn;
  const spans: Array<SpanOption | null> = Array.from({ length: g.columns + 1 }, () => null);
  spans[g.columns] = { span: g.columns, heads, perColumn, minHeight: heads[0]!.lines + fixed, maxHeight: heads[heads.length - 1]!.lines + fixed, tail: 0 };
  return { item: 'lead', kind: 'lead', headline: lead.headline, byline: null, deck: lead.deck, body, spans, deckLines };
}
