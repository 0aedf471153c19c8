// A source file's text with its line table: offset <-> position conversion.
import type { OffsetRange, Position, Range } from './finding';

/** A text file under analysis. `target` says which rules apply. */
export interface SourceFile {
  /** Path or URI as given by the caller; used only for messages and target detection. */
  readonly path: string;
  readonly target: Target;
  /** A refinement of the target the path cannot show, e.g. 'constraints' for a file included with `-c`. */
  readonly variant?: string;
  readonly text: string;
  /** Offsets at which each line starts (line 0 starts at 0). */
  readonly lineStarts: readonly number[];
  /** For derived sources (a notebook's joined code cells, path `<notebook>`): the file they come from, for file roles. */
  readonly origin?: string;
}

/** The kinds of file mlsec knows how to analyse ('unknown' = none of them). */
export type Target =
  | 'python' | 'notebook' | 'model'
  | 'dockerfile' | 'requirements' | 'pyproject' | 'pipfile' | 'setup-cfg' | 'conda-env' | 'lockfile'
  | 'compose' | 'kubernetes' | 'github-actions' | 'terraform' | 'yaml' | 'json' | 'toml' | 'ini' | 'env'
  | 'credentials' | 'data' | 'threatmodel' | 'markdown'
  | 'unknown';

/** Builds a SourceFile, computing its line table once. */
export function createSourceFile(path: string, target: Target, text: string, variant?: string): SourceFile {
  return variant === undefined ? { path, target, text, lineStarts: computeLineStarts(text) } : { path, target, variant, text, lineStarts: computeLineStarts(text) };
}

/** Offsets where each line begins; handles \n, \r\n and lone \r. */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Index of the last entry of ascending `sorted` that is <= `value` (0 when none is). */
export function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid] <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Converts an offset to a 0-based position; offsets past the end clamp to the end. */
export function positionAt(lineStarts: readonly number[], offset: number, textLength?: number): Position {
  const max = textLength ?? Number.MAX_SAFE_INTEGER;
  const o = Math.max(0, Math.min(offset, max));
  const line = lastAtOrBefore(lineStarts, o);
  return { line, character: o - lineStarts[line] };
}

/** Converts a 0-based position to an offset, clamping to the file. */
export function offsetAt(file: Pick<SourceFile, 'lineStarts' | 'text'>, pos: Position): number {
  if (pos.line < 0) return 0;
  if (pos.line >= file.lineStarts.length) return file.text.length;
  const start = file.lineStarts[pos.line];
  const next = pos.line + 1 < file.lineStarts.length ? file.lineStarts[pos.line + 1] : file.text.length;
  return Math.max(start, Math.min(start + pos.character, next));
}

/** Converts an offset range to a position range. */
export function rangeOf(file: Pick<SourceFile, 'lineStarts' | 'text'>, r: OffsetRange): Range {
  return { start: positionAt(file.lineStarts, r.start, file.text.length), end: positionAt(file.lineStarts, r.end, file.text.length) };
}

/** The text of the 0-based line `line`, without its line break. */
export function lineText(file: Pick<SourceFile, 'lineStarts' | 'text'>, line: number): string {
  if (line < 0 || line >= file.lineStarts.length) return '';
  const start = file.lineStarts[line];
  const end = line + 1 < file.lineStarts.length ? file.lineStarts[line + 1] : file.text.length;
  return file.text.slice(start, end).replace(/\r?\n$|\r$/, '');
}
