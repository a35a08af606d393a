/**
 * The recovered text made ready for print: what the page printed in an ASCII
 * or mixed form that Chinese typesetting sets otherwise, set one way, each
 * change a listed correction (`print-normalised`) an editor may reject.
 * - ASCII punctuation between Han characters (`进站入点,收集意见`) → full width
 *   (`，`), which the line breaker's kinsoku rules know;
 * - a title nested in a title with ASCII angle brackets or a second `《》`
 *   (`《山西省实施<中华人民共和国工会法>办法》`) → `〈〉`;
 * - `+` and `＋` between words of one issue (`“线上+线下”` beside
 *   `领导干部＋人大代表`) → whichever the issue uses more (half width on a tie);
 * - a decimal point the extraction set apart (`5 . 6倍`) → `5.6`;
 * - the horizontal bar `―` (U+2015: GBK's mapping of the dash, which pdf.js
 *   gives for a font that draws both alike) → the em dash `—` that a dash
 *   (`——`) and a range (`3—4天`) are set with.
 * Pure; the issue's other text is untouched.
 */
import type { Correction, Issue, LineNo } from '../types.js';

/** Characters either side of a change kept in its correction, so it can be found and rejected. */
const CONTEXT = 3;

interface Change {
  at: number;
  length: number;
  to: string;
}

const HAN = '\\p{Script=Han}';
const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };
const ASCII_BETWEEN_HAN = new RegExp(`(?<=${HAN})[,;:?!](?=${HAN})`, 'gu');
/** A plus between words: Han, quotes or brackets on both sides (not `1+1`, not `C++`). */
const PLUS = new RegExp(`(?<=[${HAN}”’）」』])[+＋](?=[${HAN}“‘（「『])`, 'gu');
const SPLIT_DECIMAL = /(?<=\d)( \.|\. | \. )(?=\d)/g;

function changesIn(text: string, plus: '+' | '＋'): Change[] {
  const out: Change[] = [];
  for (const m of text.matchAll(ASCII_BETWEEN_HAN)) out.push({ at: m.index!, length: 1, to: FULL_WIDTH[m[0]]! });
  for (const m of text.matchAll(PLUS)) if (m[0] !== plus) out.push({ at: m.index!, length: 1, to: plus });
  for (const m of text.matchAll(SPLIT_DECIMAL)) out.push({ at: m.index!, length: m[0].length, to: '.' });
  for (const m of text.matchAll(/\u2015/g)) out.push({ at: m.index!, length: 1, to: '—' });
  // Titles inside a title: the inner pair set as 〈〉.
  let depth = 0;
  [...text].reduce((at, ch) => {
    if (ch === '《' || (ch === '<' && depth > 0)) {
      if (depth > 0) out.push({ at, length: ch.length, to: '〈' });
      depth++;
    } else if ((ch === '》' || ch === '>') && depth > 0) {
      depth--;
      if (depth > 0) out.push({ at, length: ch.length, to: '〉' });
    }
    return at + ch.length;
  }, 0);
  return out.sort((a, b) => a.at - b.at);
}

/** The plus sign the issue uses more: its half-width form unless the full-width one is the more frequent. */
function issuePlus(texts: string[]): '+' | '＋' {
  let half = 0;
  let full = 0;
  for (const t of texts) for (const m of t.matchAll(PLUS)) m[0] === '+' ? half++ : full++;
  return full > half ? '＋' : '+';
}

type Draft = Omit<Correction, 'id'>;

/** Applies the changes to one text; each becomes a correction with the text around it. */
function normalised(text: string, plus: '+' | '＋', item: string, lines: LineNo[], into: Draft[]): string {
  const changes = changesIn(text, plus);
  if (!changes.length) return text;
  let out = '';
  let from = 0;
  for (const c of changes) {
    out += text.slice(from, c.at) + c.to;
    from = c.at + c.length;
  }
  out += text.slice(from);
  // Offsets move by what each change added or took away.
  let shift = 0;
  for (const c of changes) {
    const start = Math.max(0, c.at - CONTEXT);
    const end = Math.min(text.length, c.at + c.length + CONTEXT);
    const before = text.slice(start, end);
    const after = out.slice(start + shift, end + shift + c.to.length - c.length);
    into.push({
      kind: 'print-normalised',
      item,
      lines,
      from: before,
      to: after,
      positions: [c.at - start],
      note: 'set as Chinese typesetting prints it',
    });
    shift += c.to.length - c.length;
  }
  return out;
}

export function normaliseForPrint(issue: Issue): Issue {
  const next = structuredClone(issue);
  const items = [
    ...(next.lead ? [{ id: 'lead', item: next.lead }] : []),
    ...next.articles.map((a) => ({ id: a.id, item: a })),
  ];
  const plus = issuePlus(items.flatMap(({ item }) => [item.headline, ...item.paragraphs]));
  const drafts: Draft[] = [];
  for (const { id, item } of items) {
    item.headline = normalised(item.headline, plus, id, item.source.headline, drafts);
    const deckLines = 'deck' in item.source && item.source.deck ? [item.source.deck] : item.source.headline;
    if ('deck' in item && item.deck) item.deck = normalised(item.deck, plus, id, deckLines, drafts);
    item.paragraphs = item.paragraphs.map((p, i) =>
      normalised(p, plus, id, item.source.paragraphs[i] ?? item.source.headline, drafts),
    );
  }
  if (!drafts.length) return issue;
  const first = issue.corrections.length;
  next.corrections.push(...drafts.map((d, i) => ({ ...d, id: `c${first + i + 1}` })));
  return next;
}
