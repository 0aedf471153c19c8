// hardcoded-secret: secrets in Python and notebook code, with a fix that reads the value from os.environ.
import type { Node } from 'web-tree-sitter';
import type { Fix, TextEdit } from '../../engine/finding';
import { defineRule } from '../../engine/rule';
import type { Hit } from './hit';
import { secretMessage, secretProperties } from './message';
import { scanText } from './scan';

export const HARDCODED_SECRET = 'hardcoded-secret';

/** The string literal node whose content is exactly the secret (so the literal can be swapped for an expression). */
function literalAt(root: Node, hit: Hit): Node | undefined {
  let n: Node | null = root.descendantForIndex(hit.start, Math.max(hit.start, hit.end - 1));
  while (n && n.type !== 'string' && n.type !== 'module') n = n.parent;
  if (!n || n.type !== 'string') return undefined;
  const content = n.children.filter((c) => c.type === 'string_content');
  const interp = n.children.some((c) => c.type === 'interpolation');
  if (interp || content.length !== 1 || content[0].startIndex !== hit.start || content[0].endIndex !== hit.end) return undefined;
  return n;
}

/** True when the literal is the right-hand side of `os.environ["X"] = ...` (replacing it would be circular). */
function assignsEnviron(lit: Node): boolean {
  const p = lit.parent;
  return !!p && p.type === 'assignment' && /environ/.test(p.childForFieldName('left')?.text ?? '');
}

function fixFor(root: Node, text: string, hit: Hit): Fix[] {
  const lit = literalAt(root, hit);
  if (!lit || assignsEnviron(lit) || /^[bB]/.test(lit.text)) return [];
  const edits: TextEdit[] = [{ range: { start: lit.startIndex, end: lit.endIndex }, newText: `os.environ["${hit.env}"]` }];
  if (!/^[ \t]*(?:import[ \t]+(?:[\w., \t]*,[ \t]*)?os\b(?![.\w])|from[ \t]+os[ \t]+import[ \t]+.*\benviron\b)/m.test(text)) {
    // Insert before the top-level statement holding the literal: same cell in notebooks, after any __future__ import.
    let top: Node = lit;
    while (top.parent && top.parent.type !== 'module') top = top.parent;
    edits.push({ range: { start: top.startIndex, end: top.startIndex }, newText: 'import os\n' });
  }
  return [{ title: `Read it from os.environ["${hit.env}"] (then revoke the leaked value)`, edits, safe: false }];
}

/** True when the hit lies in a string that is a statement of its own (a docstring or a bare string block). */
function inDocstring(root: Node, hit: Hit): boolean {
  let n: Node | null = root.descendantForIndex(hit.start, Math.max(hit.start, hit.end - 1));
  while (n && n.type !== 'string' && n.type !== 'module') n = n.parent;
  return !!n && n.type === 'string' && n.parent?.type === 'expression_statement' && n.parent.namedChildCount === 1;
}

/** The Python rule: one visit of the module scans the whole source text. */
export const hardcodedSecret = defineRule({
  id: HARDCODED_SECRET,
  target: 'python',
  kinds: ['module'],
  visit(node, ctx) {
    const text = ctx.file.text;
    for (const hit of scanText(text, { python: true })) {
      // Name-based guesses inside docstrings are documentation examples; provider-format tokens are reported anywhere.
      if (hit.name && inDocstring(node, hit)) continue;
      const value = text.slice(hit.start, hit.end);
      ctx.report({
        range: { start: hit.start, end: hit.end },
        message: secretMessage(hit, value, 'code'),
        fixes: hit.wholeUrl ? [] : fixFor(node, text, hit),
        properties: secretProperties(hit, value),
      });
    }
  },
});
