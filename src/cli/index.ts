#!/usr/bin/env node
import { Command, Option } from 'commander';
import { NewsprintError } from '../errors.js';
import { statSync } from 'node:fs';
import { VERSION } from '../project.js';
import type { BuildOptions } from './commands/build.js';
import type { DiffOptions } from './commands/diff.js';
import { templateNames } from './templates.js';
import { stderrReporter } from './report.js';

const program = new Command()
  .name('newsprint')
  .description('Rebuild a printed Chinese newspaper page from the garbled text a PDF extractor pulled out of it:\nrecover its structure, lay it out as a two-page spread, render it to PDF.')
  .version(VERSION)
  .option('--debug', 'show stack traces of errors')
  .option('-q, --quiet', 'print only warnings and errors')
  .showHelpAfterError()
  .addHelpText('after', '\nTypical use:\n  newsprint build page.txt              # output/<date>-<section>/ with issue.json, layout.json, spread.pdf\n  newsprint recover page.txt -o issue.json\n  newsprint layout issue.json -t a3 -o layout.json\n  newsprint render layout.json -o spread.pdf --sheet');

const reporter = () => stderrReporter(Boolean(program.opts().quiet));
const templateOption = () => new Option('-t, --template <name|file.json>', `page template: ${templateNames().join(', ')}, or a path`).default('tabloid');

program
  .command('recover')
  .description('read a page extraction and write the recovered issue (masthead, lead, articles, corrections, warnings) as JSON')
  .argument('<file>', 'extraction text (UTF-8, UTF-16 with BOM, or GB18030/GBK)')
  .option('-o, --output <issue.json>', 'write the issue here (default: standard output)')
  .action(async (file: string, opts: { output?: string }) => (await import('./commands/recover.js')).recoverCommand(file, opts, reporter()));

program
  .command('layout')
  .description('lay an issue out as a two-page spread: make-up, Chinese line breaking, positions of every line')
  .argument('<issue.json>', 'an issue written by `newsprint recover`')
  .addOption(templateOption())
  .option('-o, --output <layout.json>', 'write the layout here (default: standard output)')
  .action(async (file: string, opts: { template: string; output?: string }) => (await import('./commands/layout.js')).layoutCommand(file, opts, reporter()));

program
  .command('render')
  .description('render a layout to PDF (fonts embedded as subsets, text extractable, one bookmark per item)')
  .argument('<layout.json>', 'a layout written by `newsprint layout`')
  .option('-o, --output <spread.pdf>', 'write the PDF here', 'spread.pdf')
  .option('--sheet', 'put both pages side by side on one sheet, as a printed spread is seen')
  .action(async (file: string, opts: { output: string; sheet?: boolean }) => (await import('./commands/render.js')).renderCommand(file, opts, reporter()));

program
  .command('build')
  .description('recover, lay out and render into one archive folder per issue: issue.json, layout.json, spread.pdf, proof.pdf, page PNGs, manifest.json')
  .argument('<files...>', 'extraction texts, or folders of them (*.txt); several are built in parallel')
  .option('-o, --output <dir>', 'folder that receives the issue folder', 'output')
  .addOption(templateOption())
  .option('--sheet', 'also write spread-sheet.pdf, both pages side by side on one sheet')
  .option('--no-proof', 'skip proof.pdf (it needs a browser)')
  .option('--check', 'cross-check the PDF against Chromium drawing the same layout; fail when they disagree')
  .option('-j, --jobs <n>', 'worker processes for several inputs (default: one per core)')
  .action(async (inputs: string[], opts: BuildOptions & { jobs?: string }) => {
    const { batchBuild, expandInputs } = await import('./batch/index.js');
    const files = expandInputs(inputs);
    if (files.length === 1 && !statSync(inputs[0]!).isDirectory()) await (await import('./commands/build.js')).buildCommand(files[0]!, opts, reporter());
    else if ((await batchBuild(files, opts, reporter())).failed.length) process.exitCode = 1;
  });

program
  .command('verify')
  .description("check an issue folder: every file against manifest.json (size, sha256), and the PDF's text against issue.json")
  .argument('<dir>', 'a folder written by `newsprint build`')
  .action(async (dir: string) => {
    process.exitCode = await (await import('./commands/verify.js')).verifyCommand(dir, reporter());
  });

program
  .command('proof')
  .description('write the proof sheet: recovered text beside the extraction lines, every correction marked, warnings first')
  .argument('<file>', 'extraction text')
  .option('-o, --output <proof.html|proof.pdf>', 'HTML that opens in any browser, or a PDF of it printed by Chromium', 'proof.html')
  .addOption(templateOption())
  .action(async (file: string, opts: { output: string; template: string }) => (await import('./commands/proof.js')).proofCommand(file, opts, reporter()));

program
  .command('diff')
  .description('compare two PDFs page by page, pixel by pixel (pdf.js raster, pixelmatch); exit 0 same, 1 different, 2 error')
  .argument('<a.pdf>')
  .argument('<b.pdf>')
  .option('-o, --output <dir>', 'folder for diff-page-N.png and compare-page-N.png (a | diff | b)', 'output/diff')
  .option('--dpi <n>', 'resolution of the comparison', '72')
  .option('--threshold <percent>', "share of a page's pixels that may differ", '0')
  .action(async (a: string, b: string, opts: DiffOptions) => {
    process.exitCode = await (await import('./commands/diff.js')).diffCommand(a, b, opts, reporter());
  });

try {
  await program.parseAsync();
} catch (e) {
  process.exitCode = fail(e, Boolean(program.opts().debug));
}

function fail(e: unknown, debug: boolean): number {
  if (debug) console.error(e);
  if (e instanceof NewsprintError) {
    if (!debug) console.error(`newsprint: ${e.oneLine()}`);
    return e.exitCode;
  }
  if (!debug) console.error(`newsprint: internal error: ${(e as Error)?.message ?? e} (run with --debug for details)`);
  return 70;
}
