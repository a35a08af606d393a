/**
 * Recovery: extraction text → Issue. The steps, in order:
 *   decode → lines → radicals unified → columns of a -layout page apart → masthead → furniture → page blocks
 *   (lead, signatures, body runs) → clean lines (pieces of printed lines joined) → paragraphs → which
 *   paragraphs go to which headline (segment) → fragments read out of order moved (interleave) → issue →
 *   nothing lost.
 * Every step is a pure function; the word segmenter is injected.
 */
import { createHash } from 'node:crypto';
import { emWidth, endsSentence, hanCounts } from '../text/chars.js';
import { isSimplifiedPage, unifyRadicals } from '../text/radicals.js';
import { type WordSegmenter, wordsOf } from '../text/segmenter.js';
import {
  type Article,
  type Byline,
  CORRECTION_KINDS,
  type Correction,
  type Issue,
  type Lead,
  type LineNo,
  type Warning,
} from '../types.js';
import {
  type BylineParts,
  isBoxLabel,
  isDatelineStart,
  isDeck,
  isHeadlineCandidate,
  opensParagraph,
  parseDateline,
  parseSignoff,
  placesOf,
} from './classify.js';
import { splitLayoutColumns } from './columns.js';
import { itemConfidence } from './confidence.js';
import { decodeExtraction } from './decode.js';
import { bodyFragments, fragmentCues, paragraphsOf } from './fragments.js';
import { type Jumps, jumpsOf, takeFurniture } from './furniture.js';
import { endsBinding, headlineText, joinHeadlineLines, spansJoin } from './headlines.js';
import { type FragmentCues, interleave, readingOrder } from './interleave.js';
import { checkNothingLost } from './invariants.js';
import {
  type CleanLine,
  type DraftCorrection,
  joinStrayMarks,
  type SourceLine,
  sourceLines,
  splitGluedDatelines,
  withWidth,
} from './lines.js';
import { findMasthead, findStrayTitle, parseMasthead } from './masthead.js';
import {
  addEvidence,
  blanksEndParagraphs,
  endEvidence,
  joinFragments,
  keepsIndents,
  type LineCues,
  NO_EVIDENCE,
  type PageWriting,
  type Paragraph,
  paragraphs,
  writesParagraphLines,
} from './paragraphs.js';
import { glueLines, joinPieces, writesPieces } from './pieces.js';
import { type Anchor, type Assignment, assignRuns, marginConfidence, type SegParagraph } from './segment.js';
import { isSignature, removeExtractionSpaces } from './spaces.js';
import { blocksApart, type LeadBlock, pageBlocks, type Signature } from './structure.js';
import { headlineSwaps } from './swap.js';
import { speaksFirstPerson } from './voice.js';

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

/** An item being built: its source lines decide which corrections are its own. */
interface DraftItem {
  at: LineNo;
  lines: LineNo[];
}

/** Working state of one recovery: what has been found so far. */
interface Draft {
  corrections: DraftCorrection[];
  warnings: Warning[];
  articles: Array<Article & DraftItem>;
  lead: (Lead & DraftItem) | null;
}

