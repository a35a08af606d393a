#!/usr/bin/env node
/**
 * The command line: options parsed and checked here, the work done by the
 * pipeline (src/pipeline), data on standard output, people's messages on
 * standard error. Exit codes: 0 done, 1 bad input, 2 usage (bad option),
 * 3 a broken invariant, 70 a bug; diff: 0 same, 1 different, 2 error.
 */
import { availableParallelism } from 'node:os';
import { Command, CommanderError, Option } from 'commander';
import { NewsprintError, printable } from '../errors.js';
import { templateNames } from '../io/templates.js';
import { VERSION } from '../project.js';
import type { Encoding } from '../recover/decode.js';
import type { BuildCommandOptions } from './build-options.js';
import { encoding, integer, MAX_JOBS, number } from './options.js';
import { stderrReporter } from './report.js';

const EXIT_USAGE = 2;

// A reader that stops early (`newsprint --help | head`, `recover - | head`) closes the pipe: that is the end of the
// output wanted, not an error to report with a stack trace.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });

const program = new Command()
  .name('newsprint')
  .description(
    'Rebuild a printed Chinese newspaper page from the garbled text a PDF extractor pulled out of it:\n' +
      'recover its structure, lay it out as a two-page spread, render it to PDF.',
  )
  .version(VERSION)
  .option('--debug', 'show stack traces of errors')
  .option('-q, --quiet', 'print only warnings and errors')
  .exitOverride()
  .showHelpAfterError('(run with --help for usage)')
  .addHelpText(
    'after',
    [
      '',
      'Typical use:',
      '  newsprint build page.txt              # output/<date>-<section>/ with issue.json, layout.json, spread.pdf, …',
      '  newsprint recover page.txt -o issue.json',
      '  pdftotext page.pdf - | newsprint recover - > issue.json',
      '  newsprint layout issue.json -t a3 -o layout.json',
      '  newsprint render layout.json -o spread.pdf --sheet',
      '',
      'A file argument of - reads standard input; -o - writes standard output.',
      'Exit codes: 0 done, 1 bad input, 2 bad option, 3 broken invariant (a bug), 70 internal error.',
    ].join('\n'),
  );

const reporter = () => stderrReporter(Boolean(program.opts().quiet));
const templateOption = () =>
  new Option('-t, --template <name|file.json>', `page template: ${templateNames().join(', ')}, or a path`).default(
    'tabloid',
  );
const encodingOption = () =>
  new Option(
    '--encoding <name>',
    'encoding of the extraction (default: detected): utf-8, utf-16le, utf-16be, gb18030, big5',
  ).argParser(encoding);

program
  .command('recover')
  .description(
    'read a page extraction and write the recovered issue (masthead, lead, articles, corrections, warnings) as JSON',
  )
  .argument('<file>', 'extraction text (UTF-8, UTF-16 with BOM, GB18030/GBK or Big5), or - for standard input')
  .option('-o, --output <issue.json>', 'write the issue here (default, or -: standard output)')
  .addOption(encodingOption())
  .action(async (file: string, opts: { output?: string; encoding?: Encoding }) =>
    (await import('./commands/recover.js')).recoverCommand(file, opts, reporter()),
  );

program
  .command('layout')
  .description('lay an issue out as a two-page spread: make-up, Chinese line breaking, positions of every line')
  .argument('<issue.json>', 'an issue written by `newsprint recover`, or - for standard input')
  .addOption(templateOption())
  .option('-o, --output <layout.json>', 'write the layout here (default, or -: standard output)')
  .action(async (file: string, opts: { template: string; output?: string }) =>
    (await import('./commands/layout.js')).layoutCommand(file, opts, reporter()),
  );

program
  .command('render')
  .description('render a layout to PDF (fonts embedded as subsets, text extractable, one bookmark per item)')
  .argument('<layout.json>', 'a layout written by `newsprint layout`, or - for standard input')
  .option('-o, --output <spread.pdf>', 'write the PDF here (-: standard output)', 'spread.pdf')
  .option('--sheet', 'put both pages side by side on one sheet, as a printed spread is seen')
  .action(async (file: string, opts: { output: string; sheet?: boolean }) =>
    (await import('./commands/render.js')).renderCommand(file, opts, reporter()),
  );

