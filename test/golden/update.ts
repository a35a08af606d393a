/** `npm run golden:update`: rewrites the golden images of the sample on purpose (tests never do). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rasterizePdf } from '../../src/check/raster.js';
import { encodePng } from '../../src/io/png.js';
import { buildSample, GOLDEN_DPI } from '../check/sample.js';
import { ROOT } from '../paths.js';

const { pdf } = await buildSample();
const pages = await rasterizePdf(pdf, GOLDEN_DPI);
pages.forEach((p, i) => {
  const file = join(ROOT, 'test', 'golden', `sample-page-${i + 1}.png`);
  writeFileSync(file, encodePng(p));
  console.log(`wrote ${file} (${p.width}×${p.height})`);
});
