/**
 * An editor's edits applied to a recovered issue, in order: a pure function
 * from (issue, edits) to a new issue. An edit that no longer fits the issue
 * (the extraction changed, or an earlier edit moved what it names) is
 * skipped and reported with the reason, never applied somewhere else.
 */
import type { Article, Correction, Edit, Issue, Lead, LineNo, ParagraphRef } from '../types.js';

/** How many characters of a paragraph's start an edit keeps to check it names the same paragraph. */
export const STARTS_LENGTH = 12;

export const startsOf = (text: string): string => [...text].slice(0, STARTS_LENGTH).join('');

export interface EditResult {
  issue: Issue;
  applied: number;
  /** Edits that did not apply: their index in the list and why. */
  failed: Array<{ index: number; edit: Edit; reason: string }>;
}

/** Thrown inside one edit: it does not apply, for this reason. */
class Misfit extends Error {}

type Item = Lead | Article;

export function applyEdits(issue: Issue, edits: Edit[]): EditResult {
  let current: Issue = structuredClone(issue);
  let applied = 0;
  const failed: EditResult['failed'] = [];
  edits.forEach((edit, index) => {
    // Each edit works on a copy, so one that fails halfway leaves nothing behind.
    const next = structuredClone(current);
    try {
      applyOne(next, edit);
      current = next;
      applied++;
    } catch (e) {
      if (!(e instanceof Misfit)) throw e;
      failed.push({ index, edit, reason: e.message });
    }
  });
  return { issue: current, applied, failed };
}

function itemOf(issue: Issue, id: string): Item {
  const item = id === 'lead' ? issue.lead : issue.articles.find((a) => a.id === id);
  if (!item) throw new Misfit(`there is no item ${id}`);
  return item;
}

/** The paragraph a reference names, checked against how it began when the edit was made. */
function paragraphOf(issue: Issue, ref: ParagraphRef): { item: Item; index: number } {
  const item = itemOf(issue, ref.item);
  const text = item.paragraphs[ref.paragraph];
  if (text === undefined) throw new Misfit(`${ref.item} has no paragraph ${ref.paragraph + 1}`);
  if (!text.startsWith(ref.starts))
    throw new Misfit(`paragraph ${ref.paragraph + 1} of ${ref.item} no longer starts with “${ref.starts}”`);
  return { item, index: ref.paragraph };
}

/** Paragraphs taken out of an item: their texts, source lines and which are subheads. */
interface Cut {
  texts: string[];
  lines: LineNo[][];
  subheads: boolean[];
}

/** Which of an item's paragraphs are subheads, one flag per paragraph. */
const subheadFlags = (item: Item): boolean[] => item.paragraphs.map((_, k) => item.subheads?.includes(k) ?? false);

/** The indices of the flagged paragraphs. */
const flagged = (flags: boolean[]): number[] => flags.flatMap((f, k) => (f ? [k] : []));

function setSubheadFlags(item: Item, flags: boolean[]): void {
  const subheads = flagged(flags);
  if (subheads.length) item.subheads = subheads;
  else delete item.subheads;
}

/** Removes paragraphs [index, index + count), their source lines and subhead marks; returns them. */
function cut(item: Item, index: number, count = 1): Cut {
  const flags = subheadFlags(item);
  const subheads = flags.splice(index, count);
  setSubheadFlags(item, flags);
  return {
    texts: item.paragraphs.splice(index, count),
    lines: item.source.paragraphs.splice(index, count),
    subheads,
  };
}

function insert(item: Item, index: number, moved: Cut): void {
  const flags = subheadFlags(item);
  flags.splice(index, 0, ...moved.subheads);
  item.paragraphs.splice(index, 0, ...moved.texts);
  item.source.paragraphs.splice(index, 0, ...moved.lines);
  setSubheadFlags(item, flags);
}

