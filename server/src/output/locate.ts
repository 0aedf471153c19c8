// Turns engine offsets into 1-based file positions and, for notebooks, cell-relative positions and the cell's line text.
import type { FileAnalysis } from '../engine/analyze';
import type { CellLocation, OffsetRange } from '../engine/finding';
import { computeLineStarts, lineText, positionAt } from '../engine/source-file';
import { decodeJsonString, parseNotebookJson, type ParsedNotebook } from '../parsers/notebook-json';

/** A 1-based line/column range (columns in UTF-16 code units, end exclusive as in SARIF). */
export interface Region {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Where a finding or problem is, for writers. */
export interface Location extends Region {
  /** For notebooks: the 0-based cell index (counting all cells), its part, and the region inside that cell's text. */
  cell?: { index: number; part: 'source' | 'output' } & Region;
  /** The text of the line the location starts on (the cell's line for notebooks; '' for model files). */
  lineText: string;
  /** 0-based start/end of the highlighted span inside `lineText` (end clamped to the line). */
  span: { start: number; end: number };
}

type Piece = ParsedNotebook['sources'][number][number];

/**
 * An analysis whose locations were computed where it was analysed (a scan worker, the scan cache):
 * its text can then be dropped, so the main thread of a large scan holds findings, not files.
 */
export interface LocatedAnalysis extends FileAnalysis {
  /** locate() and fileRegion() answers, by range (and cell) key. */
  located: Record<string, Location | Region>;
}

const locKey = (range: OffsetRange, cell?: CellLocation) => `${range.start}:${range.end}${cell ? `:${cell.cell}${cell.cellPart}` : ''}`;
const regionKey = (range: OffsetRange) => `r${range.start}:${range.end}`;
const precomputed = (a: FileAnalysis, key: string) => (a as Partial<LocatedAnalysis>).located?.[key];
const notebooks = new WeakMap<FileAnalysis, ParsedNotebook>();

/** The parsed notebook of a notebook analysis (the engine attaches it; otherwise it is re-parsed once). */
export function notebookOf(a: FileAnalysis): ParsedNotebook | undefined {
  if (a.file.target !== 'notebook') return undefined;
  const attached = (a as FileAnalysis & { notebook?: ParsedNotebook }).notebook;
  if (attached) return attached;
  let nb = notebooks.get(a);
  if (!nb) {
    nb = parseNotebookJson(a.file.text);
    notebooks.set(a, nb);
  }
  return nb;
}

/** Offset in the decoded text of `pieces` for a file offset, or undefined if no piece holds it. */
function toCellOffset(pieces: readonly Piece[], fileOffset: number): number | undefined {
  for (const p of pieces) {
    const rel = fileOffset - p.fileOffset;
    if (rel < 0 || rel >= p.raw.length) continue;
    const { offsets } = decodeJsonString(p.raw);
    let i = 0;
    while (i + 1 < offsets.length && offsets[i + 1] <= rel) i++;
    return p.cellOffset + Math.min(i, p.length);
  }
  return undefined;
}

/** The cell text and offsets of a file range inside a notebook, using `hint` when the engine gave the cell. */
function inCell(nb: ParsedNotebook, range: OffsetRange, hint?: CellLocation): { index: number; part: 'source' | 'output'; text: string; start: number; end: number } | undefined {
  const candidates: { index: number; part: 'source' | 'output'; text: string; pieces: Piece[] }[] = [];
  nb.cells.forEach((c, index) => candidates.push({ index, part: 'source', text: c.text, pieces: nb.sources[index] ?? [] }));
  for (const o of nb.outputs) candidates.push({ index: o.cell, part: 'output', text: o.text, pieces: o.pieces });
  const ordered = hint ? [...candidates.filter((c) => c.index === hint.cell && c.part === hint.cellPart), ...candidates] : candidates;
  for (const c of ordered) {
    const start = toCellOffset(c.pieces, range.start);
    if (start === undefined) continue;
    const end = toCellOffset(c.pieces, range.end) ?? c.text.length;
    return { index: c.index, part: c.part, text: c.text, start, end: Math.max(start, end) };
  }
  // An empty cell has no pieces; the engine's cell index still says where the finding belongs.
  return hint ? { index: hint.cell, part: hint.cellPart, text: '', start: 0, end: 0 } : undefined;
}

function regionOf(lineStarts: readonly number[], textLength: number, r: OffsetRange): Region {
  const s = positionAt(lineStarts, r.start, textLength);
  const e = positionAt(lineStarts, Math.max(r.start, r.end), textLength);
  return { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
}

function spanOf(region: Region, text: string): Location['span'] {
  const start = Math.min(region.column - 1, text.length);
  const end = region.endLine === region.line ? Math.min(region.endColumn - 1, text.length) : text.length;
  return { start, end: Math.max(start, end) };
}

/** The 1-based file region of an offset range (no notebook mapping: SARIF regions address the file itself). */
export function fileRegion(a: FileAnalysis, range: OffsetRange): Region {
  const pre = precomputed(a, regionKey(range));
  if (pre) return pre;
  return regionOf(a.file.lineStarts, a.file.text.length, range);
}

/** Locates an offset range of an analysed file (with the finding's cell for notebook findings). */
export function locate(a: FileAnalysis, range: OffsetRange, cell?: CellLocation): Location {
  const pre = precomputed(a, locKey(range, cell));
  if (pre) return pre as Location;
  const file = a.file;
  const region = regionOf(file.lineStarts, file.text.length, range);
  const nb = notebookOf(a);
  const found = nb ? inCell(nb, range, cell) : undefined;
  if (!found) {
    const text = lineText(file, region.line - 1);
    return { ...region, lineText: text, span: spanOf(region, text) };
  }
  const starts = computeLineStarts(found.text);
  const cellRegion = regionOf(starts, found.text.length, { start: found.start, end: found.end });
  const text = lineText({ lineStarts: starts, text: found.text }, cellRegion.line - 1);
  return { ...region, cell: { index: found.index, part: found.part, ...cellRegion }, lineText: text, span: spanOf(cellRegion, text) };
}

/**
 * Computes every location the writers will ask for (findings, their fix edits, problems) and drops the
 * file's text and parsed notebook. `keepText` keeps the text for later readers (files with includes).
 */
export function compactAnalysis(a: FileAnalysis, keepText = false): LocatedAnalysis {
  const located: Record<string, Location | Region> = {};
  for (const f of a.findings) {
    located[locKey(f.range, f.cell)] ??= locate(a, f.range, f.cell);
    for (const fix of f.fixes) for (const e of fix.edits) located[regionKey(e.range)] ??= fileRegion(a, e.range);
  }
  for (const p of a.problems) {
    if (!p.range) continue;
    located[locKey(p.range)] ??= locate(a, p.range);
    located[regionKey(p.range)] ??= fileRegion(a, p.range);
  }
  const { path, target, variant } = a.file;
  const file = keepText ? a.file : { path, target, ...(variant === undefined ? {} : { variant }), text: '', lineStarts: [0] };
  return { file, findings: a.findings, problems: a.problems, located };
}
