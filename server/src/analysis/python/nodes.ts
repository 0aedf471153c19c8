// Small readers over tree-sitter Python nodes: dotted names, call arguments, literal values.
import type { Node } from 'web-tree-sitter';

/** `a.b.c` as ['a','b','c'] when the expression is a plain chain of names; undefined otherwise. */
export function dottedParts(node: Node | null | undefined): string[] | undefined {
  const parts: string[] = [];
  let n: Node | null | undefined = node;
  while (n) {
    if (n.type === 'identifier') {
      parts.unshift(n.text);
      return parts;
    }
    if (n.type !== 'attribute') return undefined;
    const attr = n.childForFieldName('attribute');
    if (!attr) return undefined;
    parts.unshift(attr.text);
    n = n.childForFieldName('object');
  }
  return undefined;
}

/** The arguments of a call, split into positional and keyword arguments. */
export interface CallArguments {
  positional: Node[];
  keywords: Map<string, Node>;
  /** The keyword_argument nodes themselves (for edits). */
  keywordNodes: Map<string, Node>;
  /** True when the call has *args or **kwargs: argument positions and names are then unknown. */
  hasSplat: boolean;
  /** The argument_list node. */
  list: Node | null;
}

/** Reads the arguments of a `call` node. */
export function callArguments(call: Node): CallArguments {
  const list = call.childForFieldName('arguments');
  const out: CallArguments = { positional: [], keywords: new Map(), keywordNodes: new Map(), hasSplat: false, list };
  if (!list || list.type !== 'argument_list') return out; // generator-expression argument
  for (const child of list.namedChildren) {
    if (!child) continue;
    if (child.type === 'keyword_argument') {
      const name = child.childForFieldName('name');
      const value = child.childForFieldName('value');
      if (name && value) {
        out.keywords.set(name.text, value);
        out.keywordNodes.set(name.text, child);
      }
    } else if (child.type === 'list_splat' || child.type === 'dictionary_splat') {
      out.hasSplat = true;
    } else if (child.type !== 'comment') {
      out.positional.push(child);
    }
  }
  return out;
}

/** A Python literal we can reason about. Anything else is `undefined` = unknown. */
export type Literal =
  | { kind: 'bool'; value: boolean }
  | { kind: 'none' }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number };

/** The literal value of `node`, or undefined when it is not a simple literal (i.e. unknown at lint time). */
export function literalValue(node: Node | null | undefined): Literal | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'true':
      return { kind: 'bool', value: true };
    case 'false':
      return { kind: 'bool', value: false };
    case 'none':
      return { kind: 'none' };
    case 'integer':
    case 'float': {
      const v = Number(node.text.replace(/_/g, ''));
      return Number.isFinite(v) ? { kind: 'number', value: v } : undefined;
    }
    case 'string': {
      const s = stringValue(node);
      return s === undefined ? undefined : { kind: 'string', value: s };
    }
    case 'concatenated_string': {
      let all = '';
      for (const part of node.namedChildren) {
        const s = part ? stringValue(part) : undefined;
        if (s === undefined) return undefined;
        all += s;
      }
      return { kind: 'string', value: all };
    }
    case 'parenthesized_expression':
      return literalValue(node.namedChild(0));
    default:
      return undefined;
  }
}

/** The value of a plain (non-f) string literal, escapes left as written; undefined for f-strings. */
export function stringValue(node: Node): string | undefined {
  if (node.type !== 'string') return undefined;
  let value = '';
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'interpolation') return undefined;
    if (child.type === 'string_content') value += child.text;
    else if (child.type === 'escape_sequence') value += child.text;
  }
  return value;
}

/** True when the node is the literal `True`. */
export function isTrue(node: Node | null | undefined): boolean {
  const l = literalValue(node);
  return l?.kind === 'bool' && l.value;
}

/** True when the node is the literal `False`. */
export function isFalse(node: Node | null | undefined): boolean {
  const l = literalValue(node);
  return l?.kind === 'bool' && !l.value;
}

/** The statement node containing `node` (its nearest ancestor whose parent is a block or the module). */
export function enclosingStatement(node: Node): Node {
  let n: Node = node;
  while (n.parent && n.parent.type !== 'block' && n.parent.type !== 'module') n = n.parent;
  return n;
}
