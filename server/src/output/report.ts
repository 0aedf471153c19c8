// What every writer shares: the scan's inputs, relative paths, the findings that pass the threshold, problems and counts.
import * as path from 'path';
import type { FileAnalysis } from '../engine/analyze';
import { type Finding, type Problem, type Severity, SEVERITY_RANK } from '../engine/finding';
import type { Registry } from '../engine/registry';

/** A problem found outside file analysis (a walker skip, a missing path, a config warning). */
export interface ScanProblem {
  kind: Problem['kind'];
  message: string;
  /** Absolute path, when the problem belongs to one. */
  path?: string;
}

/** Everything a writer needs about one scan. Pure data: writers never touch the disk. */
export interface ScanReport {
  registry: Registry;
  /** Absolute directory that paths and SARIF URIs are relative to. */
  root: string;
  /** One analysis per file, in any order (writers sort). */
  analyses: readonly FileAnalysis[];
  /** Findings below this severity are left out (default: note, i.e. everything). */
  minSeverity?: Severity;
  /** Problems that are not attached to an analysis. */
  extraProblems?: readonly ScanProblem[];
  /** Per-rule levels from settings; rules set to 'off' are left out of SARIF's rule list. */
  ruleLevels?: Record<string, string>;
}

/** A finding that passes the threshold, with its file and relative path. */
export interface ReportedFinding {
  analysis: FileAnalysis;
  finding: Finding;
  path: string;
}

/** Counts for the summary line. */
export interface Summary {
  /** Files analysed (not skipped). */
  files: number;
  /** Files given to the engine but not analysed (too large, unreadable, binary, unsupported). Walker skips are not counted. */
  skipped: number;
  findings: Record<Severity, number>;
  /** Files with at least one reported finding. */
  filesWithFindings?: number;
  /** Reported findings per category, most severe first (most errors, then warnings, then notes). */
  categories?: ({ category: string } & Record<Severity, number>)[];
  /** Analysed files that did not parse completely (one parse problem each; findings there may be missing). Present when not 0. */
  unparsed?: number;
}

/** `p` relative to `root` with `/` separators (absolute if it lies outside root). */
export function relPath(root: string, p: string): string {
  // Writers ask for the same paths many times (sorting, every finding and problem): remember them, bounded.
  const key = `${root}\0${p}`;
  let r = relMemo.get(key);
  if (r === undefined) {
    if (relMemo.size >= 50_000) relMemo.clear();
    relMemo.set(key, (r = computeRelPath(root, p)));
  }
  return r;
}
const relMemo = new Map<string, string>();

function computeRelPath(root: string, p: string): string {
  const rel = path.relative(root, path.resolve(root, p));
  if (rel === '') return path.basename(p);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return path.resolve(p).split(path.sep).join('/');
  return rel.split(path.sep).join('/');
}

/** True when the file was not analysed (its problems include a skip). */
export function isSkipped(a: FileAnalysis): boolean {
  return a.problems.some((p) => p.kind === 'skipped');
}

/** Analyses sorted by relative path, so every writer's output order is stable. */
export function sortedAnalyses(r: ScanReport): FileAnalysis[] {
  // Each relative path once, not twice per comparison: a large scan sorts thousands of analyses.
  const keyed = r.analyses.map((a) => ({ a, p: relPath(r.root, a.file.path) }));
  keyed.sort((x, y) => (x.p < y.p ? -1 : x.p > y.p ? 1 : 0));
  return keyed.map((k) => k.a);
}

/** Findings at or above the threshold, sorted by path, position, then rule id. */
export function reportedFindings(r: ScanReport): ReportedFinding[] {
  const min = SEVERITY_RANK[r.minSeverity ?? 'note'];
  const out: ReportedFinding[] = [];
  for (const analysis of sortedAnalyses(r)) {
    const p = relPath(r.root, analysis.file.path);
    const sorted = [...analysis.findings].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
    for (const finding of sorted) if (SEVERITY_RANK[finding.severity] >= min) out.push({ analysis, finding, path: p });
  }
  return out;
}

/** Counts reported findings by severity, analysed files and skipped files. */
export function summarize(r: ScanReport, findings: readonly ReportedFinding[] = reportedFindings(r)): Summary {
  const counts: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  for (const f of findings) counts[f.finding.severity]++;
  const skipped = r.analyses.filter(isSkipped).length;
  const unparsed = r.analyses.filter((a) => !isSkipped(a) && a.problems.some((p) => p.kind === 'parse-error')).length;
  return { files: r.analyses.length - skipped, skipped, findings: counts, ...(unparsed ? { unparsed } : {}) };
}

/** summarize() plus the files with findings and the per-category totals (the text summary; JSON keeps its documented shape). */
export function detailedSummary(r: ScanReport, findings: readonly ReportedFinding[] = reportedFindings(r)): Summary & Required<Pick<Summary, 'filesWithFindings' | 'categories'>> {
  const byCategory = new Map<string, Record<Severity, number>>();
  const withFindings = new Set<string>();
  for (const f of findings) {
    withFindings.add(f.analysis.file.path);
    const category = categoryOf(r, f.finding.ruleId) ?? 'other';
    let c = byCategory.get(category);
    if (!c) byCategory.set(category, (c = { error: 0, warning: 0, note: 0 }));
    c[f.finding.severity]++;
  }
  const categories = [...byCategory].map(([category, c]) => ({ category, ...c }));
  categories.sort((a, b) => b.error - a.error || b.warning - a.warning || b.note - a.note || a.category.localeCompare(b.category));
  return { ...summarize(r, findings), filesWithFindings: withFindings.size, categories };
}

/** The category of a rule (undefined for ids the catalogue does not know). */
export function categoryOf(r: ScanReport, ruleId: string): string | undefined {
  return r.registry.byId.get(ruleId)?.category;
}
