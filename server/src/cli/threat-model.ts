// `mlsec threat-model [PATH] [--output FILE]`: argument parsing and the run (scan, inventory, Markdown, merge with the existing file).
import * as fs from 'fs';
import * as path from 'path';
import { generateForWorkspace } from '../plugins/threat-model/generate/collect';

/** What `mlsec threat-model` was asked to do. */
export interface ThreatModelOptions {
  path: string;
  output?: string;
}

/** Parses the arguments after `threat-model`; returns an error message for bad input. */
export function parseThreatModelArgs(argv: readonly string[]): { options: ThreatModelOptions } | { error: string } {
  const o: ThreatModelOptions = { path: '.' };
  let paths = 0;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--output=') ? arg.slice('--output='.length) : undefined;
    if (arg === '--output' || arg === '-o' || eq !== undefined) {
      const value = eq ?? argv[++i];
      if (!value) return { error: `${arg.split('=')[0]} needs a value` };
      o.output = value;
    } else if (arg.startsWith('-')) {
      return { error: `unknown option '${arg}' for threat-model (usage: mlsec threat-model [PATH] [--output FILE])` };
    } else if (paths++ === 0) {
      o.path = arg;
    } else {
      return { error: 'threat-model takes one PATH' };
    }
  }
  return { options: o };
}

/** Runs the generator; writes to --output (keeping text outside the generated markers) or stdout. Exit 0, or 2 on error. */
export async function runThreatModel(o: ThreatModelOptions, cwd = process.cwd()): Promise<number> {
  const root = path.resolve(cwd, o.path);
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    process.stderr.write(`mlsec: error: not a directory: ${o.path}\n`);
    return 2;
  }
  const out = o.output && path.resolve(cwd, o.output);
  let previous: string | undefined;
  try {
    if (out && fs.existsSync(out)) previous = fs.readFileSync(out, 'utf8');
  } catch (e) {
    process.stderr.write(`mlsec: error: cannot read ${o.output}: ${(e as Error).message}\n`);
    return 2;
  }
  const result = await generateForWorkspace(root, previous);
  if (result.error) {
    process.stderr.write(`mlsec: error: ${result.error}\n`);
    return 2;
  }
  if (!out) {
    process.stdout.write(result.markdown);
    return 0;
  }
  try {
    fs.writeFileSync(out, result.markdown);
  } catch (e) {
    process.stderr.write(`mlsec: error: cannot write ${o.output}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return 2;
  }
  process.stderr.write(`Threat model written to ${o.output} (${result.findings} findings linked).\n`);
  return 0;
}
