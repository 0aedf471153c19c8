// One CLI scan: settings, catalogue, walk, dependency facts, bounded-concurrency analysis -> a ScanReport and exit code.
import * as fs from 'fs';
import * as path from 'path';
import { analyzePath, type EngineContext, type FileAnalysis, initEngine } from '../engine/analyze';
import { followIncludes, hasIncludes } from '../engine/includes';
import { SEVERITY_RANK } from '../engine/finding';
import { factsFromFiles, isDependencyFile } from '../engine/project-facts';
import { readInstalledEnvironment } from '../plugins/supply-chain/installed';
import { loadRegistry, type Registry } from '../engine/registry';
import { addStat, measure, measureAsync } from '../engine/stats';
import { compactAnalysis, type LocatedAnalysis } from '../output/locate';
import { withSecrets } from '../output/secret-spans';
import type { ScanProblem, ScanReport } from '../output/report';
import { codeRules } from '../rules';
import type { ScanOptions } from './args';
import { applyBaseline, readBaseline, writeBaseline } from './baseline';
import { ScanCache } from './cache';
import { resolveConfig, unknownRuleWarnings } from './config';
import { analyzeFiles } from './parallel';
import { applyCategorySwitches } from '../shared/settings';
import { walk } from './walk';


/** The outcome of a scan: a report for the writers, or a fatal error (exit 2). */
export type ScanOutcome =
  | { ok: true; report: ScanReport; warnings: string[]; exitCode: 0 | 1 | 2; configFile?: string }
  | { ok: false; error: string; warnings: string[] };

const inside = (parent: string, child: string) => {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/**
 * The directory output paths are relative to: the working directory when every path lies inside
 * it (so CI output matches the repository), otherwise the deepest common ancestor of the paths.
 */
export function scanRoot(paths: readonly string[], cwd: string): string {
  const abs = paths.map((p) => path.resolve(cwd, p));
  if (abs.every((p) => inside(cwd, p))) return cwd;
  const dirs = abs.map((p) => (fs.existsSync(p) && fs.statSync(p).isFile() ? path.dirname(p) : p));
  let common = dirs[0];
  while (!dirs.every((d) => inside(common, d))) common = path.dirname(common);
  return common;
}

function loadCatalogue(): { registry?: Registry; error?: string } {
  try {
    return { registry: loadRegistry(codeRules) };
  } catch (e) {
    return { error: `invalid rule catalogue: ${(e as Error).message}` };
  }
}

/** Reads dependency manifests for version facts; unreadable or huge ones are simply left out. */
function readDependencyFiles(files: readonly string[], maxBytes: number): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  for (const f of files) {
    try {
      if (fs.statSync(f).size <= maxBytes) out.push({ path: f, text: fs.readFileSync(f, 'utf8') });
    } catch {
      // a manifest we cannot read only costs version precision
    }
  }
  return out;
}

/**
 * Analyses `files` (results in their order), taking unchanged files from the scan cache unless
 * --no-cache, and storing the fresh results for the next scan.
 */
async function analyzeWithCache(files: readonly string[], ctx: EngineContext, root: string, opts: ScanOptions): Promise<FileAnalysis[]> {
  if (opts.cache === false) return analyzeFiles(files, ctx);
  const cache = measure('main:cache-open', 0, () => ScanCache.open(root, ctx));
  const out = new Array<FileAnalysis>(files.length);
  const todo: number[] = [];
  measure('main:cache-lookup', 0, () =>
    files.forEach((f, i) => {
      const hit = cache.lookup(f);
      if (hit) out[i] = hit;
      else todo.push(i);
    }),
  );
  addStat('cache:hit', 0, 0, cache.hits);
  addStat('cache:miss', 0, 0, todo.length);
  const hashes: (string | undefined)[] = [];
  const fresh = await analyzeFiles(todo.map((i) => files[i]), ctx, { hashes });
  fresh.forEach((a, j) => {
    out[todo[j]] = a;
    // In-process results still have their text: compact them as a worker would, secrets attached, so storable() sees them.
    const compact = 'located' in a ? (a as LocatedAnalysis) : withSecrets({ registry: ctx.registry, ruleLevels: ctx.settings.rules }, a, compactAnalysis(a, hasIncludes(a.file.target)));
    cache.record(files[todo[j]], compact, hashes[j], ctx);
  });
  const err = measure('main:cache-save', 0, () => cache.save());
  // A cache that cannot be written only makes the next scan slower: say so when asked for detail.
  if (err && opts.verbose) process.stderr.write(`mlsec: note: ${err}\n`);
  return out;
}

