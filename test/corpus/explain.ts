/**
 * Where recovery of one corpus page goes wrong, item by item:
 *   node dist/test/corpus/explain.js PAGE ENGINE EXTRACTOR [VARIANT]
 * Prints the gold's items beside what came back (headline, byline, paragraph
 * starts) and the first paragraph that differs. OK¶: text right, paragraph
 * boundaries not (the score counts those apart).
 */
import { launchBrowser } from '../../src/check/browser.js';
import { readTemplate } from '../../src/io/inputs.js';
import { runTempDir } from '../../src/io/temp.js';
import { layoutStage, quietReporter, renderStage } from '../../src/pipeline/index.js';
import { recoverText } from '../../src/recover/index.js';
import { jiebaWords } from '../../src/text/segmenter.js';
import { deckOf } from '../generator/score.js';
import { chromiumPdf, typstPdf } from './engines.js';
import { issueOfGold } from './evaluate.js';
import { type ExtractorName, extract } from './extract.js';
import { goldPages } from './gold.js';
import { planPage } from './plan.js';

const [id = '', engine = 'typst', extractor = 'pdftotext', variant = '0'] = process.argv.slice(2);
const gold = goldPages()?.find((g) => g.id === id);
if (!gold) throw new Error(`no gold page ${id}`);
const plan = planPage(gold, Number(variant));
const dir = runTempDir('explain');
let pdf: Uint8Array;
if (engine === 'chromium') {
  const b = await launchBrowser();
  pdf = await chromiumPdf(plan, b.browser, dir);
  await b.close();
} else if (engine === 'newsprint')
  pdf = await renderStage(
    layoutStage(issueOfGold(gold), readTemplate('tabloid'), quietReporter(), id),
    false,
    quietReporter(),
  );
else pdf = typstPdf(plan);
const text = await extract(pdf, extractor as ExtractorName, dir, id);
const issue = recoverText(text, { file: `${id}.txt`, words: jiebaWords });
const cut = (s: string, n = 24) => (s.length > n ? `${s.slice(0, n)}…` : s);
console.log(`artifacts: ${plan.artifacts.join(', ')}`);
console.log(
  `masthead: ${JSON.stringify(issue.masthead && [issue.masthead.section, issue.masthead.date, issue.masthead.email])}`,
);
console.log(`furniture: ${issue.furniture.map((f) => `${f.kind}:${f.text}`).join(' | ')}`);
const items = [
  {
    gold: { headline: gold.lead.headline, by: gold.lead.deck, ps: gold.lead.paragraphs },
    got: issue.lead && {
      headline: issue.lead.headline,
      by: deckOf(issue.lead),
      ps: issue.lead.paragraphs,
      c: issue.lead.confidence,
    },
  },
  ...gold.articles.map((a) => {
    const g = issue.articles.find((x) => x.headline === a.headline);
    return {
      gold: { headline: a.headline, by: `${a.role}|${a.name}`, ps: a.paragraphs },
      got: g && {
        headline: g.headline,
        by: `${g.byline?.role ?? ''}|${g.byline?.name ?? ''}`,
        ps: g.paragraphs,
        c: g.confidence,
      },
    };
  }),
];
for (const { gold: g, got } of items) {
  // As the score counts it: headline, byline and body text together; paragraph boundaries are scored apart.
  const ok = got && got.by === g.by && got.ps.join('') === g.ps.join('');
  const exact = ok && got.ps.join('\n') === g.ps.join('\n');
  console.log(`\n${exact ? 'OK ' : ok ? 'OK¶' : 'BAD'} ${g.headline}  [${g.by}] ${g.ps.length} paragraphs`);
  if (!got) {
    console.log('    not found');
    continue;
  }
  if (exact) continue;
  if (!ok) {
    const [a, b] = [g.ps.join(''), got.ps.join('')];
    let at = 0;
    while (at < a.length && a[at] === b[at]) at++;
    const around = (s: string) => `…${s.slice(at - 12, at + 24)}…`;
    if (at < Math.max(a.length, b.length)) {
      console.log(`    text differs at character ${at}: gold ${around(a)}`);
      console.log(`${' '.repeat(35)}got  ${around(b)}`);
    }
  }
  console.log(`    got [${got.by}] ${got.ps.length} paragraphs, confidence ${got.c}`);
  const n = Math.max(g.ps.length, got.ps.length);
  for (let i = 0; i < n; i++)
    if (g.ps[i] !== got.ps[i]) {
      console.log(`    first difference at paragraph ${i + 1}:`);
      console.log(`      gold ${cut(g.ps[i] ?? '∅', 60)}\n      got  ${cut(got.ps[i] ?? '∅', 60)}`);
      break;
    }
}
const unmatched = issue.articles.filter((a) => !gold.articles.some((g) => g.headline === a.headline));
for (const a of unmatched)
  console.log(
    `\nEXTRA "${a.headline}" [${a.byline?.role}|${a.byline?.name}] ${a.paragraphs.length} paragraphs:`,
    cut(a.paragraphs[0] ?? ''),
  );
