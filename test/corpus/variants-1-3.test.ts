/** Recovery on real pages printed to plans 1-3 (variants.ts). */
import { variantsTest } from './variants.js';

variantsTest([1, 2, 3]);
