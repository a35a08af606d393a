/** Recovery on real pages printed to plans 4 and 5 (variants.ts). */
import { variantsTest } from './variants.js';

variantsTest([4, 5]);
