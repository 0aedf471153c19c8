// Notebooks as one Python program: join code cells (IPython syntax handled as IPython would), map results back to cells.
import type { Finding, Fix, OffsetRange, TextEdit } from './finding';
import { type Move, originalOffset, prepareCell } from './ipython';

export { blankMagics } from './ipython';

/** A notebook cell as the engine sees it (from the editor's notebook document or an .ipynb file). */
export interface NotebookCellInput {
  kind: 'code' | 'markdown' | 'raw';
  text: string;
  /** Cell language for code cells; non-Python code cells (e.g. R) are not analysed as Python. */
  language?: string;
}

/** Code cells joined into one source. `cellStarts[i]` is cell i's offset in `text`, or -1 if not joined. */
export interface JoinedNotebook {
  text: string;
  cellStarts: number[];
  cellLengths: number[];
  /** Per cell: stretches of the joined cell text that sit elsewhere in the original (doctest prompts moved aside). */
  cellMoves?: Move[][];
}

/** Joins the Python code cells with newlines between them. */
export function joinCodeCells(cells: readonly NotebookCellInput[]): JoinedNotebook {
  let text = '';
  const cellStarts: number[] = [];
  const cellLengths: number[] = [];
  const cellMoves: Move[][] = [];
  cells.forEach((cell) => {
    const python = cell.kind === 'code' && (!cell.language || cell.language === 'python');
    if (!python) {
      cellStarts.push(-1);
      cellLengths.push(0);
      cellMoves.push([]);
      return;
    }
    if (text.length > 0) text += '\n';
    cellStarts.push(text.length);
    cellLengths.push(cell.text.length);
    const prepared = prepareCell(cell.text);
    cellMoves.push(prepared.moves);
    text += prepared.text;
  });
  return { text, cellStarts, cellLengths, cellMoves };
}

/** The cell containing joined offset `offset`, and the offset inside that cell. */
export function locateInCells(joined: JoinedNotebook, offset: number): { cell: number; offset: number } | undefined {
  let best = -1;
  for (let i = 0; i < joined.cellStarts.length; i++) {
    const s = joined.cellStarts[i];
    if (s >= 0 && s <= offset) best = i;
  }
  if (best < 0) return undefined;
  return { cell: best, offset: Math.min(offset - joined.cellStarts[best], joined.cellLengths[best]) };
}

function mapRange(joined: JoinedNotebook, r: OffsetRange, cell: number): OffsetRange {
  const base = joined.cellStarts[cell];
  const len = joined.cellLengths[cell];
  const moves = joined.cellMoves?.[cell] ?? [];
  const at = (o: number) => Math.max(0, Math.min(originalOffset(moves, o - base), len));
  return { start: at(r.start), end: at(r.end) };
}

/** A finding whose ranges (and fix edits) are relative to its cell's text. */
export type CellFinding = Finding & { cell: { cell: number; cellPart: 'source' | 'output' } };

/** Maps findings on the joined source back to cells; edits crossing a cell boundary are dropped. */
export function findingsToCells(joined: JoinedNotebook, findings: Finding[]): CellFinding[] {
  const out: CellFinding[] = [];
  for (const f of findings) {
    const loc = locateInCells(joined, f.range.start);
    if (!loc) continue;
    const fixes: Fix[] = [];
    for (const fix of f.fixes) {
      const edits: TextEdit[] = [];
      let ok = true;
      for (const e of fix.edits) {
        const l = locateInCells(joined, e.range.start);
        if (!l || l.cell !== loc.cell || e.range.end - joined.cellStarts[loc.cell] > joined.cellLengths[loc.cell]) ok = false;
        else edits.push({ range: mapRange(joined, e.range, loc.cell), newText: e.newText });
      }
      if (ok) fixes.push({ ...fix, edits });
    }
    out.push({ ...f, range: mapRange(joined, f.range, loc.cell), fixes, cell: { cell: loc.cell, cellPart: 'source' } });
  }
  return out;
}
