/** Prints recovery accuracy over generated pages: `npm run accuracy -- [pages] [first-seed]`. */
import { recoverText } from '../../src/recover/index.js';
import { jiebaWords } from '../../src/text/segmenter.js';
import { generatePage } from './page.js';
import { accuracy, scorePage } from './score.js';

export function measure(pages: number, first = 1) {
  const scores = [];
  const failures: number[] = [];
  for (let seed = first; seed < first + pages; seed++) {
    const page = generatePage(seed);
    const issue = recoverText(page.text, { file: `seed-${seed}.txt`, words: jiebaWords });
    const s = scorePage(page.truth, issue);
    if (s.matched < s.articles) failures.push(seed);
    scores.push(s);
  }
  return { ...accuracy(scores), failures };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const pages = Number(process.argv[2] ?? 200);
  const first = Number(process.argv[3] ?? 1);
  const r = measure(pages, first);
  const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
  console.log(`pages ${r.pages}, articles ${r.articles}`);
  console.log(`headline-body matches   ${pct(r.headlineBody)}`);
  console.log(`paragraph starts        precision ${pct(r.paragraphPrecision)}, recall ${pct(r.paragraphRecall)}`);
  console.log(
    `character error rate    ${pct(r.cer)} per item (text that went to the wrong article counts), ` +
      `${pct(r.textCer)} over the page's body text`,
  );
  console.log(`masthead read right     ${pct(r.dates)}`);
  console.log(`lead read right         ${pct(r.leads)}`);
  console.log(
    `seeds with a mismatched article: ${r.failures.slice(0, 30).join(' ')}${r.failures.length > 30 ? ' …' : ''}`,
  );
}