export function recoverText(text: string, options: RecoverOptions & { encoding?: string; sha256?: string }): Issue {
  const draft: Draft = { corrections: [], warnings: [], articles: [], lead: null };
  const simplified = isSimplifiedPage(text);
  let lines = sourceLines(text).map((l) => unifyLine(l, draft, simplified));
  // Columns cut apart from side-by-side text (-layout) keep some first lines' indents and lose others.
  let columnsCut = false;
  const cutColumns = (from: SourceLine[]) => {
    const out = splitLayoutColumns(from);
    columnsCut ||= out.length !== from.length;
    return out;
  };
  // The masthead is looked for before -layout pages are cut into columns: it runs across the page in one line
  // whose wide gaps would otherwise read as gutters.
  let region = findMasthead(lines);
  const whole = region.length > 0;
  if (!whole) {
    lines = cutColumns(lines);
    region = findMasthead(lines);
  }
  let mh = region.length
    ? parseMasthead(
        { ...region[0]!, raw: region.map((l) => l.raw.trim()).join(' ') },
        region.map((l) => l.no),
      )
    : null;
  lines = lines.filter((l) => !region.includes(l));
  if (whole) lines = cutColumns(lines);
  // A title the region lacks, printed elsewhere (fake bold or positioned text drawn after the page).
  if (mh?.masthead && !mh.masthead.section) {
    const title = findStrayTitle(lines);
    if (title.length) {
      const joined = {
        ...region[0]!,
        raw: `${title.map((l) => l.raw.trim()).join('')} ${region.map((l) => l.raw.trim()).join(' ')}`,
      };
      mh = parseMasthead(joined, [...title.map((l) => l.no), ...region.map((l) => l.no)]);
      lines = lines.filter((l) => !title.includes(l));
    }
  }
  if (mh) {
    if (mh.correction) draft.corrections.push(mh.correction);
    draft.warnings.push(...mh.warnings);
  } else draft.warnings.push({ code: 'no-masthead', message: 'no masthead (section, date, weekday) was found' });
  const masthead = mh?.masthead ?? null;

  const stray = joinStrayMarks(splitGluedDatelines(lines));
  draft.corrections.push(...stray.corrections);
  const { furniture, rest } = takeFurniture(stray.lines, masthead);
  const inputHan = hanCounts(rest.map((l) => l.raw).join('\n'));
  for (const f of furniture) hanCounts(f.text, inputHan);
  if (masthead)
    hanCounts(
      [masthead.section, masthead.dateText, masthead.weekday, masthead.emailLabel, ...masthead.extra].join(' '),
      inputHan,
    );

  buildItems(draft, rest, columnsCut, jumpsOf(furniture), options.words);
  if (draft.articles.length === 0 && !draft.lead)
    draft.warnings.push({ code: 'no-items', message: 'no article or lead was recognised' });

  const issue = finish(draft, masthead, furniture, {
    file: options.file,
    sha256: options.sha256 ?? createHash('sha256').update(text).digest('hex'),
    encoding: options.encoding ?? 'utf-8',
    lines: text.split('\n').length,
  });
  checkNothingLost(inputHan, issue, options.path ?? options.file);
  return issue;
}

/** Radical code points (⼈, ⺠) some extractors give for ideographs, unified, each change listed. */
function unifyLine(line: SourceLine, draft: Draft, simplified: boolean): SourceLine {
  const { text, positions } = unifyRadicals(line.raw, simplified);
  if (!positions.length) return line;
  draft.corrections.push({
    kind: 'radical-unified',
    lines: [line.no],
    from: line.raw,
    to: text,
    positions,
    note: 'radical code points (or the form an extractor normalised one to) given for the ideograph the font draws',
  });
  return { ...line, raw: text };
}

/** A numbered heading's start: `一、`, `（三）`. */
const NUMBERED_HEAD = /^(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）)/;

export const lineCues = (words?: WordSegmenter): LineCues => {
  const binds = (l: CleanLine) => (words ? endsBinding(l.text, words) : false);
  // (A subhead runs as wide as its column allows: paragraphs() holds it to a line well short of the measure. A
  // numbered one, `一、…` or `（二）…`, may be indented as a paragraph is.)
  const subhead = (l: CleanLine) =>
    (isHeadlineCandidate(NUMBERED_HEAD.test(l.text) ? l.text : l.raw, Infinity) || isBoxLabel(l.raw)) && !binds(l);
  return {
    // A subhead, a box label, or the `——编者` that signs an editor's note.
    heading: (l) => subhead(l) || (isDeck(l.text) && emWidth(l.text) <= 8 && !binds(l)),
    subhead,
    opens: (l) => opensParagraph(l.text),
    joined: (a, b) => (words ? spansJoin(a.text, b.text, words) : false),
    // (A sign-off, or the signature that ends an editor's note: the next line starts afresh.)
    complete: (text) => parseSignoff(text) !== null || isSignature([...text]),
  };
};

