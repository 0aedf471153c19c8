// Edit builders for call arguments: set (add or replace) a keyword argument.
import type { Node } from 'web-tree-sitter';
import { callArguments } from '../analysis/python/nodes';
import type { TextEdit } from '../engine/finding';

/**
 * Edits that make `call` pass `name=valueSource`: replaces the value of an existing keyword
 * argument, or appends one before the closing parenthesis (keeping a trailing comma style).
 * `position` is where the argument may also sit positionally; that value is replaced in place.
 */
export function setKeywordArgument(call: Node, name: string, valueSource: string, position?: number): TextEdit[] {
  const args = callArguments(call);
  const existing = args.keywords.get(name);
  if (existing) return [{ range: { start: existing.startIndex, end: existing.endIndex }, newText: valueSource }];
  if (position !== undefined && args.positional[position]) {
    const p = args.positional[position];
    return [{ range: { start: p.startIndex, end: p.endIndex }, newText: valueSource }];
  }
  const list = args.list;
  if (!list || list.type !== 'argument_list') return [];
  const close = list.lastChild;
  if (!close || close.type !== ')') return [];
  const named = list.namedChildren.filter((c) => c && c.type !== 'comment');
  if (named.length === 0) return [{ range: { start: close.startIndex, end: close.startIndex }, newText: `${name}=${valueSource}` }];
  const last = named[named.length - 1]!;
  // A trailing comma after the last argument: insert after it, matching the one-argument-per-line style.
  const after = last.nextSibling;
  if (after && after.type === ',') {
    const lineBreak = list.text.includes('\n');
    const indent = lineBreak ? leadingIndent(last) : ' ';
    return [{ range: { start: after.endIndex, end: after.endIndex }, newText: lineBreak ? `\n${indent}${name}=${valueSource},` : ` ${name}=${valueSource},` }];
  }
  return [{ range: { start: last.endIndex, end: last.endIndex }, newText: `, ${name}=${valueSource}` }];
}

function leadingIndent(node: Node): string {
  return ' '.repeat(node.startPosition.column);
}
