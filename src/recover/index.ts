/**
 * Recovery: extraction text → Issue. The steps, in order:
 *   decode → lines → masthead → page blocks (signatures, lead, body runs)
 *   → clean lines → paragraphs → split runs among signatures → issue
 *   → check that nothing was lost.
 * Every step is a pure function; the word segmenter is injected.
 */
import { createHash } from 'node:crypto';
import { hanCounts } from '../text/chars.js';
import type { WordSegmenter } from '../text/segmenter.js';
import type { Article, Correction, Issue, Lead, LineNo, Warning } from '../types.js';
import { splitRun } from './assign.js';
import { decodeExtraction } from './decode.js';
import { headlineText, joinHeadlineLines } from './headlines.js';
import { checkNothingLost } from './invariants.js';
import { type CleanLine, type SourceLine, sourceLines, withWidth } from './lines.js';
import { findMastheadLine, parseMasthead } from './masthead.js';
import { joinFragments, type Paragraph, paragraphs } from './paragraphs.js';
import { removeExtractionSpaces } from './spaces.js';
import { type LeadBlock, pageBlocks, type Signature } from './structure.js';

export type { WordSegmenter } from '../text/segmenter.js';

export interface RecoverOptions {
  /** Name recorded in the issue. */
  file: string;
  /** The path as the user gave it, for messages (default: file). */
  path?: string;
  words?: WordSegmenter;
}

export function recoverBytes(bytes: Uint8Array, options: RecoverOptions): Issue {
  const { text, encoding } = decodeExtraction(bytes, options.path ?? options.file, undefined, options.words);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return recoverText(text, { ...options, encoding, sha256 });
}

/** Working state of one recovery: what has been found so far. */
interface Draft {
  corrections: Correction[];
  /** Index of the first correction not yet given its item. */
  untagged: number;
  warnings: Warning[];
  articles: Array<Article & { at: LineNo }>;
  lead: Lead | null;
}

export function recoverText(text: string, options: RecoverOptions & { encoding?: string; sha256?: string }): Issue {
  const draft: Draft = { corrections: [], untagged: 0, warnings: [], articles: [], lead: null };
  let lines = sourceLines(text);

  const mastheadLine = findMastheadLine(lines);
  const mh = mastheadLine ? parseMasthead(mastheadLine) : null;
  if (mh) {
    if (mh.correction) draft.corrections.push(mh.correction);
    draft.warnings.push(...mh.warnings);
    lines = lines.filter((l) => l !== mastheadLine);
  } else draft.warnings.push({ code: 'no-masthead', message: 'no masthead line (section, date, weekday) was found' });

  const inputHan = hanCounts(lines.map((l) => l.raw).join('\n'));
  if (mh?.masthead) hanCounts(mh.masthead.text, inputHan);

  let pending: { lines: SourceLine[] } | null = null;
  const flushOrphan = () => {
    if (pending) addOrphan(draft, pending.lines);
    pending = null;
  };
  for (const block of pageBlocks(lines)) {
    if (block.kind === 'body') {
      flushOrphan();
      pending = { lines: block.lines };
    } else if (block.kind === 'signatures') {
      const body: SourceLine[] = pending ? (pending as { lines: SourceLine[] }).lines : [];
      pending = null;
      addSigned(draft, body, block.items, options.words);
    } else addLead(draft, block.lead, options.words);
  }
  flushOrphan();
  if (draft.articles.length === 0 && !draft.lead)
    draft.warnings.push({ code: 'no-items', message: 'no article or lead was recognised' });

  const issue = finish(draft, mh?.masthead ?? null, {
    file: options.file,
    sha256: options.sha256 ?? createHash('sha256').update(text).digest('hex'),
    encoding: options.encoding ?? 'utf-8',
    lines: text.split('\n').length,
  });
  checkNothingLost(inputHan, issue, options.path ?? options.file);
  return issue;
}

/** Clean body lines: extraction spaces out (each removal a correction), stray newlines mended. */
function cleanBody(lines: SourceLine[], draft: Draft): CleanLine[] {
  const clean = lines.map((l) => {
    const { text, removed } = removeExtractionSpaces(l.raw);
    if (removed.length)
      draft.corrections.push({
        id: '',
        kind: 'spaces-removed',
        item: '',
        lines: [l.no],
        from: l.raw,
        to: text,
        positions: removed,
      });
    return withWidth({ no: l.no, raw: l.raw, text, removed, blankBefore: l.blankBefore });
  });
  return joinFragments(clean, draft.corrections);
}

function bodyParagraphs(lines: SourceLine[], draft: Draft): Paragraph[] {
  const paras = paragraphs(cleanBody(lines, draft));
  for (const p of paras)
    if (p.lines.length > 1)
      draft.corrections.push({
        id: '',
        kind: 'lines-joined',
        item: '',
        lines: p.lines.map((l) => l.no),
        from: p.lines.map((l) => l.text).join('\n'),
        to: p.text,
      });
  return paras;
}