/** Paragraphs of every body run, with the anchors (lead, signatures) standing between them. */
function buildItems(draft: Draft, lines: SourceLine[], columnsCut: boolean, jumps: Jumps, words?: WordSegmenter): void {
  const paras: Paragraph[] = [];
  const anchors: Array<{ anchor: Anchor; sig?: Signature; lead?: LeadBlock }> = [];
  const pieced = writesPieces(lines.map((l) => cleaned(l)));
  const cues = lineCues(words);
  const blocks = pageBlocks(lines, words).map((block) =>
    block.kind === 'body'
      ? { ...block, clean: cleanBody(block.lines, draft, pieced && cues, columnsCut, words) }
      : block,
  );
  // Whether the extractor keeps first lines' indents, or sets paragraphs off by blank lines, is one fact about the
  // whole page.
  const evidence = blocks
    .map((b) => ('clean' in b ? endEvidence(b.clean) : NO_EVIDENCE))
    .reduce(addEvidence, NO_EVIDENCE);
  const page: PageWriting = {
    indentsKept: !columnsCut && keepsIndents(evidence),
    paragraphLines: writesParagraphLines(blocks.flatMap((b) => ('clean' in b ? b.clean : []))),
    blankEnds: !columnsCut && blanksEndParagraphs(evidence),
  };
  for (const block of blocks) {
    if (block.kind === 'body') {
      const ps = paragraphs(block.clean, cues, page);
      if (ps[0]) ps[0].newMeasure = paras.length > 0 && ps[0].measure !== paras.at(-1)!.measure;
      paras.push(...ps);
    } else if (block.kind === 'signature') {
      const h = block.sig.headline.map((l) => headlineText(l.raw)).join('');
      const names = block.sig.parts ? [...block.sig.parts.names, ...placesOf(block.sig.parts.role)] : [];
      anchors.push({
        anchor: { at: paras.length, lead: false, names, headlineWords: wordsOf(h, words) },
        sig: block.sig,
      });
    } else {
      // Its kicker and deck say what it is about as its headline does.
      const h = [block.lead.kicker, ...block.lead.headline, block.lead.deck]
        .map((l) => (l ? headlineText(l.raw) : ''))
        .join(' ');
      anchors.push({
        anchor: {
          at: paras.length,
          lead: true,
          names: [],
          headlineWords: wordsOf(h, words),
          inside: block.lead.readInside === true,
        },
        lead: block.lead,
      });
    }
  }
  const apart = blocksApart(lines);
  const seg = assignRuns(
    segParagraphs(paras, apart, words),
    anchors.map((a) => a.anchor),
  );
  const bodies = placeFragments(
    paras,
    seg,
    anchors.map((a) => a.anchor),
    apart,
    jumps,
    words,
  );
  // Headlines read over another module's body trade places (swap.ts); each one moved is in doubt.
  const signed = anchors.flatMap((a, i) => (a.sig ? [i] : []));
  const moved = new Map<number, Signature['headline']>();
  const titled = signed.map((i) => ({
    headlineWords: anchors[i]!.anchor.headlineWords,
    body: bodies.items[i]!.paras.map((p) => p.text).join(''),
  }));
  for (const [x, y] of headlineSwaps(titled, words)) {
    const [i, j] = [signed[x]!, signed[y]!];
    moved.set(i, anchors[j]!.sig!.headline).set(j, anchors[i]!.sig!.headline);
  }
  anchors.forEach((a, i) => {
    const { paras: mine, confidence } = bodies.items[i]!;
    if (a.lead) addLead(draft, a.lead, mine, confidence, words);
    else {
      const headline = moved.get(i);
      const sig = headline ? { ...a.sig!, headline } : a.sig!;
      const sure = headline ? confidence * SWAPPED_FACTOR : confidence;
      addArticle(draft, sig, mine, { confidence: sure, after: seg.runs[i]!.after, swapped: !!headline }, words);
    }
  });
  for (const orphan of bodies.orphans) addOrphan(draft, orphan);
  for (const p of [...bodies.items.flatMap((b) => b.paras), ...bodies.orphans.flat()])
    if (p.lines.length > 1)
      draft.corrections.push({
        kind: 'lines-joined',
        lines: p.lines.map((l) => l.no),
        from: p.lines.map((l) => l.text).join('\n'),
        to: p.text,
      });
}

/**
 * Fragments × items beyond which the fragments stay where the runs put them: no newspaper page comes near
 * (the corpus: 10-40 fragments, 3-8 items), and a book pasted in would take the search minutes.
 */
const MAX_INTERLEAVED = 2000;
const unmoved = (cues: FragmentCues[]) => ({ labels: cues.map((c) => c.label), margins: cues.map(() => Infinity) });

/**
 * The contiguous runs, then each fragment moved to the item its cues say
 * (interleave.ts); an item whose fragments changed is only as sure as its
 * least sure fragment.
 */
