// The keystroke fast path: re-parse only the statement an edit falls in, when the edit cannot change the statement structure.
import { lastAtOrBefore } from '../../engine/source-file';
import type { TextChange } from '../../parsers/python';
import type { Unit } from './units';

/** A statement re-parsed on its own: the source to parse and how its offsets map back to the file. */
export interface LocalSource {
  unitIndex: number;
  /** The unit in new-text coordinates. */
  unit: Unit;
  /** Text handed to the parser: optional `if 1:` wrapper + the line's indentation + the statement. */
  source: string;
  /** file offset = source offset + shift. */
  shift: number;
  /** The unit's old text (cache key of its previous results). */
  oldText: string;
}

const CLAUSE = /^(else|elif|except|finally|case)\b/;
const DEF = /^(async\s+def|def|class)\b/;

/**
 * True when every line after the first of `stmt` stays inside the statement: deeper indentation,
 * blank, a comment, a clause keyword (else/elif/except/finally) or a decorated def at its own
 * indentation. Anything else might start a new statement, so the whole file must be re-parsed.
 */
function staysOneStatement(stmt: string, indent: number): boolean {
  const lines = stmt.split(/\r\n|\r|\n/);
  let decorators = lines[0].trimStart().startsWith('@');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    const body = line.trimStart();
    if (body === '' || body.startsWith('#')) continue;
    const depth = line.length - body.length;
    if (depth > indent) continue;
    if (depth < indent) return false;
    if (CLAUSE.test(body)) continue;
    if (decorators && body.startsWith('@')) continue;
    if (decorators && DEF.test(body)) {
      decorators = false;
      continue;
    }
    return false;
  }
  return true;
}

/**
 * Decides whether `change` can be analysed by re-parsing one statement: the change lies inside a
 * whole-statement unit (not its first character, not a split header) or in the blank space after it,
 * the statement starts its line, and its new text still reads as one statement. Returns what to
 * parse, or undefined.
 */
export function localSource(oldText: string, newText: string, units: readonly Unit[], change: TextChange): LocalSource | undefined {
  const lo = lastAtOrBefore(units.map((u) => u.start), change.start);
  const found = units[lo];
  if (!found || found.kind !== 'stmt' || change.start <= found.start) return undefined;
  // An edit in the whitespace after a statement (units cover every statement and comment, so the gap
  // is blank) is analysed as part of that statement; if it starts a new statement, the check below fails.
  const next = units[lo + 1];
  const end = change.start < found.end ? found.end : next ? next.start : oldText.length;
  if (change.oldEnd > end || (change.oldEnd === end && next)) return undefined;
  const u: Unit = { start: found.start, end, kind: 'stmt' };
  const lineStart = oldText.lastIndexOf('\n', u.start - 1) + 1;
  const indentText = oldText.slice(lineStart, u.start);
  if (!/^[ \t]*$/.test(indentText)) return undefined;
  const delta = change.newEnd - change.oldEnd;
  const unit: Unit = { start: u.start, end: u.end + delta, kind: 'stmt' };
  const stmt = newText.slice(unit.start, unit.end);
  if (!staysOneStatement(stmt, indentText.length)) return undefined;
  // A nested statement is parsed inside `if 1:` so its indentation is legal; offsets shift back.
  const wrapper = indentText.length ? 'if 1:\n' : '';
  return {
    unitIndex: lo,
    unit,
    source: wrapper + indentText + stmt,
    shift: unit.start - wrapper.length - indentText.length,
    oldText: oldText.slice(found.start, found.end),
  };
}
