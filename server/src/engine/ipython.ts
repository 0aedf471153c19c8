// What IPython does to a cell before Python sees it, done with same-length edits: magics blanked, doctest prompts moved aside.

/** A stretch of the prepared text whose characters sit `by` further along in the original cell. */
export interface Move {
  start: number;
  end: number;
  by: number;
}

/** A cell ready for the Python parser: same length and same line breaks as the original. */
export interface PreparedCell {
  text: string;
  /** Sorted, non-overlapping; offsets outside every move are unchanged. */
  moves: Move[];
}

// Cell magics whose body is still Python; any other %%magic makes the whole cell non-Python.
const PYTHON_BODY_CELL_MAGICS = new Set(['time', 'timeit', 'capture', 'prun', 'debug']);

// Line magics and the default POSIX aliases that IPython runs without `%` (automagic), e.g. a bare `pip install x`.
const AUTOMAGICS = new Set([
  'pip', 'conda', 'mamba', 'micromamba', 'uv', 'cd', 'pwd', 'env', 'set_env', 'load_ext', 'reload_ext', 'unload_ext', 'matplotlib',
  'run', 'timeit', 'time', 'history', 'who', 'whos', 'reset', 'store', 'sx', 'system', 'pushd', 'popd', 'dirs', 'bookmark', 'xmode',
  'autoreload', 'aimport', 'config', 'precision', 'pprint', 'pylab', 'pycat', 'pdb', 'tb', 'rerun', 'recall', 'save', 'load', 'alias',
  'ls', 'll', 'lf', 'lk', 'lx', 'ldir', 'cat', 'cp', 'mv', 'rm', 'mkdir', 'rmdir', 'clear', 'less', 'man', 'more',
]);

// What may follow an automagic name for IPython to still call the magic: not an operator, call, index, attribute or annotation.
const PYTHON_AFTER_NAME = /^\s*(?:$|[=!()<>,+*/%^&|[\]:;@]|\.(?![./])|-=|in\b|is\b|if\b|and\b|or\b|not\b|for\b|else\b)/;

const blank = (s: string) => s.replace(/[^\r\n]/g, ' ');

/** The end of a line that backslash-continues (IPython joins `!cmd \` with the lines that follow). */
function continuedEnd(lines: string[], i: number): number {
  let j = i;
  while (j + 1 < lines.length && /\\\r?$/.test(lines[j])) j++;
  return j;
}

/** True when IPython would run the line as a magic or shell command rather than as Python. */
function isIPythonLine(line: string): boolean {
  if (/^[ \t]*(?:%|!|\w+\s*=\s*[!%]|[\w.]+\?{1,2}[ \t]*\r?$|\?)/.test(line)) return true;
  const m = /^[ \t]*([A-Za-z_]\w*)([ \t]+.*)?\r?$/.exec(line);
  // Automagic needs arguments here: a bare `pwd` is also a valid Python name and costs nothing to leave.
  return !!m && AUTOMAGICS.has(m[1]) && m[2] !== undefined && m[2].trim() !== '' && !PYTHON_AFTER_NAME.test(m[2]);
}

const PROMPT = /^([ \t]*)(>>>|\.\.\.)( |(?=\r?$))/;

/**
 * Prepares one code cell the way IPython would read it, with same-length edits so offsets hold:
 * `%line`/`!shell` lines (with their backslash continuations), `x = !cmd`, `?` help, automagic
 * lines (`pip install x`, `cd dir`) and whole non-Python %%cells become whitespace; in a cell that
 * starts with a `>>>` doctest prompt, each prompt is moved to the end of its line as spaces (IPython
 * strips it), so `>>> x = torch.load(f)` is analysed as `x = torch.load(f)`, and output lines
 * between examples are blanked.
 */
export function prepareCell(cell: string): PreparedCell {
  const first = /^\s*%%(\w+)/.exec(cell);
  if (first && !PYTHON_BODY_CELL_MAGICS.has(first[1])) return { text: blank(cell), moves: [] };
  const lines = cell.split('\n');
  // IPython strips prompts only when the cell starts with one.
  const doctest = /^[ \t]*>>>( |\r?$)/.test(lines.find((l) => l.trim() !== '') ?? '');
  const moves: Move[] = [];
  let at = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (doctest) {
      const p = PROMPT.exec(line);
      if (p) {
        const cut = p[0].length;
        const body = line.slice(cut).replace(/\r$/, '');
        const cr = line.endsWith('\r') ? '\r' : '';
        lines[i] = body + ' '.repeat(cut) + cr;
        moves.push({ start: at, end: at + body.length, by: cut });
      } else if (line.trim() !== '') {
        // Expected output printed under an example: text, not code.
        lines[i] = blank(line);
      }
      at += line.length + 1;
      continue;
    }
    if (isIPythonLine(line)) {
      const end = continuedEnd(lines, i);
      for (let k = i; k <= end; k++) {
        at += lines[k].length + 1;
        lines[k] = blank(lines[k]);
      }
      i = end;
      continue;
    }
    at += line.length + 1;
  }
  return { text: lines.join('\n'), moves };
}

/** The cell text with IPython-only syntax blanked (doctest prompts moved aside); same length as `cell`. */
export function blankMagics(cell: string): string {
  return prepareCell(cell).text;
}

/** The original cell offset of prepared offset `offset`. */
export function originalOffset(moves: readonly Move[], offset: number): number {
  for (const m of moves) {
    if (offset < m.start) break;
    if (offset < m.end || (offset === m.end && m.end > m.start)) return offset + m.by;
  }
  return offset;
}