function placeFragments(
  paras: Paragraph[],
  seg: Assignment,
  anchors: Anchor[],
  apart: boolean,
  jumps: Jumps,
  words?: WordSegmenter,
): { items: Array<{ paras: Paragraph[]; confidence: number }>; orphans: Paragraph[][] } {
  const labels = paras.map(() => -1);
  seg.runs.forEach((r, i) => {
    for (let k = r.from; k < r.to; k++) labels[k] = i;
  });
  const frags = bodyFragments(paras, labels, new Set(anchors.map((a) => a.at)), apart, jumps);
  // Where a headline (and byline) stands above its body, the text under it opens the article.
  const opens = new Set(anchors.flatMap((a, i) => (seg.runs[i]!.after ? [] : [a.at])));
  const { cues, items, spans } = fragmentCues(
    frags,
    paras,
    anchors.map((a, i) => ({ ...a, sure: seg.runs[i]!.confidence })),
    opens,
    jumps,
    words,
  );
  const placed = frags.length * anchors.length <= MAX_INTERLEAVED ? interleave(cues, items, spans) : unmoved(cues);
  const of = (item: number) => frags.flatMap((_, f) => (placed.labels[f] === item ? [f] : []));
  const orphans: Paragraph[][] = [];
  let group: number[] = [];
  frags.forEach((_, f) => {
    if (placed.labels[f] === -1) group.push(f);
    else if (group.length) {
      orphans.push(paragraphsOf(frags, group, paras, cues));
      group = [];
    }
  });
  if (group.length) orphans.push(paragraphsOf(frags, group, paras, cues));
  return {
    items: anchors.map((_, i) => {
      const mine = of(i);
      const moved = frags.some((f, k) => (f.label === i) !== (placed.labels[k] === i));
      let confidence = seg.runs[i]!.confidence;
      if (moved && mine.length) {
        const least = Math.min(...mine.map((f) => placed.margins[f]!));
        confidence = Math.min(confidence, marginConfidence(least));
      }
      return { paras: paragraphsOf(frags, readingOrder(cues, mine), paras, cues), confidence };
    }),
    orphans,
  };
}

/** A line within this of a block's measure (ems) may be one of its full lines. */
const MEASURE_SHOWN = 1;

/** A measure change that is before a paragraph or after it counts this share on each side. */
const MEASURE_EITHER_SIDE = 0.5;

/**
 * Rare words for the topic cue: words of two or more characters found in few paragraphs of the page. (0.15 left out
 * the name a long article repeats in a sixth of the page's paragraphs; at 0.2 corpus variant 5 gained a point and the
 * generated pages lost 1.2, their word banks sharing every word; at 0.25 they lost 1.9 for nothing more.)
 */
const TOPIC_RARE_SHARE = 0.2;

/** `apart`: the extractor sets blocks of lines apart with blank lines: a paragraph inside one goes on a column. */
function segParagraphs(paras: Paragraph[], apart: boolean, words?: WordSegmenter): SegParagraph[] {
  const wordSets = paras.map((p) => new Set(wordsOf(p.text, words)));
  const df = new Map<string, number>();
  for (const s of wordSets) for (const w of s) df.set(w, (df.get(w) ?? 0) + 1);
  const rare = Math.max(2, Math.floor(paras.length * TOPIC_RARE_SHARE));
  // A paragraph whose lines are all short of both measures (a one-line paragraph) shows not which block it ends or
  // opens: the measure changes before it or after it. Where the extractor set the next apart from it, on both sides
  // (the block ends there); elsewhere, half on each side, for the other cues to decide. (Not one that ends no
  // sentence: no block ends with it. Both sides in full on a page with no blank lines: tried, it lost more on plans
  // held out than it gained on the ones worked on.)
  const shortOfBoth = (k: number) =>
    k > 0 &&
    k + 1 < paras.length &&
    paras[k]!.newMeasure &&
    paras[k + 1]!.measure === paras[k]!.measure &&
    endsSentence(paras[k]!.text) &&
    paras[k]!.lines.every((l) => l.width < Math.min(paras[k]!.measure, paras[k - 1]!.measure) - MEASURE_SHOWN);
  const setApart = (k: number) => apart && paras[k + 1]!.lines[0]!.blankBefore;
  const measureChange = (k: number): number => {
    if (shortOfBoth(k)) return setApart(k) ? 1 : MEASURE_EITHER_SIDE;
    if (shortOfBoth(k - 1)) return setApart(k - 1) ? 1 : MEASURE_EITHER_SIDE;
    return paras[k]!.newMeasure ? 1 : 0;
  };
  return paras.map((p, i) => {
    const dl = isDatelineStart(p.text) ? (parseDateline(p.text)?.names ?? []) : null;
    return {
      text: p.text,
      newMeasure: measureChange(i),
      dateline: dl,
      signoff: parseSignoff(p.text) !== null,
      firstPerson: speaksFirstPerson(p.text),
      soft: p.soft === true,
      inBlock: apart && i > 0 && !p.newMeasure && !p.lines[0]!.blankBefore,
      // And not common in the language: `作为` shared by a few paragraphs says nothing of their topic.
      words: new Set([...wordSets[i]!].filter((w) => df.get(w)! <= rare && !words?.common?.(w))),
    };
  });
}

