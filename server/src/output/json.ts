// Machine-readable JSON report with a stable, versioned shape (documented on JsonReport).
import type { Problem, Severity } from '../engine/finding';
import { fileRegion, locate, type Region } from './locate';
import { relPath, reportedFindings, type ScanReport, sortedAnalyses, summarize, type Summary } from './report';
import { printableFixes } from './redaction';
import { scanRedactor } from './secret-spans';
import { mlsecVersion } from './version';

/** Bumped when a field changes meaning or disappears (adding fields does not bump it). */
export const JSON_REPORT_VERSION = 1;

/**
 * One finding. Positions are 1-based, columns in UTF-16 code units, end exclusive, and address the
 * file itself (for .ipynb: the JSON text). Notebook findings add `cell` (0-based, counting all
 * cells), `cellPart` and the position inside the cell (`cellLine`, `cellColumn`); others have nulls.
 */
export interface JsonFinding extends Region {
  path: string;
  ruleId: string;
  category: string | null;
  severity: Severity;
  message: string;
  cell: number | null;
  cellPart: 'source' | 'output' | null;
  cellLine: number | null;
  cellColumn: number | null;
  /** Edits are in file positions, like the finding. */
  fixes: { title: string; safe: boolean; edits: (Region & { newText: string })[] }[];
  properties: Record<string, unknown>;
}

/** Something that went wrong: a parse error, a skipped file, a failed rule, a config warning, an unused suppression. */
export interface JsonProblem {
  kind: Problem['kind'];
  message: string;
  path: string | null;
  line: number | null;
  column: number | null;
  ruleId: string | null;
}

/** The whole document written by `--format json`. */
export interface JsonReport {
  version: typeof JSON_REPORT_VERSION;
  tool: { name: 'mlsec'; version: string };
  /** The directory paths are relative to (absolute). */
  root: string;
  findings: JsonFinding[];
  problems: JsonProblem[];
  summary: Summary;
}

/** Builds the JSON report object (serialise with JSON.stringify). */
export function buildJsonReport(r: ScanReport, toolVersion = mlsecVersion()): JsonReport {
  const reported = reportedFindings(r);
  const findings: JsonFinding[] = reported.map(({ analysis, finding, path }) => {
    const loc = locate(analysis, finding.range, finding.cell);
    const model = analysis.file.target === 'model';
    // Every printed string goes through the file's redactor: messages of any category may quote workspace text.
    const redact = scanRedactor(r);
    const region: Region = model ? { line: 1, column: 1, endLine: 1, endColumn: 1 } : { line: loc.line, column: loc.column, endLine: loc.endLine, endColumn: loc.endColumn };
    return {
      path,
      ...region,
      ruleId: finding.ruleId,
      category: r.registry.byId.get(finding.ruleId)?.category ?? null,
      severity: finding.severity,
      message: redact.text(finding.message),
      cell: loc.cell?.index ?? null,
      cellPart: loc.cell?.part ?? null,
      cellLine: loc.cell?.line ?? null,
      cellColumn: loc.cell?.column ?? null,
      fixes: model ? [] : printableFixes(redact, finding.fixes.filter((fx) => !fx.lookup)).map((fx) => ({ title: redact.text(fx.title), safe: fx.safe, edits: fx.edits.map((e) => ({ ...fileRegion(analysis, e.range), newText: e.newText })) })),
      properties: redact.deep(finding.properties ?? {}),
    };
  });
  const problems: JsonProblem[] = [];
  for (const a of sortedAnalyses(r)) {
    for (const p of a.problems) {
      const region = p.range && a.file.target !== 'model' ? fileRegion(a, p.range) : undefined;
      problems.push({ kind: p.kind, message: scanRedactor(r).text(p.message), path: relPath(r.root, a.file.path), line: region?.line ?? null, column: region?.column ?? null, ruleId: p.ruleId ?? null });
    }
  }
  for (const p of r.extraProblems ?? []) problems.push({ kind: p.kind, message: scanRedactor(r).text(p.message), path: p.path ? relPath(r.root, p.path) : null, line: null, column: null, ruleId: null });
  return { version: JSON_REPORT_VERSION, tool: { name: 'mlsec', version: toolVersion }, root: r.root, findings, problems, summary: summarize(r, reported) };
}
