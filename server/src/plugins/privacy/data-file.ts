// Data files (CSV/TSV/JSONL): samples a byte budget from the start, reports PII per column (or per row where few).
import * as fs from 'fs';
import type { Problem } from '../../engine/finding';
import type { AnalyzerContext, RawFinding, TextAnalyzer } from '../../engine/plugin';
import type { SourceFile } from '../../engine/source-file';
import { readCsv, type CsvCell } from './csv-reader';
import { labelledEntity } from './labels';
import { scanOptions, scanText, type ScanOptions } from './scan-text';
import { type Column, columnFindings, countShape, DATA_RULE, record, walkJson, worthScanning } from './columns';
import { withRoleSeverity } from './role';

/** JSON lines longer than this are skipped (a minified blob is not a record). */
const MAX_LINE = 256 * 1024;

function extOf(path: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(path);
  return m ? m[1].toLowerCase() : '';
}

function scanCsv(text: string, delimiter: string, partial: boolean, opts: ScanOptions): { columns: Column[]; rows: number } {
  const columns: Column[] = [];
  let header: CsvCell[] | undefined;
  let rows = 0;
  let first = true;
  for (const row of readCsv(text, delimiter, partial)) {
    if (first) {
      first = false;
      const isHeader = row.every((c) => c.value.trim() !== '' && !/^[\d.,+-]+$/.test(c.value.trim())) && row.every((c) => scanText(c.value, opts).length === 0);
      if (isHeader) {
        header = row;
        row.forEach((c, i) => (columns[i] = { label: c.value.trim(), at: { start: c.start, end: c.end }, hits: [], rows: new Map() }));
        continue;
      }
    }
    rows++;
    row.forEach((cell, i) => {
      const col = (columns[i] ??= { label: header ? `#${i + 1}` : `#${i + 1}`, hits: [], rows: new Map() });
      const labelled = header !== undefined && labelledEntity(col.label) !== undefined;
      countShape(col, cell.value);
      if (!cell.value.trim() || !worthScanning(cell.value, labelled)) return;
      const quoted = text[cell.start] === '"' ? 1 : 0;
      record(col, scanText(cell.value, opts, header ? col.label : undefined), cell.start + quoted);
    });
  }
  return { columns, rows };
}

function scanJsonl(text: string, partial: boolean, opts: ScanOptions, problems: Problem[]): { columns: Column[]; rows: number } {
  const byKey = new Map<string, Column>();
  let rows = 0;
  let bad = 0;
  let offset = 0;
  const lines = text.split('\n');
  if (partial) lines.pop();
  for (const line of lines) {
    const lineStart = offset;
    offset += line.length + 1;
    if (!line.trim()) continue;
    if (line.length > MAX_LINE) {
      bad++;
      continue;
    }
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch {
      bad++;
      continue;
    }
    rows++;
    walkJson(obj, '', (key, value) => {
      const leaf = key.slice(key.lastIndexOf('.') + 1);
      let col = byKey.get(key);
      if (!col) byKey.set(key, (col = { label: key, hits: [], rows: new Map() }));
      countShape(col, value);
      if (!worthScanning(value, labelledEntity(leaf) !== undefined)) return;
      const matches = scanText(value, opts, leaf || undefined);
      if (!matches.length) return;
      // Offsets point at the value inside the line when it is written plainly; else at the line.
      const at = line.indexOf(JSON.stringify(value).slice(1, -1));
      const base = lineStart + Math.max(0, at);
      record(col, at >= 0 ? matches : matches.map((m) => ({ ...m, start: 0, end: 0 })), base);
      if (!col.at) col.at = { start: col.hits[0].start, end: col.hits[0].end };
    });
  }
  if (bad) problems.push({ kind: 'parse-error', message: `${bad} line(s) are not JSON objects (or over ${MAX_LINE / 1024} KB) and were skipped` });
  return { columns: [...byKey.values()].filter((c) => c.hits.length), rows };
}

/** Scans sampled data-file text. `partial` = the sample was cut (its last line may be incomplete). */
export function analyzeDataText(path: string, text: string, partial: boolean, ctx: AnalyzerContext): { findings: RawFinding[]; problems: Problem[]; rows: number } {
  const problems: Problem[] = [];
  if (!ctx.enabled(DATA_RULE)) return { findings: [], problems, rows: 0 };
  const opts = scanOptions(ctx.settings);
  const ext = extOf(path);
  if (ext === 'jsonl' || ext === 'ndjson') {
    const { columns, rows } = scanJsonl(text, partial, opts, problems);
    return { findings: withRoleSeverity(columnFindings(columns, rows, false), path), problems, rows };
  }
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const delimiter = ext === 'tsv' || (!firstLine.includes(',') && firstLine.includes('\t')) ? '\t' : !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  const { columns, rows } = scanCsv(text, delimiter, partial, opts);
  const header = columns.some((c) => c?.at);
  return { findings: withRoleSeverity(columnFindings(columns, rows, header), path), problems, rows };
}

async function readHead(path: string, budget: number): Promise<{ bytes: Buffer; size: number }> {
  const fh = await fs.promises.open(path, 'r');
  try {
    const size = (await fh.stat()).size;
    const bytes = Buffer.alloc(Math.min(size, budget));
    const { bytesRead } = await fh.read(bytes, 0, bytes.length, 0);
    return { bytes: bytes.subarray(0, bytesRead), size };
  } finally {
    await fh.close();
  }
}

const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

export { DATA_RULE };

/** The data-file analyser of the privacy plugin. */
export const privacyDataAnalyzer: TextAnalyzer = {
  name: 'privacy-data',
  targets: ['data'],
  analyze(file: SourceFile, ctx: AnalyzerContext) {
    const budget = ctx.settings.privacy.dataFileBudget;
    const partial = file.text.length > budget;
    return analyzeDataText(file.path, partial ? file.text.slice(0, budget) : file.text, partial, ctx);
  },
  async analyzePath(path: string, ctx: AnalyzerContext) {
    const ext = extOf(path);
    if (ext === 'parquet' || ext === 'xlsx') {
      return { text: '', findings: [], problems: [{ kind: 'skipped', message: `.${ext} files are not parsed (no small maintained parser is bundled): personal data in them is not checked` }] };
    }
    if (!ctx.enabled(DATA_RULE)) return { text: '', findings: [] };
    const budget = ctx.settings.privacy.dataFileBudget;
    const { bytes, size } = await readHead(path, budget);
    if (bytes.subarray(0, 8192).includes(0)) return { text: '', findings: [], problems: [{ kind: 'skipped', message: 'binary content (NUL bytes) in a data file' }] };
    let text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    const partial = size > bytes.length;
    // Cut at the last full line so the sample (which becomes the document text) ends cleanly.
    if (partial) text = text.slice(0, text.lastIndexOf('\n') + 1);
    const r = analyzeDataText(path, text, false, ctx);
    if (partial) r.problems.push({ kind: 'skipped', message: `sampled the first ${mb(text.length)} (${r.rows.toLocaleString('en-US')} rows) of ${mb(size)}; the rest was not scanned (setting mlsec.privacy.dataFileBudgetMB)` });
    return { text, findings: r.findings, problems: r.problems };
  },
};