/** A source line with its extraction spaces removed, measured. */
function cleaned(l: SourceLine, words?: WordSegmenter): CleanLine {
  // (`图 书馆里…`: a loose line's first character and the rest of its word, not a printed gap.)
  const inWord = words ? (a: string, b: string) => spansJoin(a, b, words) : undefined;
  const { text, removed } = removeExtractionSpaces(l.raw, 'printed-gaps', inWord);
  return withWidth({ no: l.no, raw: l.raw, text, removed, blankBefore: l.blankBefore });
}

/**
 * Clean body lines: extraction spaces out (each removal a correction), stray newlines mended, and printed
 * lines an extractor wrote in pieces put together (`pieced`), or cut where no line breaks. (Not where the page's
 * rows were cut into columns, `columnsCut`: there a piece opening with a closing mark may be one the cut put in the
 * wrong column, and the line above it no part of its line.)
 */
function cleanBody(
  lines: SourceLine[],
  draft: Draft,
  pieced: LineCues | false,
  columnsCut: boolean,
  words?: WordSegmenter,
): CleanLine[] {
  const clean = lines.map((l) => {
    const line = cleaned(l, words);
    if (line.removed.length)
      draft.corrections.push({
        kind: 'spaces-removed',
        lines: [l.no],
        from: l.raw,
        to: line.text,
        positions: line.removed,
      });
    return line;
  });
  const printed = pieced
    ? joinPieces(clean, draft.corrections, pieced)
    : columnsCut
      ? clean
      : glueLines(clean, draft.corrections);
  return joinFragments(printed, draft.corrections);
}

/** A headline's lines joined (`body`: the text of the paragraphs it heads, which may show a phrase running on). */
function headlineOf(lines: SourceLine[], draft: Draft, words?: WordSegmenter, body = ''): string {
  const parts = lines.map((l) => headlineText(l.raw));
  let text = parts[0] ?? '';
  for (let i = 1; i < parts.length; i++) {
    const joined = joinHeadlineLines(text, parts[i]!, words, body);
    draft.corrections.push({
      kind: 'headline-rejoined',
      lines: [lines[i - 1]!.no, lines[i]!.no],
      from: `${text}\n${parts[i]}`,
      to: joined.text,
      note: joined.joiner
        ? 'clause break kept as a space'
        : 'line broke inside a word or a phrase: joined with nothing',
    });
    text = joined.text;
  }
  return text;
}

/** A headline moved to another body by its words (swap.ts) keeps this much of the trust: a guess from words alone. */
const SWAPPED_FACTOR = 0.7;

/** Below this confidence a headline-body match is reported as a warning. */
const UNSURE = 0.7;
const lineNosOf = (ps: Paragraph[]) => ps.flatMap((p) => p.lines.map((l) => l.no));
const span = (ps: Paragraph[]) => `${ps[0]!.lines[0]!.no}-${ps.at(-1)!.lines.at(-1)!.no}`;

/**
 * Who wrote it: the byline line; else the dateline's reporters (`本报…电（记者A、B）`);
 * a role the byline lacks is taken from the sign-off (`（作者为R）`).
 */
