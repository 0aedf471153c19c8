// Edit builders for callees: rename the called attribute (yaml.load -> yaml.safe_load).
import type { Node } from 'web-tree-sitter';
import type { TextEdit } from '../engine/finding';

/**
 * Replaces the last attribute of `call`'s callee with `newName` (its last dotted part).
 * Returns no edit when the callee is a bare name: renaming it would need an import change.
 */
export function replaceCalleeAttribute(call: Node, newName: string): TextEdit[] {
  const fn = call.childForFieldName('function');
  if (!fn || fn.type !== 'attribute') return [];
  const attr = fn.childForFieldName('attribute');
  if (!attr) return [];
  const last = newName.split('.').pop()!;
  return [{ range: { start: attr.startIndex, end: attr.endIndex }, newText: last }];
}

/** Removes the statement containing `node` when it is an expression statement on its own line(s). */
export function removeStatement(stmt: Node, text: string): TextEdit[] {
  if (stmt.type !== 'expression_statement') return [];
  let start = stmt.startIndex;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  let end = stmt.endIndex;
  if (start > 0 && text[start - 1] !== '\n') return [{ range: { start: stmt.startIndex, end }, newText: 'pass' }];
  if (text[end] === '\r') end++;
  if (text[end] === '\n') end++;
  // A statement that is alone in its block must leave `pass` behind.
  const parent = stmt.parent;
  if (parent?.type === 'block' && parent.namedChildCount === 1) {
    return [{ range: { start: stmt.startIndex, end: stmt.endIndex }, newText: 'pass' }];
  }
  return [{ range: { start, end }, newText: '' }];
}
