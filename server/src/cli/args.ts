// Parses the mlsec command line into a plain options object; bad input is returned as an error string, never thrown.
import type { Severity } from '../engine/finding';
import { parseThreatModelArgs, type ThreatModelOptions } from './threat-model';

/** Output formats of `mlsec scan`. */
export type OutputFormat = 'text' | 'json' | 'sarif';

/** Everything `mlsec scan` was asked to do. */
export interface ScanOptions {
  paths: string[];
  format: OutputFormat;
  output?: string;
  minSeverity: Severity;
  config?: string;
  maxFileSizeMB?: number;
  include: string[];
  exclude: string[];
  gitignore: boolean;
  quiet: boolean;
  verbose: boolean;
  /** Exit 2 when a rule failed or a file could not be parsed (default: report them, keep the findings' exit code). */
  strict: boolean;
  /** Exit 0 even when findings are reported (tool errors still exit 2), like ruff's --exit-zero. */
  exitZero: boolean;
  /** Baseline file whose accepted findings are left out of the report and the exit code. */
  baseline?: string;
  /** Write every current finding to this baseline file. */
  writeBaseline?: string;
  /** A Python interpreter or environment whose installed versions pinning fixes may use (read, never run); never from a config file. */
  pythonPath?: string;
  /** Print time and bytes per phase and per file kind to stderr. */
  stats?: boolean;
  /** Read and write the scan cache (default true; --no-cache turns it off). */
  cache?: boolean;
}

/** What the command line asks for. */
export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'scan'; options: ScanOptions }
  | { kind: 'threat-model'; options: ThreatModelOptions }
  | { kind: 'error'; message: string };

/** The text printed by --help. */
export const HELP = `mlsec — find security problems in ML projects

Usage:
  mlsec scan [PATH...] [options]     scan files and directories (default: .)
  mlsec threat-model [PATH] [-o FILE] draft a Markdown threat model of a workspace (default: .);
                                      an existing FILE keeps its text outside the generated markers
  mlsec --help | --version

Options:
  -f, --format text|json|sarif        output format (default: text)
  -o, --output FILE                   write the report to FILE instead of stdout
      --min-severity note|warning|error
                                      report only findings at or above this severity (default: note);
                                      the exit code counts the same findings
  -c, --config FILE                   settings file (YAML or JSON); default: mlsec.yaml, .mlsec.yaml,
                                      mlsec.json or .mlsec.json in the scan root. It takes enable,
                                      rules, include, exclude, maxFileSizeMB, maxModelFileSizeMB,
                                      privacy and baseline; network and pythonPath are refused
      --max-file-size-mb N            skip source files larger than N MB (default: 5)
      --include GLOB                  scan only files matching GLOB (repeatable)
      --exclude GLOB                  skip files/directories matching GLOB (repeatable)
      --no-gitignore                  do not read .gitignore files
      --baseline FILE                 leave out findings accepted in FILE (report and exit code)
      --write-baseline FILE           write every current finding to FILE (rule, path, line,
                                      fingerprint; no source text or secret values)
      --python-path PATH              a Python interpreter or environment folder whose installed
                                      versions pinning fixes may use (its dist-info names are read,
                                      nothing is run)
      --strict                        exit 2 if a rule failed or a file could not be parsed
      --exit-zero                     exit 0 even when findings are reported (tool errors still exit 2)
      --stats                         print time and bytes per phase and per file kind to stderr
      --no-cache                      neither read nor write the scan cache (.mlsec_cache/ in the
                                      scan root, or the OS cache folder when the root is read-only)
  -q, --quiet                         print findings only (no summary, no notes)
  -v, --verbose                       also list every skipped file and why
  -h, --help                          show this help
  -V, --version                       print the version

Exit codes: 0 no findings at or above --min-severity, 1 findings, 2 tool error
(bad flag, unreadable config, invalid rule card; with --strict also rule failures and parse errors).
`;

const SEVERITIES: readonly Severity[] = ['note', 'warning', 'error'];
const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];

