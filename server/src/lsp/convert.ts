// Converts engine findings and problems (offset ranges) into LSP diagnostics carrying their fixes in `data`.
import { type Diagnostic, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver/node';
import type { Finding, OffsetRange, Problem, Severity, TextEdit } from '../engine/finding';
import { rangeOf } from '../engine/source-file';
import { suppressionEdit } from '../engine/suppressions';
import { type DiagnosticData, type LspTextEdit } from '../shared/protocol';
import { ruleDocsHref } from './docs-location';

/** Text with its line table: enough to turn offsets into positions. */
export interface LineMap {
  text: string;
  lineStarts: readonly number[];
}

/** How an "ignore on this line" comment is written: Python source, inside .ipynb JSON strings, or not at all. */
export type IgnoreStyle = 'python' | 'ipynb-json' | 'line-above' | 'none';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  note: DiagnosticSeverity.Information,
};

/** The reason placeholder of an inserted ignore comment (a snippet tab stop where the client supports snippet edits). */
export const IGNORE_REASON = 'reviewed: <why this is safe>';

/** Offset edit → LSP edit in `file`. */
export function lspEdit(file: LineMap, e: TextEdit): LspTextEdit {
  return { range: rangeOf(file, e.range), newText: e.newText };
}

/**
 * In .ipynb JSON the comment must go inside the cell's source string: before the line's `\n`
 * escape or the closing quote, JSON-escaped, so the file stays valid JSON.
 */
export function jsonIgnoreEdit(text: string, offset: number, ruleId: string): TextEdit | undefined {
  for (let i = offset; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      if (text[i + 1] !== 'n') {
        i++;
        continue;
      }
    } else if (c !== '"') continue;
    return { range: { start: i, end: i }, newText: JSON.stringify(`  # mlsec: ignore[${ruleId}] ${IGNORE_REASON}`).slice(1, -1) };
  }
  return undefined;
}

function ignoreEdit(file: LineMap, f: Finding, style: IgnoreStyle): TextEdit | undefined {
  if (style === 'python') return suppressionEdit(file.text, f.range.start, f.ruleId, IGNORE_REASON);
  if (style === 'ipynb-json') return jsonIgnoreEdit(file.text, f.range.start, f.ruleId);
  if (style === 'line-above') {
    // Dockerfiles have no trailing comments: the suppression goes on its own line above, same indentation.
    const lineStart = file.text.lastIndexOf('\n', f.range.start - 1) + 1;
    const indent = /^[ \t]*/.exec(file.text.slice(lineStart))![0];
    return { range: { start: lineStart, end: lineStart }, newText: `${indent}# mlsec: ignore[${f.ruleId}] ${IGNORE_REASON}\n` };
  }
  return undefined;
}

/** One finding as a diagnostic: code = rule id, docs link, fixes and the ignore edit in `data`. */
export function findingDiagnostic(f: Finding, file: LineMap, style: IgnoreStyle): Diagnostic {
  const ignore = ignoreEdit(file, f, style);
  const data: DiagnosticData = {
    ruleId: f.ruleId,
    fixes: f.fixes.map((fix) => ({ title: fix.title, safe: fix.safe, edits: fix.edits.map((e) => lspEdit(file, e)), ...(fix.lookup ? { lookup: fix.lookup } : {}) })),
    ignore: ignore && lspEdit(file, ignore),
  };
  return {
    range: rangeOf(file, f.range),
    severity: SEVERITY[f.severity] ?? DiagnosticSeverity.Warning,
    code: f.ruleId,
    codeDescription: { href: ruleDocsHref(f.ruleId) },
    source: 'mlsec',
    message: f.message,
    data,
  };
}

const PROBLEM_SEVERITY: Record<Problem['kind'], DiagnosticSeverity> = {
  // The Python extension already reports syntax errors; ours only says analysis may be incomplete there.
  'parse-error': DiagnosticSeverity.Hint,
  skipped: DiagnosticSeverity.Information,
  'rule-error': DiagnosticSeverity.Warning,
  'config-error': DiagnosticSeverity.Warning,
  'unused-suppression': DiagnosticSeverity.Hint,
};

/** A recorded problem as a diagnostic (no `data`, so it offers no code actions). */
export function problemDiagnostic(p: Problem, file: LineMap, fileLevelParseError = false): Diagnostic {
  const range: OffsetRange = p.range ?? { start: 0, end: 0 };
  const severity = fileLevelParseError && p.kind === 'parse-error' ? DiagnosticSeverity.Warning : PROBLEM_SEVERITY[p.kind] ?? DiagnosticSeverity.Information;
  const message = p.kind === 'parse-error' ? `mlsec could not parse this (${p.message}); findings here may be missing` : p.message;
  return {
    range: rangeOf(file, range),
    severity,
    code: p.ruleId ?? p.kind,
    source: 'mlsec',
    message,
    tags: p.kind === 'unused-suppression' ? [DiagnosticTag.Unnecessary] : undefined,
  };
}

/** All diagnostics for one file's findings and problems. */
export function toDiagnostics(result: { findings: Finding[]; problems: Problem[] }, file: LineMap, style: IgnoreStyle): Diagnostic[] {
  const fileLevel = style === 'ipynb-json';
  return [...result.findings.map((f) => findingDiagnostic(f, file, style)), ...result.problems.map((p) => problemDiagnostic(p, file, fileLevel && !p.range))];
}