program
  .command('build')
  .description(
    'recover, lay out and render into one archive folder per issue: issue.json, layout.json, spread.pdf, ' +
      'proof.pdf, page PNGs, manifest.json',
  )
  .argument(
    '<files...>',
    'extraction texts, issue.json files, folders of extractions (*.txt), or archive folders to rebuild from the ' +
      'extraction they keep; - for standard input',
  )
  .option('-o, --output <dir>', 'folder that receives the issue folders', 'output')
  .addOption(templateOption())
  .addOption(encodingOption())
  .option('--sheet', 'also write spread-sheet.pdf, both pages side by side on one sheet')
  .option('--no-proof', 'skip proof.pdf (the A4 proof sheet: what needs a look in full, the rest one line each)')
  .option('--check', 'cross-check the PDF against Chromium drawing the same layout; fail when they disagree')
  .option('--force', 'replace an issue folder that was built from another input with the same date and section')
  .option('--json', 'print one JSON line per input on standard output: {input, ok, folder, warnings, error}')
  .addOption(
    new Option(
      '-j, --jobs <n>',
      `worker processes for several inputs (1-${MAX_JOBS}; default: one per core)`,
    ).argParser(integer('--jobs', 1, MAX_JOBS)),
  )
  .action(async (inputs: string[], opts: BuildCommandOptions & { jobs?: number }) => {
    if (inputs.includes('-') && inputs.length > 1)
      usage('build: - (standard input) cannot be combined with other inputs');
    const { batchBuild, expandInputs } = await import('./batch/index.js');
    const files = expandInputs(inputs);
    // One input that expanded to itself is a file (a folder expands to its *.txt): built in this process.
    if (inputs.length === 1 && files[0] === inputs[0])
      return (await import('./commands/build.js')).buildCommand(files[0]!, opts, reporter());
    const quiet = Boolean(program.opts().quiet);
    const result = await batchBuild(files, { ...opts, jobs: opts.jobs ?? availableParallelism(), quiet }, reporter());
    if (opts.json) for (const r of result.results) process.stdout.write(`${JSON.stringify(r)}\n`);
    if (result.failed.length) process.exitCode = 1;
  });

program
  .command('verify')
  .description(
    "check an issue folder: every file against manifest.json (size, sha256), and the PDF's text against issue.json",
  )
  .argument('<dir>', 'a folder written by `newsprint build`')
  .option('--json', 'print {folder, ok, problems} as JSON on standard output')
  .action(async (dir: string, opts: { json?: boolean }) => {
    process.exitCode = await (await import('./commands/verify.js')).verifyCommand(dir, opts, reporter());
  });

program
  .command('proof')
  .description(
    'write the proof sheet: recovered text beside the extraction lines, every correction marked, warnings first',
  )
  .argument('<file>', 'extraction text, an archive folder (its source.txt), or - for standard input (not with --serve)')
  .option(
    '-o, --output <proof.html|proof.pdf>',
    'HTML that opens in any browser, or an A4 PDF drawn by newsprint (-: HTML on standard output)',
    'proof.html',
  )
  .addOption(templateOption())
  .addOption(encodingOption())
  .option(
    '--serve',
    'proofread and fix on screen instead: a local page (127.0.0.1 only) whose edits rebuild the spread and are ' +
      'saved to <file>.edits.json (beside an archive folder: <folder>.edits.json), which `build` applies',
  )
  .addOption(new Option('--port <n>', 'port for --serve (default: a free one)').argParser(integer('--port', 1, 65535)))
  .action(
    async (
      file: string,
      opts: { output: string; template: string; encoding?: Encoding; serve?: boolean; port?: number },
    ) => {
      const commands = await import('./commands/proof.js');
      return opts.serve ? commands.serveCommand(file, opts, reporter()) : commands.proofCommand(file, opts, reporter());
    },
  );

program
  .command('diff')
  .description(
    'compare two PDFs page by page, pixel by pixel (pdf.js raster, pixelmatch); exit 0 same, 1 different, 2 error',
  )
  .argument('<a.pdf>')
  .argument('<b.pdf>')
  .option('-o, --output <dir>', 'folder for diff-page-N.png and compare-page-N.png (a | diff | b)', 'output/diff')
  .addOption(
    new Option('--dpi <n>', 'resolution of the comparison (10-600)').default(72).argParser(number('--dpi', 10, 600)),
  )
  .addOption(
    new Option('--threshold <percent>', "share of a page's pixels that may differ (0-100)")
      .default(0)
      .argParser(number('--threshold', 0, 100)),
  )
  .option('--json', 'print {same, threshold, pages, problems} as JSON on standard output')
  .action(async (a: string, b: string, opts: import('./commands/diff.js').DiffOptions) => {
    process.exitCode = await (await import('./commands/diff.js')).diffCommand(a, b, opts, reporter());
  });

/** A usage error found after parsing: one line, exit 2. */
function usage(message: string): never {
  const e = new NewsprintError(message);
  e.exitCode = EXIT_USAGE;
  throw e;
}

try {
  await program.parseAsync();
} catch (e) {
  process.exitCode = fail(e, Boolean(program.opts().debug));
}

function fail(e: unknown, debug: boolean): number {
  if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : EXIT_USAGE; // commander already printed it
  if (debug) console.error(e);
  if (e instanceof NewsprintError) {
    if (!debug) console.error(`newsprint: ${e.oneLine()}`);
    return e.exitCode;
  }
  if (!debug)
    console.error(
      `newsprint: internal error: ${printable(String((e as Error)?.message ?? e))} (run with --debug for details)`,
    );
  return 70;
}
