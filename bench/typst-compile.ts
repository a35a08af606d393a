/**
 * One cold Typst compile, as a new process runs it: `node typst-compile.js page.typ out.pdf`.
 * The bench times it beside newsprint's own cold build.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { typstPdfOf } from '../test/corpus/engines.js';

const [source = '', pdf = ''] = process.argv.slice(2);
writeFileSync(pdf, typstPdfOf(readFileSync(source, 'utf8')));