function bylineOf(sig: Signature, body: Paragraph[], draft: Draft): Byline | null {
  let byline: Byline | null = null;
  const parts: BylineParts | null = sig.parts;
  if (parts && sig.byline) {
    byline = { role: parts.role, name: parts.name ?? parts.names.join(' ') };
    if (parts.marker === '口')
      draft.corrections.push({
        kind: 'byline-marker',
        lines: [sig.byline.no],
        from: '口',
        to: '□',
        positions: [sig.byline.raw.indexOf('口')],
        note: '`口` misread for the byline marker `□`',
      });
  } else {
    const dl = body[0] ? parseDateline(body[0].text) : null;
    if (dl) {
      byline = { role: dl.agency === '本报' ? '本报记者' : `${dl.agency}记者`, name: dl.names.join(' ') };
      draft.corrections.push({
        kind: 'byline-from-text',
        lines: [body[0]!.lines[0]!.no],
        from: body[0]!.text.slice(0, 40),
        to: `${byline.role} ${byline.name}`,
        note: 'no byline line: the reporters named in the dateline',
      });
    }
  }
  const last = body.at(-1);
  const role = byline && byline.role === '' && last ? parseSignoff(last.text)?.role : '';
  if (byline && role) {
    byline.role = role;
    draft.corrections.push({
      kind: 'byline-from-text',
      lines: [last!.lines[0]!.no],
      from: last!.text,
      to: role,
      note: "the author's role, from the sign-off",
    });
  }
  return byline;
}

function addArticle(
  draft: Draft,
  sig: Signature,
  mine: Paragraph[],
  run: { confidence: number; after: boolean; swapped?: boolean },
  words?: WordSegmenter,
): void {
  const headline = headlineOf(sig.headline, draft, words, mine.map((p) => p.text).join(''));
  const byline = bylineOf(sig, mine, draft);
  const sigLines = [...sig.headline.map((l) => l.no), ...(sig.byline ? [sig.byline.no] : [])];
  const at = mine[0]?.lines[0]?.no ?? sigLines[0]!;
  draft.articles.push({
    id: '',
    at,
    lines: [...sigLines, ...lineNosOf(mine)],
    headline,
    byline,
    paragraphs: mine.map((p) => p.text),
    ...subheadsOf(mine),
    source: {
      headline: sig.headline.map((l) => l.no),
      byline: sig.byline?.no ?? null,
      paragraphs: mine.map((p) => p.lines.map((l) => l.no)),
    },
    confidence: itemConfidence(run.confidence, mine, sig.headline.length, byline !== null && byline.name !== ''),
  });
  const where = sigLines[0]!;
  if (mine.length === 0) {
    draft.warnings.push({ code: 'empty-body', message: `no body text was found for "${headline}"`, lines: [where] });
    return;
  }
  if (run.swapped)
    draft.corrections.push({
      kind: 'headline-moved',
      lines: sig.headline.map((l) => l.no),
      from: headline,
      to: headline,
      note: `read over another article's body; its words are those of the body at lines ${span(mine)}`,
    });
  if (run.after) {
    const note = `found after its body (lines ${span(mine)}), moved before it`;
    if (sig.headline.length)
      draft.corrections.push({
        kind: 'headline-moved',
        lines: sig.headline.map((l) => l.no),
        from: headline,
        to: headline,
        note,
      });
    if (sig.byline && byline)
      draft.corrections.push({
        kind: 'byline-moved',
        lines: [sig.byline.no],
        from: sig.byline.raw.trim(),
        to: `□ ${byline.role} ${byline.name}`.trim(),
        note,
      });
  }
  if (run.confidence < UNSURE)
    draft.warnings.push({
      code: 'uncertain-match',
      message: `"${headline}" matched to the body at lines ${span(mine)} with low confidence (${run.confidence})`,
      lines: [where, mine[0]!.lines[0]!.no],
    });
  if (!sig.headline.length)
    draft.warnings.push({
      code: 'no-headline',
      message: `the byline at line ${where} has no headline with it`,
      lines: [where],
    });
}

/** An item's subheads, by paragraph index (after `offset` paragraphs of its own): none, no field. */
function subheadsOf(paras: Paragraph[], offset = 0): { subheads?: number[] } {
  const subheads = paras.flatMap((p, i) => (p.subhead ? [offset + i] : []));
  return subheads.length ? { subheads } : {};
}

/** Body text that no headline claims: kept as an article without headline, so nothing is lost. */
function addOrphan(draft: Draft, paras: Paragraph[]): void {
  const at = paras[0]!.lines[0]!.no;
  draft.articles.push({
    id: '',
    at,
    lines: lineNosOf(paras),
    headline: '',
    byline: null,
    paragraphs: paras.map((p) => p.text),
    ...subheadsOf(paras),
    source: { headline: [], byline: null, paragraphs: paras.map((p) => p.lines.map((l) => l.no)) },
    confidence: 0,
  });
  draft.warnings.push({
    code: 'no-headline',
    message: `lines ${span(paras)} belong to no headline; kept as an untitled article`,
    lines: [at],
  });
}

