// Baselines: accepted findings recorded by rule, path, line and line fingerprint (never the source or a secret), filtered from later scans.
import * as fs from 'fs';
import type { FileAnalysis } from '../engine/analyze';
import type { Finding } from '../engine/finding';
import { lineFingerprint, numberFingerprints } from '../output/fingerprint';
import { locate } from '../output/locate';
import { relPath, type ScanReport, sortedAnalyses } from '../output/report';
import { secretSpansOnLine } from '../output/secret-spans';

/** One accepted finding. `fingerprint` is the SARIF partial fingerprint (secret spans blanked before hashing). */
export interface BaselineEntry {
  ruleId: string;
  path: string;
  /** 1-based line (the cell's line for notebooks); informative only, matching uses the fingerprint. */
  line: number;
  cell?: number;
  fingerprint: string;
}

/** The baseline file. */
export interface Baseline {
  version: 1;
  tool: 'mlsec';
  findings: BaselineEntry[];
}

/** Every finding of the report with its baseline entry (fingerprints numbered per file, as in SARIF). */
export function baselineEntries(report: ScanReport): { analysis: FileAnalysis; finding: Finding; entry: BaselineEntry }[] {
  const out: { analysis: FileAnalysis; finding: Finding; entry: BaselineEntry }[] = [];
  for (const analysis of sortedAnalyses(report)) {
    const rel = relPath(report.root, analysis.file.path);
    const items = analysis.findings.map((finding) => {
      const loc = locate(analysis, finding.range, finding.cell);
      return { finding, loc, hash: lineFingerprint(finding.ruleId, rel, loc.lineText, secretSpansOnLine(report, analysis, finding, loc)) };
    });
    const numbered = numberFingerprints(items.map((i) => i.hash));
    items.forEach((i, n) => {
      const entry: BaselineEntry = { ruleId: i.finding.ruleId, path: rel, line: i.loc.cell ? i.loc.cell.line : i.loc.line, fingerprint: numbered[n] };
      if (i.loc.cell) entry.cell = i.loc.cell.index;
      out.push({ analysis, finding: i.finding, entry });
    });
  }
  return out;
}

/** Writes the report's findings as a baseline file. Returns an error message instead of throwing. */
export function writeBaseline(report: ScanReport, file: string): string | undefined {
  const baseline: Baseline = { version: 1, tool: 'mlsec', findings: baselineEntries(report).map((x) => x.entry) };
  try {
    fs.writeFileSync(file, `${JSON.stringify(baseline, null, 2)}\n`);
    return undefined;
  } catch (e) {
    return `cannot write baseline ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
  }
}

/** Reads a baseline file; a missing or malformed file is an error message. */
export function readBaseline(file: string): { baseline?: Baseline; error?: string } {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    return { error: `cannot read baseline ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  const b = data as Partial<Baseline>;
  if (!b || typeof b !== 'object' || !Array.isArray(b.findings) || !b.findings.every((f) => f && typeof f.ruleId === 'string' && typeof f.path === 'string' && typeof f.fingerprint === 'string')) {
    return { error: `${file} is not an mlsec baseline (expected {"findings": [{ruleId, path, fingerprint}]})` };
  }
  return { baseline: b as Baseline };
}

const key = (e: Pick<BaselineEntry, 'ruleId' | 'path' | 'fingerprint'>) => `${e.ruleId}\0${e.path}\0${e.fingerprint}`;

/** Removes the report's findings that the baseline accepts (in place); returns how many were removed. */
export function applyBaseline(report: ScanReport, baseline: Baseline): number {
  const accepted = new Set(baseline.findings.map(key));
  const drop = new Set(baselineEntries(report).filter((x) => accepted.has(key(x.entry))).map((x) => x.finding));
  if (drop.size === 0) return 0;
  for (const a of report.analyses) (a as { findings: Finding[] }).findings = a.findings.filter((f) => !drop.has(f));
  return drop.size;
}