function applyOne(issue: Issue, edit: Edit): void {
  switch (edit.op) {
    case 'move-paragraph': {
      const { item, index } = paragraphOf(issue, edit.paragraph);
      const target = itemOf(issue, edit.to);
      if (target === item) throw new Misfit(`the paragraph is already in ${edit.to}`);
      const at = edit.at ?? target.paragraphs.length;
      if (at > target.paragraphs.length) throw new Misfit(`${edit.to} has only ${target.paragraphs.length} paragraphs`);
      insert(target, at, cut(item, index));
      return;
    }
    case 'edit-paragraph': {
      const { item, index } = paragraphOf(issue, edit.paragraph);
      item.paragraphs[index] = edit.text;
      return;
    }
    case 'split-paragraph': {
      const { item, index } = paragraphOf(issue, edit.paragraph);
      const chars = [...item.paragraphs[index]!];
      if (edit.at >= chars.length) throw new Misfit(`paragraph ${index + 1} of ${edit.paragraph.item} is shorter`);
      // Both halves keep the paragraph's source lines and its kind.
      const whole = cut(item, index);
      const texts = [chars.slice(0, edit.at).join(''), chars.slice(edit.at).join('')];
      insert(item, index, {
        texts,
        lines: [whole.lines[0]!, whole.lines[0]!],
        subheads: [0, 1].map(() => whole.subheads[0]!),
      });
      return;
    }
    case 'join-paragraphs': {
      const { item, index } = paragraphOf(issue, edit.paragraph);
      if (index + 1 >= item.paragraphs.length)
        throw new Misfit(`paragraph ${index + 1} of ${edit.paragraph.item} is its last`);
      // The joined paragraph is of the first one's kind.
      const two = cut(item, index, 2);
      insert(item, index, {
        texts: [two.texts.join('')],
        lines: [[...new Set(two.lines.flat())]],
        subheads: [two.subheads[0]!],
      });
      return;
    }
    case 'set-headline':
      itemOf(issue, edit.item).headline = edit.text;
      return;
    case 'set-deck':
      if (!issue.lead) throw new Misfit('there is no lead to give a deck');
      issue.lead.deck = edit.text;
      return;
    case 'set-kicker':
      if (!issue.lead) throw new Misfit('there is no lead to give a kicker');
      issue.lead.kicker = edit.text;
      return;
    case 'set-byline': {
      const item = itemOf(issue, edit.item);
      if (!('byline' in item)) throw new Misfit('the lead has no byline');
      item.byline = edit.byline;
      return;
    }
    case 'reject-correction':
      rejectCorrection(issue, edit.correction, edit.to);
      return;
    case 'new-article': {
      const { item, index } = paragraphOf(issue, edit.paragraph);
      const moved = cut(item, index, item.paragraphs.length - index);
      const id = `a${Math.max(0, ...issue.articles.map((a) => Number(a.id.slice(1)))) + 1}`;
      const at = edit.paragraph.item === 'lead' ? 0 : issue.articles.findIndex((a) => a.id === edit.paragraph.item) + 1;
      issue.articles.splice(at, 0, {
        id,
        headline: edit.headline,
        byline: null,
        paragraphs: moved.texts,
        source: { headline: [], paragraphs: moved.lines },
        ...(moved.subheads.some(Boolean) ? { subheads: flagged(moved.subheads) } : {}),
        // The editor's own article: nothing about it is a guess.
        confidence: 1,
      });
      return;
    }
    case 'join-articles': {
      const from = issue.articles.findIndex((a) => a.id === edit.item);
      if (from < 0) throw new Misfit(`there is no article ${edit.item}`);
      const target = itemOf(issue, edit.into);
      if (target === issue.articles[from]) throw new Misfit(`${edit.item} cannot be joined to itself`);
      const [gone] = issue.articles.splice(from, 1);
      insert(target, target.paragraphs.length, {
        texts: gone!.paragraphs,
        lines: gone!.source.paragraphs,
        subheads: subheadFlags(gone!),
      });
      // Its corrections and warnings now speak of the article it joined.
      for (const c of issue.corrections) if (c.item === edit.item) c.item = edit.into;
      for (const w of issue.warnings) if (w.item === edit.item) w.item = edit.into;
      return;
    }
    case 'mark-subhead': {
      const { item, index } = paragraphOf(issue, edit.paragraph);
      const flags = subheadFlags(item);
      flags[index] = edit.subhead;
      setSubheadFlags(item, flags);
      return;
    }
    case 'mark-furniture': {
      const { item, index } = paragraphOf(issue, edit.paragraph);
      const moved = cut(item, index);
      issue.furniture.push({ kind: edit.kind, text: moved.texts[0]!, line: moved.lines[0]?.[0] ?? 1 });
      return;
    }
    case 'mark-reviewed': {
      const item = itemOf(issue, edit.item);
      if (edit.reviewed) item.reviewed = true;
      else delete item.reviewed;
      return;
    }
  }
}

/** A correction an editor can reject: it changed the text of an article or the lead. */
export const isRejectable = (c: Correction): boolean => c.item !== 'masthead' && c.from.trim() !== c.to.trim();

/**
 * A rejected correction gives its item the source text back: where the item
 * holds the corrected text, the text as read replaces it (lines joined by the
 * correction become paragraphs again; in a headline they are one space apart).
 * The correction leaves the issue's list.
 */
function rejectCorrection(issue: Issue, id: string, to: string): void {
  const at = issue.corrections.findIndex((c) => c.id === id);
  if (at < 0) throw new Misfit(`there is no correction ${id}`);
  const c = issue.corrections[at]!;
  if (c.to !== to) throw new Misfit(`correction ${id} no longer reads “${to}”`);
  if (!isRejectable(c)) throw new Misfit(`correction ${id} (${c.kind}) changes no text of an item`);
  const item = itemOf(issue, c.item);
  const source = c.from.split('\n').map((l) => l.trim());
  // In a headline, a deck or a byline the source lines stand one space apart.
  const inLine = source.join(' ');
  const byline = 'byline' in item ? item.byline : null;
  if (item.headline.includes(c.to)) item.headline = item.headline.replace(c.to, inLine);
  else if ('deck' in item && item.deck?.includes(c.to)) item.deck = item.deck.replace(c.to, inLine);
  else if ('kicker' in item && item.kicker?.includes(c.to)) item.kicker = item.kicker.replace(c.to, inLine);
  else if (byline?.role.includes(c.to)) byline.role = byline.role.replace(c.to, inLine);
  else if (byline?.name.includes(c.to)) byline.name = byline.name.replace(c.to, inLine);
  else {
    const k = item.paragraphs.findIndex((p) => p.includes(c.to));
    if (k < 0) throw new Misfit(`correction ${id}'s text “${startsOf(c.to)}…” is no longer in ${c.item}`);
    const text = item.paragraphs[k]!;
    const start = text.indexOf(c.to);
    const pieces = [...source];
    pieces[0] = text.slice(0, start) + pieces[0];
    pieces[pieces.length - 1] += text.slice(start + c.to.length);
    const whole = cut(item, k);
    const kept = pieces.filter((p) => p.trim() !== '');
    insert(item, k, {
      texts: kept,
      lines: kept.map(() => whole.lines[0]!),
      subheads: kept.map(() => whole.subheads[0]!),
    });
  }
  issue.corrections.splice(at, 1);
}
