/**
 * Recovery on real text: the twelve gold pages of ../shared/corpus, set by
 * Chromium, Typst and newsprint's own layout, extracted five ways. Floors a
 * little under what recovery reaches now (README, "Accuracy"): a regression
 * fails here. Where the corpus is absent (a user's clone), one line says so.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluate, type Run, summarise } from './evaluate.js';
import { type ExtractorGroup, groupOf } from './extract.js';
import { goldPages, NO_CORPUS } from './gold.js';

const golds = goldPages();
const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

test(
  'real pages: recovery accuracy per extractor stays above its floors',
  { skip: golds ? false : NO_CORPUS },
  async () => {
    const runs = await evaluate(golds!);
    const group = (g: ExtractorGroup) => runs.filter((r: Run) => groupOf(r.extractor) === g);
    const reading = summarise(group('all but -layout'));
    const layout = summarise(group('-layout'));
    const pdfminer = summarise(group('pdfminer'));
    const round = summarise(group('all but -layout').filter((r) => r.engine === 'newsprint'));
    const report = JSON.stringify({ reading, layout, pdfminer, round });
    // Floors a little under the figures of the README (the targets of issue 11 are 97 %, 0.97, CER 0.3 %, no Han
    // character lost or added, every masthead right, 90 % on -layout). (98.4 % and 0.971 in session 14; 0.974 in
    // session 17, when F1 is held at the 0.97; 99.1 % in session 18; 100 %, CER 0.01 % in session 20; F1
    // 0.989 in session 32.)
    assert.ok(reading.headlineBody >= 0.995, `headline-body matches ${reading.headlineBody} (${report})`);
    assert.ok(f1(reading.paragraphPrecision, reading.paragraphRecall) >= 0.98, `paragraph F1 (${report})`);
    assert.ok(reading.cer <= 0.003, `character error rate ${reading.cer} (${report})`);
    // Row by row (engine × extractor), paragraph F1 at issue 11's 0.97 (Typst · -raw 0.961 and Chromium · -raw 0.966
    // in session 31; every row 0.971 or more from session 32, when a block's measure came to be centred on lines
    // that cannot be first lines).
    const extractors = new Set(group('all but -layout').map((r) => r.extractor));
    for (const engine of new Set(runs.map((r) => r.engine)))
      for (const extractor of extractors) {
        const row = summarise(runs.filter((r) => r.engine === engine && r.extractor === extractor));
        const rowF1 = f1(row.paragraphPrecision, row.paragraphRecall);
        assert.ok(rowF1 >= 0.97, `paragraph F1 of ${engine} · ${extractor}: ${rowF1}`);
      }
    assert.equal(reading.hanLost + reading.hanAdded, 0, `Han characters lost or added (${report})`);
    assert.equal(reading.dates, 1, `masthead (${report})`);
    // (94.9 % in session 14: headlines side by side at different heights head the columns under them, and line
    // ends cut off by justification glue are no column.)
    // (96.4 % in session 30: a band's columns read region by region, modules stacked beside a taller one in turn.)
    assert.ok(layout.headlineBody >= 0.95, `-layout headline-body matches ${layout.headlineBody} (${report})`);
    // The round trip through -layout on its own, at issue 11's 90 % (89.1 % until session 30, when a module's headline
    // set beside the byline of another's and stacked modules beside a taller one came to read apart: 93.5 %).
    const roundLayout = summarise(group('-layout').filter((r) => r.engine === 'newsprint'));
    assert.ok(roundLayout.headlineBody >= 0.9, `round trip -layout (${JSON.stringify(roundLayout)})`);
    // (At 97.8 % from session 11, when 2025-03-25-06 set a headline over two lines broken between words, which
    // recovery cannot tell from a clause break; 100 % in session 18, the layout breaking it beside a bracket.)
    assert.ok(round.headlineBody >= 0.99, `round trip headline-body matches ${round.headlineBody} (${report})`);
    // (0.991-0.992 on pdftotext, -raw and pdf.js until session 20, when the layout set its paragraph ends to read
    // back: 0.998.)
    assert.ok(f1(round.paragraphPrecision, round.paragraphRecall) >= 0.995, `round trip paragraph F1 (${report})`);
    // Issue 11's round trip: pdftotext's text (default, -raw) and pdf.js's of newsprint's own spread give back every
    // headline, byline and paragraph exactly (from session 29, when a paragraph that ends no sentence on a full line,
    // a standfirst or a subhead, came to read back apart: the next first line set an indent shorter than it).
    const named = new Set(['pdftotext', 'pdftotext-raw', 'pdfjs']);
    const exact = summarise(runs.filter((r) => r.engine === 'newsprint' && named.has(r.extractor)));
    assert.equal(exact.headlineBody, 1, `round trip items (${JSON.stringify(exact)})`);
    assert.equal(f1(exact.paragraphPrecision, exact.paragraphRecall), 1, `round trip paragraphs (${report})`);
    // pdfminer (not one of issue 11's extractors; added in session 13 as one recovery was not built against): its
    // own order of a page's text boxes puts headlines after their bodies' first columns.
    assert.ok(pdfminer.headlineBody >= 0.7, `pdfminer headline-body matches ${pdfminer.headlineBody} (${report})`);
    // Confidence ≥ 0.9 on a wrong article outside -layout: a wrong item must say it is unsure.
    assert.equal(reading.confidentWrong, 0, `confidently wrong articles (${report})`);
    // No run may crash or lose a character: the no-loss check runs inside recovery.
    assert.deepEqual(
      runs
        .filter((r) => r.error && !r.error.startsWith('not set'))
        .map((r) => `${r.page} ${r.engine} ${r.extractor}: ${r.error}`),
      [],
    );
  },
);
