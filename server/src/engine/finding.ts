// Plain data types for what analysis produces (findings, fixes, edits, recorded problems) and moving them by an offset.

/** How loud a finding is, in LSP/SARIF terms. */
export type Severity = 'error' | 'warning' | 'note';

/** Ordering used by --min-severity and severity filters. */
export const SEVERITY_RANK: Record<Severity, number> = { note: 0, warning: 1, error: 2 };

/** A half-open character range [start, end) in a source file's text (UTF-16 code units). */
export interface OffsetRange {
  start: number;
  end: number;
}

/** A 0-based line/character position (UTF-16 code units), as in LSP. */
export interface Position {
  line: number;
  character: number;
}

/** A range of positions, as in LSP. */
export interface Range {
  start: Position;
  end: Position;
}

/** Replace the text in `range` (offsets into the analysed text) with `newText`. */
export interface TextEdit {
  range: OffsetRange;
  newText: string;
}

/** A fix: edits that together remove the hazard. `safe` fixes are applied by fix-all. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe to apply without review (keeps behaviour apart from removing the hazard). */
  safe: boolean;
  /**
   * Set on fixes completed by an online lookup of this key (`image:<ref>`, `pypi:<name>`, ...):
   * their edits hold slots the editor fills only when the user picks the fix (mlsec.network.enabled).
   * Writers of reports leave them out, since their edits are not final.
   */
  lookup?: string;
}

/** Where in a notebook a finding sits (cell index counts all cells, 0-based). */
export interface CellLocation {
  cell: number;
  cellPart: 'source' | 'output';
}

/** One result of one rule. Offsets refer to the text the rule analysed. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: OffsetRange;
  fixes: Fix[];
  /** Set on notebook findings. */
  cell?: CellLocation;
  /** Rule-specific extra facts (e.g. the pickle globals found), shown in hovers and SARIF properties. */
  properties?: Record<string, unknown>;
}

/** Something that went wrong while analysing: a parse error, a skipped file, a rule that threw. */
export interface Problem {
  kind: 'parse-error' | 'skipped' | 'rule-error' | 'config-error' | 'unused-suppression';
  message: string;
  ruleId?: string;
  range?: OffsetRange;
}

/** The output of analysing one file. */
export interface AnalysisResult {
  findings: Finding[];
  problems: Problem[];
}

/** A finding (or raw finding) moved by `by` characters: its range and its fixes' edits. Unchanged when `by` is 0. */
export function shiftFinding<T extends { range: OffsetRange; fixes?: Fix[] }>(f: T, by: number): T {
  if (by === 0) return f;
  const shift = (r: OffsetRange) => ({ start: r.start + by, end: r.end + by });
  return { ...f, range: shift(f.range), fixes: f.fixes?.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, range: shift(e.range) })) })) };
}
