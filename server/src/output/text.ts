// Human-readable report, ruff style: `path:line:col: rule-id [severity] message`, the source line with a caret underline, a summary.
import type { Problem, Severity } from '../engine/finding';
import { locate, type Location } from './locate';
import { scanRedactor, secretSpansOnLine } from './secret-spans';
import { Redactor } from './redaction';
import { relPath, reportedFindings, type ReportedFinding, type ScanReport, sortedAnalyses, detailedSummary, type Summary } from './report';

/** How to render. */
export interface TextOptions {
  /** ANSI colours (only when writing to a terminal). */
  color?: boolean;
  /** List every skipped file with its reason. */
  verbose?: boolean;
  /** Findings only: no summary line, no notes. */
  quiet?: boolean;
}

/** The rendered report (stdout or --output) and the problem lines (stderr), kept apart so they never mix. */
export interface TextOutput {
  report: string;
  problems: string;
}

const ANSI = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', red: '\x1b[31m', yellow: '\x1b[33m', cyan: '\x1b[36m' };
const SEVERITY_COLOR: Record<Severity, string> = { error: ANSI.red, warning: ANSI.yellow, note: ANSI.cyan };
const MAX_LINE = 160;
const TAB = '    ';
const NO_VALUES = new Redactor();

/** Replaces control characters (a file could embed terminal escape sequences) so output cannot drive the terminal. */
export function sanitize(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\x00-\x08\x0b-\x1f\x7f\x9b]/g, '?');
}

/** The `path:line:col` prefix; notebooks read `nb.ipynb:cell 3:2:5` with a 1-based cell number and a line inside the cell. */
export function formatLocation(path: string, loc: Location, isModel: boolean): string {
  if (isModel) return `${path}:1:1`;
  if (loc.cell) return `${path}:cell ${loc.cell.index + 1}${loc.cell.part === 'output' ? ' output' : ''}:${loc.cell.line}:${loc.cell.column}`;
  return `${path}:${loc.line}:${loc.column}`;
}

/**
 * The source line and a caret line under `span`. Tabs are expanded so the carets line up, long
 * lines are cut to a window around the span, and every secret on the line is masked in place
 * (`secretSpans`, every occurrence of a value `redactor` knows, anything secret-shaped).
 */
export function snippet(lineNo: number, text: string, span: { start: number; end: number }, opts: { color?: boolean; redactor?: Redactor; secretSpans?: readonly { start: number; end: number }[] } = {}): string {
  let { start, end } = span;
  let from = 0;
  let to = text.length;
  if (text.length > MAX_LINE) {
    from = Math.max(0, Math.min(start - 40, text.length - MAX_LINE));
    to = Math.min(text.length, from + MAX_LINE);
  }
  // Masking happens on the whole line before it is cut, so a secret across the window's edge is masked too.
  let line = (opts.redactor ?? NO_VALUES).line(text, opts.secretSpans ?? [], { start: from, end: to });
  if (from > 0 || to < line.length) {
    line = (from > 0 ? '…' : '') + line.slice(from, to) + (to < line.length ? '…' : '');
    const shift = from - (from > 0 ? 1 : 0);
    start -= shift;
    end = Math.min(end - shift, line.length);
  }
  const before = line.slice(0, start).replace(/\t/g, TAB);
  const marked = line.slice(start, Math.max(end, start)).replace(/\t/g, TAB);
  const shown = sanitize(line.replace(/\t/g, TAB));
  const gutter = String(lineNo);
  const pad = ' '.repeat(gutter.length);
  const paint = (s: string, c: string) => (opts.color ? `${c}${s}${ANSI.reset}` : s);
  const carets = '^'.repeat(Math.max(1, marked.length));
  return [`${pad} ${paint('|', ANSI.dim)}`, `${paint(gutter, ANSI.dim)} ${paint('|', ANSI.dim)} ${shown}`, `${pad} ${paint('|', ANSI.dim)} ${' '.repeat(before.length)}${paint(carets, ANSI.bold)}`].join('\n');
}

function formatFinding(r: ScanReport, item: ReportedFinding, color: boolean): string {
  const { analysis, finding } = item;
  const loc = locate(analysis, finding.range, finding.cell);
  const isModel = analysis.file.target === 'model';
  const where = formatLocation(item.path, loc, isModel);
  const redactor = scanRedactor(r);
  const sev = color ? `${SEVERITY_COLOR[finding.severity]}${finding.severity}${ANSI.reset}` : finding.severity;
  const rule = color ? `${ANSI.bold}${finding.ruleId}${ANSI.reset}` : finding.ruleId;
  const head = `${color ? `${ANSI.bold}${where}${ANSI.reset}` : where}: ${rule} [${sev}] ${sanitize(redactor.text(finding.message))}`;
  if (isModel || loc.lineText === '') return head;
  const category = r.registry.byId.get(finding.ruleId)?.category;
  // A line holding personal data usually holds more of it (a CSV row, a printed record): never echo it.
  if (category === 'privacy') return head;
  const lineNo = loc.cell ? loc.cell.line : loc.line;
  // Every secret on the printed line is masked, whatever the finding's category: a supply-chain finding on a URL with a password, two keys on one line.
  return `${head}\n${snippet(lineNo, loc.lineText, loc.span, { color, redactor, secretSpans: secretSpansOnLine(r, analysis, finding, loc) })}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const severities = (c: Record<Severity, number>) => (['error', 'warning', 'note'] as const).filter((k) => c[k] > 0).map((k) => plural(c[k], k)).join(', ');

/** The summary line, e.g. `Found 3 findings (1 error, 2 warnings) in 2 of 12 files; 1 file skipped.` */
export function formatSummary(s: Summary): string {
  const total = s.findings.error + s.findings.warning + s.findings.note;
  const where = s.filesWithFindings === undefined || s.filesWithFindings === s.files ? plural(s.files, 'file') : `${s.filesWithFindings} of ${plural(s.files, 'file')}`;
  const head = total === 0 ? `No findings in ${plural(s.files, 'file')}` : `Found ${plural(total, 'finding')} (${severities(s.findings)}) in ${where}`;
  const unparsed = s.unparsed ? `; ${plural(s.unparsed, 'file')} could not be parsed completely (findings there may be missing)` : '';
  return `${head}${s.skipped ? `; ${plural(s.skipped, 'file')} skipped` : ''}${unparsed}.`;
}

/** One line per category, most severe first (`  deserialization: 2 errors, 1 warning`), when findings span 2+ categories. */
export function formatCategoryTotals(s: Summary): string[] {
  const cats = s.categories ?? [];
  if (cats.length < 2) return [];
  const width = Math.max(0, ...cats.map((c) => c.category.length));
  return cats.map((c) => `  ${`${c.category}:`.padEnd(width + 1)} ${severities(c)}`);
}

const PROBLEM_LABEL: Record<Problem['kind'], string> = {
  'rule-error': 'error',
  'parse-error': 'warning',
  'config-error': 'warning',
  'unused-suppression': 'note',
  skipped: 'note',
};

/** Problem lines for stderr: always rule errors, parse errors and unused suppressions; skips of files we would have analysed; walker skips with --verbose. */
function formatProblems(r: ScanReport, opts: TextOptions): string[] {
  const out: string[] = [];
  for (const a of sortedAnalyses(r)) {
    const p = relPath(r.root, a.file.path);
    for (const prob of a.problems) {
      const boring = prob.kind === 'skipped' && /not a file type/.test(prob.message);
      if (opts.quiet && prob.kind !== 'rule-error') continue;
      if (boring && !opts.verbose) continue;
      let where = p;
      if (prob.range && a.file.target !== 'model') {
        const loc = locate(a, prob.range);
        where = formatLocation(p, loc, false);
      }
      out.push(`${PROBLEM_LABEL[prob.kind]}: ${where}: ${sanitize(scanRedactor(r).text(prob.message))}${prob.kind === 'skipped' ? ' (skipped)' : ''}`);
    }
  }
  for (const prob of r.extraProblems ?? []) {
    if ((opts.quiet && prob.kind !== 'config-error') || (prob.kind === 'skipped' && !opts.verbose)) continue;
    out.push(`${PROBLEM_LABEL[prob.kind]}: ${prob.path ? `${relPath(r.root, prob.path)}: ` : ''}${sanitize(scanRedactor(r).text(prob.message))}`);
  }
  return out;
}

/** Renders the text report. Findings are sorted by path and position; problems are returned separately. */
export function formatText(r: ScanReport, opts: TextOptions = {}): TextOutput {
  const color = opts.color ?? false;
  const findings = reportedFindings(r);
  const blocks = findings.map((f) => formatFinding(r, f, color));
  const lines = blocks.length ? [blocks.join('\n\n'), ''] : [];
  if (!opts.quiet) {
    const s = detailedSummary(r, findings);
    lines.push(formatSummary(s), ...formatCategoryTotals(s));
  }
  const problems = formatProblems(r, opts);
  return { report: lines.length ? `${lines.join('\n')}\n` : '', problems: problems.length ? `${problems.join('\n')}\n` : '' };
}
