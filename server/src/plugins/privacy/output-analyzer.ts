// Notebook outputs: PII in stream text, text/plain, HTML tables and JSON, one finding per output and entity type.
import type { OutputText } from '../../parsers/notebook-json';
import type { AnalyzerContext, OutputAnalyzer, RawFinding } from '../../engine/plugin';
import type { PiiMatch } from './entities';
import { labelledEntity } from './labels';
import { scanOptions, scanText, type ScanOptions } from './scan-text';
import { describe, summarize } from './summarize';
import { withRoleSeverity } from './role';

/** The rule id of notebook-output findings. */
export const OUTPUT_RULE = 'pii-in-notebook-output';

// Colour codes in tracebacks (ESC [ ... m), blanked to same-length spaces; built from a char code to keep the regex free of control characters.
const ANSI_ESCAPE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

const SCANNED_KINDS = new Set(['stream', 'text/plain', 'text/html', 'application/json', 'text/markdown', 'traceback']);

/** Tags replaced by spaces of the same length, so offsets still point into the output text. */
function blankTags(html: string): string {
  // `[^<>]`: an unclosed `<` ends at the next `<`, so a run of `<` is read once, not once per `<`.
  return html.replace(/<[^<>]*>/g, (t) => ' '.repeat(t.length)).replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (e) => ' '.repeat(e.length));
}

/** One element's content: its tag name (lower case) and the offsets of the text between its tags. */
interface Element {
  tag: string;
  start: number;
  end: number;
}

/**
 * Elements of `html` whose opening tag matches `open` (`<tr ...>`, tag name in group 1) up to the first
 * closing tag matching `close`, in one pass over the tags (opening tags inside an open element are content, as with a lazy match). A
 * lazy `<tr>([\s\S]*?)</tr>` regex re-read the rest of the text from every unclosed `<tr>`: quadratic.
 */
function elements(html: string, open: RegExp, close: RegExp): Element[] {
  const out: Element[] = [];
  const tags = new RegExp(`${open.source}|${close.source}`, 'gi');
  let current: { tag: string; start: number } | undefined;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    const isClose = m[0][1] === '/';
    if (!current && !isClose) current = { tag: m[1].toLowerCase(), start: m.index + m[0].length };
    else if (current && isClose) {
      out.push({ tag: current.tag, start: current.start, end: m.index });
      current = undefined;
    }
  }
  return out;
}

/** HTML table cells under a labelled header (`<th>full_name</th>`): names, birth dates and addresses need their column. */
function htmlTableCells(html: string, opts: ScanOptions): PiiMatch[] {
  const out: PiiMatch[] = [];
  const rows = elements(html, /<(tr)[^<>]*>/, /<\/tr>/);
  let header: string[] | undefined;
  for (const row of rows) {
    // Cells are searched in the row's own text, so a row without cells never reads past its end.
    const cells = elements(html.slice(row.start, row.end), /<(t[hd])[^<>]*>/, /<\/t[hd]>/).map((c) => ({ ...c, start: c.start + row.start, end: c.end + row.start }));
    if (!header) {
      if (cells.length && cells.every((c) => c.tag === 'th')) header = cells.map((c) => html.slice(c.start, c.end).replace(/<[^<>]*>/g, '').trim());
      continue;
    }
    cells.forEach((c, i) => {
      const key = header![i];
      if (!key || c.tag === 'th') return;
      for (const m of scanText(html.slice(c.start, c.end), opts, key)) out.push({ ...m, start: c.start + m.start, end: c.start + m.end });
    });
  }
  return out;
}

/**
 * A pandas DataFrame repr in text/plain: the header line names right-aligned columns and every row
 * starts with its index. Cells under a labelled header (names, birth dates, addresses) are read by
 * the columns' right edges; other PII is found by the free-text scan.
 */
function plainTableCells(text: string, opts: ScanOptions): PiiMatch[] {
  const lines = text.split('\n');
  if (lines.length < 2 || lines[0].length > 2000) return [];
  const headers = [...lines[0].matchAll(/\S+/g)].map((m) => ({ key: m[0], end: (m.index ?? 0) + m[0].length }));
  if (!headers.some((h) => labelledEntity(h.key))) return [];
  const out: PiiMatch[] = [];
  let offset = lines[0].length + 1;
  for (const line of lines.slice(1, 1000)) {
    const lineStart = offset;
    offset += line.length + 1;
    if (!/^\S+\s/.test(line)) continue;
    headers.forEach((h, i) => {
      if (!labelledEntity(h.key)) return;
      const from = i === 0 ? line.indexOf(' ') : headers[i - 1].end;
      const cell = line.slice(from, h.end);
      for (const m of scanText(cell, opts, h.key)) out.push({ ...m, start: lineStart + from + m.start, end: lineStart + from + m.end });
    });
  }
  return out;
}

/** Matches in one output, deduplicated by position. */
export function outputMatches(output: Pick<OutputText, 'kind' | 'text'>, opts: ScanOptions): PiiMatch[] {
  if (!SCANNED_KINDS.has(output.kind)) return [];
  if (output.kind === 'text/plain') {
    const table = plainTableCells(output.text, opts);
    const free = scanText(output.text, opts).filter((m) => !table.some((t) => m.start < t.end && t.start < m.end));
    return [...table, ...free].sort((a, b) => a.start - b.start);
  }
  if (output.kind !== 'text/html') return scanText(output.kind === 'traceback' ? output.text.replace(ANSI_ESCAPE, (s) => ' '.repeat(s.length)) : output.text, opts);
  const table = /<table/i.test(output.text) ? htmlTableCells(output.text, opts) : [];
  const free = scanText(blankTags(output.text), opts).filter((m) => !table.some((t) => m.start < t.end && t.start < m.end));
  return [...table, ...free].sort((a, b) => a.start - b.start);
}

/**
 * Entity types already reported per output, per notebook analysis. One output usually carries the same
 * table as text/plain and text/html: the engine passes one analyser context per notebook, so keying
 * on it keeps "one finding per output and entity type" across an output's MIME types.
 */
const reported = new WeakMap<AnalyzerContext, Map<string, Set<string>>>();

function alreadyReported(ctx: AnalyzerContext, output: OutputText): Set<string> {
  let perOutput = reported.get(ctx);
  if (!perOutput) reported.set(ctx, (perOutput = new Map()));
  // From a file, `output` indexes the cell's outputs (MIME types share it); the editor sends each MIME
  // item as its own output without file pieces, so there the cell is the unit.
  const key = output.pieces.length ? `${output.cell}:${output.output}` : `${output.cell}`;
  let set = perOutput.get(key);
  if (!set) perOutput.set(key, (set = new Set()));
  return set;
}

/** The notebook-output analyser of the privacy plugin. */
export const privacyOutputAnalyzer: OutputAnalyzer = {
  name: 'privacy-outputs',
  analyze(output: OutputText, ctx: AnalyzerContext): RawFinding[] {
    if (!ctx.enabled(OUTPUT_RULE)) return [];
    const opts = scanOptions(ctx.settings);
    const seen = alreadyReported(ctx, output);
    const fresh = summarize(outputMatches(output, opts)).filter((s) => !seen.has(s.entity));
    for (const s of fresh) seen.add(s.entity);
    return withRoleSeverity(fresh.map((s) => ({
      ruleId: OUTPUT_RULE,
      range: { start: s.first.start, end: s.first.end },
      message: `Saved output of cell ${output.cell + 1} shows ${describe(s)}. Outputs are committed with the notebook: clear them or mask the data before display.`,
      properties: { entity: s.entity, count: s.count, samples: s.samples },
    })), ctx.path);
  },
};