function headlineOf(lines: SourceLine[], draft: Draft, words?: WordSegmenter): string {
  const parts = lines.map((l) => headlineText(l.raw));
  let text = parts[0] ?? '';
  for (let i = 1; i < parts.length; i++) {
    const joined = joinHeadlineLines(text, parts[i]!, words);
    draft.corrections.push({
      id: '',
      kind: 'headline-rejoined',
      item: '',
      lines: [lines[i - 1]!.no, lines[i]!.no],
      from: `${text}\n${parts[i]}`,
      to: joined.text,
      note: joined.joiner ? 'clause break kept as a space' : 'line broke inside a word: joined with nothing',
    });
    text = joined.text;
  }
  return text;
}

/** Below this confidence a headline-body match is reported as a warning. */
const UNSURE = 0.7;

const BYLINE_ROLE =
  /^(.*?(?:记者|通讯员|主任|主席|书记|局长|县长|市长|区长|院长|校长|部长|编辑|撰稿|摄影|委员|代表))(.+)$/;

function bylineOf(line: SourceLine, draft: Draft): { role: string; name: string } {
  const s = line.raw.trim();
  const marker = s[0]!;
  if (marker === '口')
    draft.corrections.push({
      id: '',
      kind: 'byline-marker',
      item: '',
      lines: [line.no],
      from: '口',
      to: '□',
      positions: [line.raw.indexOf('口')],
      note: '`口` misread for the byline marker `□`',
    });
  const tokens = s.slice(1).trim().split(/\s+/).filter(Boolean);
  if (tokens.length >= 2) {
    const name = tokens.slice(1).every((t) => [...t].length === 1)
      ? tokens.slice(1).join('')
      : tokens.slice(1).join(' ');
    return { role: tokens[0]!, name };
  }
  const m = BYLINE_ROLE.exec(tokens[0] ?? '');
  return m ? { role: m[1]!, name: m[2]! } : { role: '', name: tokens[0] ?? '' };
}

function addSigned(draft: Draft, body: SourceLine[], signatures: Signature[], words?: WordSegmenter): void {
  const paras = bodyParagraphs(body, draft);
  const heads = signatures.map((s) => ({
    headline: headlineOf(s.headline, draft, words),
    byline: bylineOf(s.byline, draft),
    sig: s,
  }));
  const segments = splitRun(
    paras,
    heads.map((h) => ({ role: h.byline.role, name: h.byline.name, headline: h.headline })),
  );
  if (signatures.length > 1 && body.length)
    draft.warnings.push({
      code: 'grouped-headlines',
      message:
        `${signatures.length} headlines follow one run of ${paras.length} paragraphs (lines ` +
        `${body[0]!.no}-${body[body.length - 1]!.no}); the run was split among them by the names their bylines ` +
        `and bodies share`,
      lines: signatures.map((s) => s.byline.no),
    });
  for (const seg of segments) {
    const h = heads[seg.candidate]!;
    const mine = paras.slice(seg.from, seg.to);
    const at = mine[0]?.lines[0]?.no ?? h.sig.byline.no;
    draft.articles.push({
      id: '',
      at,
      headline: h.headline,
      byline: h.byline,
      paragraphs: mine.map((p) => p.text),
      source: {
        headline: h.sig.headline.map((l) => l.no),
        byline: h.sig.byline.no,
        paragraphs: mine.map((p) => p.lines.map((l) => l.no)),
      },
      confidence: seg.confidence,
    });
    if (mine.length === 0)
      draft.warnings.push({
        code: 'empty-body',
        message: `no body text was found for "${h.headline}"`,
        lines: [h.sig.byline.no],
      });
    else {
      const note =
        `found after its body (lines ` +
        `${mine[0]!.lines[0]!.no}-${mine[mine.length - 1]!.lines.at(-1)!.no}), moved before it`;
      if (h.sig.headline.length)
        draft.corrections.push({
          id: '',
          kind: 'headline-moved',
          item: '',
          lines: h.sig.headline.map((l) => l.no),
          from: h.headline,
          to: h.headline,
          note,
        });
      draft.corrections.push({
        id: '',
        kind: 'byline-moved',
        item: '',
        lines: [h.sig.byline.no],
        from: h.sig.byline.raw.trim(),
        to: `□ ${h.byline.role} ${h.byline.name}`.trim(),
        note,
      });
      if (seg.confidence < UNSURE)
        draft.warnings.push({
          code: 'uncertain-match',
          message:
            `"${h.headline}" matched to the body at lines ` +
            `${mine[0]!.lines[0]!.no}-${mine[mine.length - 1]!.lines.at(-1)!.no} with low confidence ` +
            `(${seg.confidence})`,
          lines: [h.sig.byline.no, mine[0]!.lines[0]!.no],
        });
    }
    if (!h.sig.headline.length)
      draft.warnings.push({
        code: 'no-headline',
        message: `the byline at line ${h.sig.byline.no} has no headline above it`,
        lines: [h.sig.byline.no],
      });
    tagItem(
      draft,
      [...h.sig.headline.map((l) => l.no), h.sig.byline.no, ...mine.flatMap((p) => p.lines.map((l) => l.no))],
      at,
    );
  }
}

