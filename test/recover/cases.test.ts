/**
 * Recovery's regression cases as data (`test/cases/manifest.json`): each
 * names an invented extraction text and what recovery must give; one test
 * per case. A new case is a text file and a manifest entry, not code.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { recoverText } from '../../src/recover/index.js';
import { jiebaWords } from '../../src/text/segmenter.js';
import { ROOT } from '../paths.js';

interface Case {
  id: string;
  file: string;
  why: string;
  expect: {
    articles?: Array<{
      headline: string;
      byline?: string;
      paragraphs?: string[];
      /** Its text, paragraphs joined: which text it got, however the paragraphs break. */
      body?: string;
      subheads?: number[];
    }>;
    lead?: {
      headline?: string;
      kicker?: string | null;
      deck?: string | null;
      firstParagraph?: string;
      paragraphs?: string[];
    };
    masthead?: { section?: string; date?: string };
    confidenceBelow?: Record<string, number>;
  };
}

const CASES = join(ROOT, 'test', 'cases');
const manifest = JSON.parse(readFileSync(join(CASES, 'manifest.json'), 'utf8')) as { cases: Case[] };

for (const c of manifest.cases)
  test(`case ${c.id}: ${c.why}`, () => {
    const issue = recoverText(readFileSync(join(CASES, c.file), 'utf8'), { file: c.file, words: jiebaWords });
    const { articles, lead, masthead, confidenceBelow } = c.expect;
    if (masthead?.section !== undefined) assert.equal(issue.masthead?.section, masthead.section);
    if (masthead?.date !== undefined) assert.equal(issue.masthead?.date, masthead.date);
    if (articles) {
      const got = issue.articles.map((a) => ({ headline: a.headline, byline: a.byline?.name })).sort(byHeadline);
      const want = articles.map((a) => ({ headline: a.headline, byline: a.byline })).sort(byHeadline);
      assert.deepEqual(got, want);
      for (const a of articles) {
        const got = issue.articles.find((x) => x.headline === a.headline);
        if (a.paragraphs) assert.deepEqual(got?.paragraphs, a.paragraphs, a.headline);
        if (a.body !== undefined) assert.equal(got?.paragraphs.join(''), a.body, a.headline);
        if (a.subheads) assert.deepEqual(got?.subheads, a.subheads, `${a.headline}: subheads`);
      }
    }
    if (lead) {
      assert.ok(issue.lead, 'a lead');
      if (lead.headline !== undefined) assert.equal(issue.lead.headline, lead.headline);
      if (lead.deck !== undefined) assert.equal(issue.lead.deck, lead.deck);
      if (lead.kicker !== undefined) assert.equal(issue.lead.kicker ?? null, lead.kicker);
      if (lead.firstParagraph !== undefined) assert.equal(issue.lead.paragraphs[0], lead.firstParagraph);
      if (lead.paragraphs) assert.deepEqual(issue.lead.paragraphs, lead.paragraphs);
    }
    for (const [headline, bound] of Object.entries(confidenceBelow ?? {})) {
      const a = issue.articles.find((x) => x.headline === headline);
      assert.ok(a, `an article headed ${headline}`);
      assert.ok(a.confidence < bound, `${headline}: confidence ${a.confidence}, not under ${bound}`);
    }
  });

function byHeadline(a: { headline: string }, b: { headline: string }): number {
  return a.headline < b.headline ? -1 : a.headline > b.headline ? 1 : 0;
}