// Flags that take a value, by every spelling, mapped to their canonical long name.
const VALUE_FLAGS: Record<string, string> = {
  '--format': 'format', '-f': 'format',
  '--output': 'output', '-o': 'output',
  '--min-severity': 'min-severity',
  '--config': 'config', '-c': 'config',
  '--max-file-size-mb': 'max-file-size-mb',
  '--include': 'include',
  '--exclude': 'exclude',
  '--baseline': 'baseline',
  '--write-baseline': 'write-baseline',
  '--python-path': 'python-path',
};
const BOOL_FLAGS: Record<string, keyof ScanOptions | 'help' | 'version' | 'no-gitignore' | 'no-cache'> = {
  '--quiet': 'quiet', '-q': 'quiet',
  '--verbose': 'verbose', '-v': 'verbose',
  '--strict': 'strict',
  '--exit-zero': 'exitZero',
  '--stats': 'stats',
  '--no-gitignore': 'no-gitignore',
  '--no-cache': 'no-cache',
  '--help': 'help', '-h': 'help',
  '--version': 'version', '-V': 'version',
};

/** Parses argv (without `node` and the script). Returns a command or an error message (exit 2). */
export function parseArgs(argv: readonly string[]): Command {
  if (argv.length === 0) return { kind: 'help' };
  if (argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') return { kind: 'help' };
  if (argv[0] === '--version' || argv[0] === '-V') return { kind: 'version' };
  if (argv[0] === 'threat-model') {
    const tm = parseThreatModelArgs(argv.slice(1));
    return 'error' in tm ? { kind: 'error', message: tm.error } : { kind: 'threat-model', options: tm.options };
  }
  if (argv[0] !== 'scan') return { kind: 'error', message: `unknown command '${argv[0]}' (try 'mlsec scan .' or 'mlsec --help')` };
  const o: ScanOptions = { paths: [], format: 'text', minSeverity: 'note', include: [], exclude: [], gitignore: true, quiet: false, verbose: false, strict: false, exitZero: false, stats: false };
  let onlyPaths = false;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPaths || arg === '-' || !arg.startsWith('-')) {
      o.paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const bool = BOOL_FLAGS[flag];
    if (bool) {
      if (eq > 0) return { kind: 'error', message: `${flag} takes no value` };
      if (bool === 'version') return { kind: 'version' };
      if (bool === 'no-gitignore') o.gitignore = false;
      else if (bool === 'no-cache') o.cache = false;
      else if (bool === 'quiet' || bool === 'verbose' || bool === 'strict' || bool === 'exitZero' || bool === 'stats') o[bool] = true;
      continue;
    }
    const name = VALUE_FLAGS[flag];
    if (!name) return { kind: 'error', message: `unknown option '${flag}' (see mlsec --help)` };
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length) value = argv[++i];
    if (value === undefined || value === '') return { kind: 'error', message: `${flag} needs a value` };
    const err = applyValue(o, name, value);
    if (err) return { kind: 'error', message: err };
  }
  if (o.quiet && o.verbose) return { kind: 'error', message: '--quiet and --verbose cannot be combined' };
  if (o.paths.length === 0) o.paths.push('.');
  return { kind: 'scan', options: o };
}

/** Stores one flag's value; returns an error message when the value is invalid. */
function applyValue(o: ScanOptions, name: string, value: string): string | undefined {
  switch (name) {
    case 'format':
      if (!(FORMATS as readonly string[]).includes(value)) return `--format must be one of ${FORMATS.join(', ')} (got '${value}')`;
      o.format = value as OutputFormat;
      return;
    case 'min-severity':
      if (!(SEVERITIES as readonly string[]).includes(value)) return `--min-severity must be one of ${SEVERITIES.join(', ')} (got '${value}')`;
      o.minSeverity = value as Severity;
      return;
    case 'max-file-size-mb': {
      const n = Number(value);
      if (!Number.isFinite(n) || n <= 0) return `--max-file-size-mb must be a positive number (got '${value}')`;
      o.maxFileSizeMB = n;
      return;
    }
    case 'output':
      o.output = value;
      return;
    case 'config':
      o.config = value;
      return;
    case 'include':
      o.include.push(value);
      return;
    case 'exclude':
      o.exclude.push(value);
      return;
    case 'baseline':
      o.baseline = value;
      return;
    case 'write-baseline':
      o.writeBaseline = value;
      return;
    case 'python-path':
      o.pythonPath = value;
      return;
  }
  return `unknown option '--${name}'`;
}