/** Body text that no headline claims: kept as an article without headline, so nothing is lost. */
function addOrphan(draft: Draft, lines: SourceLine[]): void {
  const paras = bodyParagraphs(lines, draft);
  const at = lines[0]!.no;
  draft.articles.push({
    id: '',
    at,
    headline: '',
    byline: null,
    paragraphs: paras.map((p) => p.text),
    source: { headline: [], byline: null, paragraphs: paras.map((p) => p.lines.map((l) => l.no)) },
    confidence: 0,
  });
  tagItem(
    draft,
    lines.map((l) => l.no),
    at,
  );
  draft.warnings.push({
    code: 'no-headline',
    message:
      `lines ${at}-${lines[lines.length - 1]!.no} have no headline or byline after them; kept as an ` +
      `untitled article`,
    lines: [at],
  });
}

function addLead(draft: Draft, block: LeadBlock, words?: WordSegmenter): void {
  const headline = headlineOf(block.headline, draft, words);
  const deck = block.deck ? headlineText(block.deck.raw) : null;
  const paras = bodyParagraphs(block.intro, draft);
  const source = {
    headline: block.headline.map((l) => l.no),
    deck: block.deck?.no ?? null,
    paragraphs: paras.map((p) => p.lines.map((l) => l.no)),
  };
  const lineNos = [...source.headline, ...(block.deck ? [block.deck.no] : []), ...block.intro.map((l) => l.no)];
  if (draft.lead) {
    // A second lead-like block: keep it as an article, deck first.
    const at = lineNos[0]!;
    draft.articles.push({
      id: '',
      at,
      headline,
      byline: null,
      paragraphs: [...(deck ? [deck] : []), ...paras.map((p) => p.text)],
      source,
      confidence: 0.5,
    });
    tagItem(draft, lineNos, at);
    draft.warnings.push({
      code: 'second-lead',
      message: `a second headline with a deck at line ${at} was kept as an article`,
      lines: [at],
    });
    return;
  }
  draft.lead = { headline, deck, paragraphs: paras.map((p) => p.text), source };
  tagItem(draft, lineNos, 'lead');
}

/** Corrections made on these lines belong to this item (an article's first line, until ids are given). */
function tagItem(draft: Draft, lines: LineNo[], item: LineNo | 'lead'): void {
  const set = new Set(lines);
  // Corrections are tagged block by block, in order: those before `untagged` all have their item.
  for (let i = draft.untagged; i < draft.corrections.length; i++) {
    const c = draft.corrections[i]!;
    if (c.item === '' && c.lines.some((l) => set.has(l))) c.item = String(item);
  }
  while (draft.untagged < draft.corrections.length && draft.corrections[draft.untagged]!.item !== '') draft.untagged++;
}

/** Reading order, ids, and the issue object. */
function finish(draft: Draft, masthead: Issue['masthead'], source: Issue['source']): Issue {
  const ordered = [...draft.articles].sort((a, b) => a.at - b.at);
  const idOf = new Map<string, string>(ordered.map((a, i) => [String(a.at), `a${i + 1}`]));
  const articles: Article[] = ordered.map(({ at: _at, ...a }, i) => ({ ...a, id: `a${i + 1}` }));
  const rank = (item: string) => (item === 'masthead' ? -2 : item === 'lead' ? -1 : Number(item.slice(1)));
  const corrections = draft.corrections
    .map((c) => ({ ...c, item: c.item === 'masthead' || c.item === 'lead' ? c.item : (idOf.get(c.item) ?? 'page') }))
    .sort((a, b) => rank(a.item) - rank(b.item) || a.lines[0]! - b.lines[0]! || kindOrder(a.kind) - kindOrder(b.kind))
    .map((c, i) => ({ ...c, id: `c${i + 1}` }));
  const itemAt = lineItems(articles, draft.lead);
  const warnings = draft.warnings.map((w) => ({
    ...w,
    item: w.item ?? (w.lines?.length ? itemAt.get(w.lines[0]!) : undefined),
  }));
  return { schema: 'newsprint/issue@1', source, masthead, lead: draft.lead, articles, corrections, warnings };
}

const KIND_ORDER = [
  'masthead-undoubled',
  'headline-rejoined',
  'headline-moved',
  'byline-marker',
  'byline-moved',
  'spaces-removed',
  'fragment-joined',
  'lines-joined',
];
function kindOrder(kind: string): number {
  return KIND_ORDER.indexOf(kind);
}

/** Which item each source line went to. */
function lineItems(articles: Article[], lead: Lead | null): Map<LineNo, string> {
  const out = new Map<LineNo, string>();
  const add = (s: Article['source'] | Lead['source'], item: string) => {
    for (const l of [...s.headline, s.byline ?? -1, s.deck ?? -1, ...s.paragraphs.flat()])
      if (l > 0 && !out.has(l)) out.set(l, item);
  };
  if (lead) add(lead.source, 'lead');
  for (const a of articles) add(a.source, a.id);
  return out;
}