/** Runs a scan. Never throws for user errors: those come back as `{ ok: false }`. */
export async function runScan(opts: ScanOptions, cwd = process.cwd()): Promise<ScanOutcome> {
  const missing = opts.paths.filter((p) => !fs.existsSync(path.resolve(cwd, p)));
  if (missing.length) return { ok: false, error: `path not found: ${missing.join(', ')}`, warnings: [] };
  const root = scanRoot(opts.paths, cwd);
  const config = resolveConfig(root, { ...opts, config: opts.config && path.resolve(cwd, opts.config), pythonPath: opts.pythonPath && path.resolve(cwd, opts.pythonPath) });
  if (config.error) return { ok: false, error: config.error, warnings: config.warnings };
  const catalogue = loadCatalogue();
  if (!catalogue.registry) return { ok: false, error: catalogue.error!, warnings: config.warnings };
  const registry = catalogue.registry;
  const settings = applyCategorySwitches(config.settings, registry.cards);
  const warnings = [...config.warnings, ...unknownRuleWarnings(settings, new Set(registry.byId.keys()), config.file)];
  const extraProblems: ScanProblem[] = [];
  let analyses: FileAnalysis[] = [];
  if (!settings.enable) {
    warnings.push(`${config.file ?? 'settings'}: enable is false; nothing scanned`);
  } else {
    const walked = measure('main:walk', 0, () => walk(opts.paths.map((p) => path.resolve(cwd, p)), { root, include: settings.include, exclude: settings.exclude, gitignore: opts.gitignore }));
    for (const s of walked.skipped) extraProblems.push({ kind: 'skipped', message: s.reason, path: s.path });
    // Manifests at the root count even when only a subdirectory is scanned (`mlsec scan src`).
    const rootDeps = fs.readdirSync(root).map((n) => path.join(root, n)).filter((p) => isDependencyFile(p) && fs.statSync(p).isFile());
    const depFiles = [...new Set([...walked.dependencyFiles, ...rootDeps])].sort();
    const facts = measure('main:facts', 0, () => factsFromFiles(readDependencyFiles(depFiles, settings.maxFileSize)));
    // --python-path (never the config file): installed versions for pinning fixes (read from disk, never run).
    const installed = settings.pythonPath ? readInstalledEnvironment(path.resolve(root, settings.pythonPath)) : undefined;
    if (installed) facts.installed = installed;
    const ctx: EngineContext = { registry, settings, facts };
    analyses = await measureAsync('main:analyse', 0, () => analyzeWithCache(walked.files, ctx, root, opts));
    // Files pulled in with `-r`/`-c` whose names the walk does not recognise (deps/base.pip).
    await initEngine();
    analyses.push(...(await measureAsync('main:includes', 0, () => followIncludes(analyses, root, (f, o) => analyzePath(f, ctx, o), walked.realPaths))));
  }
  // Config warnings travel with the report so JSON and SARIF carry them too.
  extraProblems.unshift(...warnings.map((message): ScanProblem => ({ kind: 'config-error', message })));
  const report: ScanReport = { registry, root, analyses, minSeverity: opts.minSeverity, extraProblems, ruleLevels: settings.rules };
  // Baselines: record every current finding, then drop the accepted ones before writers and the exit code see them.
  if (opts.writeBaseline) {
    const err = writeBaseline(report, path.resolve(cwd, opts.writeBaseline));
    if (err) return { ok: false, error: err, warnings };
  }
  // --baseline wins over the config file's `baseline` (already resolved against the scan root).
  const baselineFile = opts.baseline ? path.resolve(cwd, opts.baseline) : settings.baseline;
  if (baselineFile) {
    const { baseline, error } = readBaseline(baselineFile);
    if (!baseline) return { ok: false, error: error!, warnings };
    const { warning } = applyBaseline(report, baseline, path.relative(cwd, baselineFile) || baselineFile);
    if (warning) {
      warnings.push(warning);
      (report.extraProblems as ScanProblem[]).push({ kind: 'config-error', message: warning });
    }
  }
  return { ok: true, report, warnings, exitCode: exitCodeOf(report, opts), configFile: config.file };
}

/** 1 when a finding is at or above --min-severity (0 with --exit-zero); 2 under --strict when a rule failed or a file did not parse; else 0. */
export function exitCodeOf(report: ScanReport, opts: Pick<ScanOptions, 'minSeverity' | 'strict' | 'exitZero'>): 0 | 1 | 2 {
  if (opts.strict && report.analyses.some((a) => a.problems.some((p) => p.kind === 'rule-error' || p.kind === 'parse-error'))) return 2;
  if (opts.exitZero) return 0;
  const min = SEVERITY_RANK[opts.minSeverity];
  return report.analyses.some((a) => a.findings.some((f) => SEVERITY_RANK[f.severity] >= min)) ? 1 : 0;
}
