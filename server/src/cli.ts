// mlsec command line: argv -> scan -> text | json | sarif; exit 0 clean, 1 findings, 2 tool error.
import * as fs from 'fs';
import { HELP, parseArgs, type ScanOptions } from './cli/args';
import { runScan } from './cli/scan';
import { formatStats, processFigures } from './cli/stats-report';
import { enableStats, measure, takeStats } from './engine/stats';
import { runThreatModel } from './cli/threat-model';
import { buildJsonReport } from './output/json';
import { buildSarif } from './output/sarif';
import { formatCategoryTotals, formatSummary, formatText } from './output/text';
import { detailedSummary } from './output/report';
import { mlsecVersion } from './output/version';

function fail(message: string): number {
  process.stderr.write(`mlsec: error: ${message}\n`);
  return 2;
}

/** Writes the report to --output or stdout; a write failure is a tool error. */
function emit(opts: ScanOptions, text: string): string | undefined {
  if (!opts.output) {
    process.stdout.write(text);
    return undefined;
  }
  try {
    fs.writeFileSync(opts.output, text);
    return undefined;
  } catch (e) {
    return `cannot write ${opts.output}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
  }
}

async function scan(opts: ScanOptions): Promise<number> {
  if (opts.stats) enableStats();
  const code = await scanAndReport(opts);
  const stats = takeStats();
  if (stats) {
    const files = Object.entries(stats).filter(([k]) => k.startsWith('target:') && !k.endsWith('(skipped)'));
    const counted = { files: files.reduce((n, [, v]) => n + v.calls, 0), bytes: files.reduce((n, [, v]) => n + v.bytes, 0) };
    process.stderr.write(formatStats(stats, processFigures(), counted));
  }
  return code;
}

async function scanAndReport(opts: ScanOptions): Promise<number> {
  const outcome = await runScan(opts);
  if (!outcome.ok) {
    for (const w of outcome.warnings) process.stderr.write(`mlsec: warning: ${w}\n`);
    return fail(outcome.error);
  }
  const { report } = outcome;
  if (opts.format === 'text') {
    // Colour only when a person is reading a terminal; NO_COLOR (no-color.org) always wins.
    const color = !opts.output && process.stdout.isTTY === true && !process.env.NO_COLOR;
    const out = measure('main:output', 0, () => formatText(report, { color, verbose: opts.verbose, quiet: opts.quiet }));
    if (out.problems) process.stderr.write(out.problems);
    const err = emit(opts, out.report);
    if (err) return fail(err);
  } else {
    // Config warnings are inside the document too, but a person running the command should see them.
    for (const w of outcome.warnings) process.stderr.write(`mlsec: warning: ${w}\n`);
    const err = measure('main:output', 0, () => {
      const doc = opts.format === 'sarif' ? buildSarif(report) : buildJsonReport(report);
      return emit(opts, `${JSON.stringify(doc, null, 2)}\n`);
    });
    if (err) return fail(err);
    if (opts.output && !opts.quiet) {
      const s = detailedSummary(report);
      process.stderr.write(`${formatSummary(s)} Report written to ${opts.output}.\n${formatCategoryTotals(s).map((l) => `${l}\n`).join('')}`);
    }
  }
  return outcome.exitCode;
}

/** Runs the CLI and returns its exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const cmd = parseArgs(argv);
  switch (cmd.kind) {
    case 'help':
      process.stdout.write(HELP);
      return argv.length === 0 ? 2 : 0;
    case 'version':
      process.stdout.write(`mlsec ${mlsecVersion()}\n`);
      return 0;
    case 'error':
      return fail(cmd.message);
    case 'scan':
      return scan(cmd.options);
    case 'threat-model':
      return runThreatModel(cmd.options);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // A bug, not a user error: still exit 2 so CI never reads it as "clean".
    process.stderr.write(`mlsec: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 2;
  },
);
