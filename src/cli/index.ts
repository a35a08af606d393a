#!/usr/bin/env node
import { Command } from 'commander';
import { createRequire } from 'node:module';
import { NewsprintError } from '../errors.js';
import { recoverCommand } from './commands/recover.js';
import { stderrReporter } from './report.js';

const require = createRequire(import.meta.url);
const { version } = require('../../../package.json') as { version: string };

const program = new Command()
  .name('newsprint')
  .description('Rebuild a printed Chinese newspaper page from the garbled text a PDF extractor pulled out of it.')
  .version(version)
  .option('--debug', 'show stack traces of errors')
  .option('-q, --quiet', 'print only warnings and errors')
  .showHelpAfterError();

program
  .command('recover')
  .description('read a page extraction and write the recovered issue (masthead, lead, articles, corrections, warnings) as JSON')
  .argument('<file>', 'extraction text (UTF-8, UTF-16 with BOM, or GB18030/GBK)')
  .option('-o, --output <issue.json>', 'write the issue here (default: standard output)')
  .addHelpText('after', '\nExample:\n  newsprint recover page.txt -o output/issue.json')
  .action((file: string, opts: { output?: string }) => recoverCommand(file, opts, stderrReporter(program.opts().quiet)));

try {
  await program.parseAsync();
} catch (e) {
  process.exitCode = fail(e, Boolean(program.opts().debug));
}

function fail(e: unknown, debug: boolean): number {
  if (debug) console.error(e);
  if (e instanceof NewsprintError) {
    if (!debug) console.error(`newsprint: ${e.oneLine()}`);
    return e.name === 'InvariantError' ? 3 : 1;
  }
  if (!debug) console.error(`newsprint: internal error: ${(e as Error)?.message ?? e} (run with --debug for details)`);
  return 70;
}
