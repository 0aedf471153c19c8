// A JSON tree with offsets, built with an explicit stack: deeply nested JSON cannot overflow the call stack.
import { createScanner, type Node as JsonNode, SyntaxKind } from 'jsonc-parser';

/** Where a container is in its grammar: what the next token may be. */
type Expect = 'value-or-close' | 'value' | 'key-or-close' | 'key' | 'colon' | 'comma-or-close' | 'end';

/** jsonc-parser's Node, writable while the tree is built. */
interface TreeNode {
  type: JsonNode['type'];
  offset: number;
  length: number;
  value?: unknown;
  colonOffset?: number;
  parent?: TreeNode;
  children?: TreeNode[];
}

interface Frame {
  node: TreeNode;
  expect: Expect;
  /** In an object: the property whose value comes next. */
  property?: TreeNode;
}

/**
 * Parses `text` into the same node shape as jsonc-parser's `parseTree` (types, offsets, lengths,
 * values, property nodes with [key, value] children), with a loop instead of recursion: a notebook
 * nested thousands of levels deep is parsed, not a stack overflow. Stops at the first syntax error,
 * which is returned in `errors`; the tree built so far is returned with it.
 */
export function parseJsonTreeIteratively(text: string): { root: JsonNode | undefined; errors: string[] } {
  const scanner = createScanner(text, true);
  const stack: Frame[] = [];
  let root: TreeNode | undefined;
  const fail = (what: string) => ({ root: root as JsonNode | undefined, errors: [`invalid JSON at offset ${scanner.getTokenOffset()}: ${what}`] });
  // Attaches a finished value to the container on top of the stack (or makes it the root).
  const place = (value: TreeNode): string | undefined => {
    const top = stack[stack.length - 1];
    if (!top) {
      if (root) return 'EndOfFileExpected';
      root = value;
      return undefined;
    }
    value.parent = top.property ?? top.node;
    if (top.node.type === 'array') {
      top.node.children!.push(value);
    } else {
      const p = top.property!;
      p.children!.push(value);
      p.length = value.offset + value.length - p.offset;
      top.property = undefined;
    }
    top.expect = 'comma-or-close';
    return undefined;
  };
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (scanner.getTokenError()) return fail('InvalidSymbol');
    const offset = scanner.getTokenOffset();
    const length = scanner.getTokenLength();
    const top = stack[stack.length - 1];
    const expect: Expect = top?.expect ?? (root ? 'end' : 'value');
    if (kind === SyntaxKind.CloseBracketToken || kind === SyntaxKind.CloseBraceToken) {
      const closes = kind === SyntaxKind.CloseBracketToken ? 'array' : 'object';
      if (!top || top.node.type !== closes || (expect !== 'comma-or-close' && expect !== 'value-or-close' && expect !== 'key-or-close')) return fail(closes === 'array' ? 'ValueExpected' : 'PropertyNameExpected');
      stack.pop();
      top.node.length = offset + length - top.node.offset;
      const err = place(top.node);
      if (err) return fail(err);
      continue;
    }
    if (kind === SyntaxKind.CommaToken) {
      if (expect !== 'comma-or-close') return fail('ValueExpected');
      top!.expect = top!.node.type === 'array' ? 'value' : 'key';
      continue;
    }
    if (expect === 'key' || expect === 'key-or-close') {
      if (kind !== SyntaxKind.StringLiteral) return fail('PropertyNameExpected');
      const key: TreeNode = { type: 'string', offset, length, value: scanner.getTokenValue() };
      const property: TreeNode = { type: 'property', offset, length, children: [key], parent: top!.node };
      key.parent = property;
      top!.node.children!.push(property);
      top!.property = property;
      top!.expect = 'colon';
      continue;
    }
    if (expect === 'colon') {
      if (kind !== SyntaxKind.ColonToken) return fail('ColonExpected');
      top!.property!.colonOffset = offset;
      top!.expect = 'value';
      continue;
    }
    if (expect !== 'value' && expect !== 'value-or-close') return fail(expect === 'end' ? 'EndOfFileExpected' : 'CommaExpected');
    if (kind === SyntaxKind.OpenBracketToken || kind === SyntaxKind.OpenBraceToken) {
      const node: TreeNode = { type: kind === SyntaxKind.OpenBracketToken ? 'array' : 'object', offset, length: 0, children: [] };
      stack.push({ node, expect: node.type === 'array' ? 'value-or-close' : 'key-or-close' });
      continue;
    }
    let node: TreeNode;
    if (kind === SyntaxKind.StringLiteral) node = { type: 'string', offset, length, value: scanner.getTokenValue() };
    else if (kind === SyntaxKind.NumericLiteral) node = { type: 'number', offset, length, value: Number(scanner.getTokenValue()) };
    else if (kind === SyntaxKind.TrueKeyword || kind === SyntaxKind.FalseKeyword) node = { type: 'boolean', offset, length, value: kind === SyntaxKind.TrueKeyword };
    else if (kind === SyntaxKind.NullKeyword) node = { type: 'null', offset, length, value: null };
    else return fail('ValueExpected');
    // `place` cannot fail here: a value is only read where one is expected.
    place(node);
  }
  if (stack.length) return fail(stack[stack.length - 1].node.type === 'array' ? 'CloseBracketExpected' : 'CloseBraceExpected');
  return { root: root as JsonNode | undefined, errors: root ? [] : ['invalid JSON at offset 0: ValueExpected'] };
}