function addLead(
  draft: Draft,
  block: LeadBlock,
  paras: Paragraph[],
  runConfidence: number,
  words?: WordSegmenter,
): void {
  const headline = headlineOf(block.headline, draft, words, paras.map((p) => p.text).join(''));
  const deck: string | null = block.deck ? headlineText(block.deck.raw) : null;
  const kicker = block.kicker ? headlineText(block.kicker.raw) : null;
  const headLines = block.headline.map((l) => l.no);
  const source = {
    headline: headLines,
    deck: block.deck?.no ?? null,
    kicker: block.kicker?.no ?? null,
    paragraphs: paras.map((p) => p.lines.map((l) => l.no)),
  };
  const lines = [
    ...(block.kicker ? [block.kicker.no] : []),
    ...headLines,
    ...(block.deck ? [block.deck.no] : []),
    ...lineNosOf(paras),
  ];
  const at = lines[0]!;
  if (draft.lead) {
    // A second lead-like block: keep it as an article, its kicker and deck as its first paragraphs.
    const front = [block.kicker, block.deck].filter((l): l is SourceLine => l !== null);
    draft.articles.push({
      id: '',
      at,
      lines,
      headline,
      byline: null,
      paragraphs: [...front.map((l) => headlineText(l.raw)), ...paras.map((p) => p.text)],
      ...subheadsOf(paras, front.length),
      source: { headline: headLines, paragraphs: [...front.map((l) => [l.no]), ...source.paragraphs] },
      confidence: 0.5,
    });
    draft.warnings.push({
      code: 'second-lead',
      message: `a second headline with a deck at line ${at} was kept as an article`,
      lines: [at],
    });
    return;
  }
  // A lead is signed by its place on the page, not by a byline.
  const confidence = itemConfidence(runConfidence, paras, block.headline.length, true);
  const paragraphs = paras.map((p) => p.text);
  draft.lead = { at, lines, headline, kicker, deck, paragraphs, ...subheadsOf(paras), source, confidence };
  if (runConfidence < UNSURE && paras.length)
    draft.warnings.push({
      code: 'uncertain-match',
      message: `the lead "${headline}" matched to the body at lines ${span(paras)} with low confidence (${
        runConfidence
      })`,
      lines: [at, paras[0]!.lines[0]!.no],
    });
}

/** Reading order, ids, each correction given to the item whose lines it touches, and the issue object. */
function finish(
  draft: Draft,
  masthead: Issue['masthead'],
  furniture: Issue['furniture'],
  source: Issue['source'],
): Issue {
  const ordered = [...draft.articles].sort((a, b) => a.at - b.at);
  const articles: Article[] = ordered.map(({ at: _at, lines: _lines, ...a }, i) => ({ ...a, id: `a${i + 1}` }));
  const itemOfLine = new Map<LineNo, string>();
  if (draft.lead) for (const l of draft.lead.lines) itemOfLine.set(l, 'lead');
  ordered.forEach((a, i) => {
    for (const l of a.lines) if (!itemOfLine.has(l)) itemOfLine.set(l, `a${i + 1}`);
  });
  const rank = (item: string) =>
    item === 'masthead' ? -2 : item === 'lead' ? -1 : item === 'page' ? 1e9 : Number(item.slice(1));
  const corrections: Correction[] = draft.corrections
    .map((c) => ({ ...c, id: '', item: c.item ?? c.lines.map((l) => itemOfLine.get(l)).find(Boolean) ?? 'page' }))
    .sort((a, b) => rank(a.item) - rank(b.item) || a.lines[0]! - b.lines[0]! || kindOrder(a.kind) - kindOrder(b.kind))
    .map((c, i) => ({ ...c, id: `c${i + 1}` }));
  const lead = draft.lead ? (({ at: _at, lines: _lines, ...l }) => l)(draft.lead) : null;
  const warnings = draft.warnings.map((w) => ({
    ...w,
    item: w.item ?? (w.lines?.length ? itemOfLine.get(w.lines[0]!) : undefined),
  }));
  return { schema: 'newsprint/issue@1', source, masthead, lead, articles, furniture, corrections, warnings };
}

function kindOrder(kind: Correction['kind']): number {
  return CORRECTION_KINDS.indexOf(kind);
}
