// hardcoded-secret: secrets in Python and notebook code, with a fix that reads the value from os.environ.
import type { Node } from 'web-tree-sitter';
import type { Fix, TextEdit } from '../../engine/finding';
import { defineRule } from '../../engine/rule';
import type { Hit } from './hit';
import { secretMessage, secretProperties } from './message';
import { scanText } from './scan';
import { assessHit, whySentence } from './severity';

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
  // Each imported name (`a`, `a.b as c`) ends at its comma, so no two quantifiers can trade blanks.
  if (!/^[ \t]*(?:import[ \t]+(?:[\w.]+(?:[ \t]+as[ \t]+\w+)?[ \t]*,[ \t]*)*os\b(?![.\w])|from[ \t]+os[ \t]+import\b.*\benviron\b)/m.test(text)) {
    // Insert before the top-level statement holding the literal: same cell in notebooks, after any __future__ import.
    let top: Node = lit;
    while (top.parent && top.parent.type !== 'module') top = top.parent;
    edits.push({ range: { start: top.startIndex, end: top.startIndex }, newText: 'import os\n' });
  }
  return [{ title: `Read it from os.environ["${hit.env}"] (then revoke the leaked value)`, edits, safe: false }];
}

/** The string literal the hit lies in, if any. */
function stringAt(root: Node, hit: Hit): Node | undefined {
  let n: Node | null = root.descendantForIndex(hit.start, Math.max(hit.start, hit.end - 1));
  while (n && n.type !== 'string' && n.type !== 'module') n = n.parent;
  return n && n.type === 'string' ? n : undefined;
}

/** True for a string that is a statement of its own (a docstring or a bare string block). */
function isDocstring(s: Node): boolean {
  return s.parent?.type === 'expression_statement' && s.parent.namedChildCount === 1;
}

/**
 * A name-based find needs a plain string literal: not an expression, not an f-string that builds a
 * name (`f"{key}.alpha"`), not a docstring (documentation examples). Provider formats count anywhere.
 */
function literalEvidence(root: Node, hit: Hit): boolean {
  if (hit.evidence === 'format') return true;
  const s = stringAt(root, hit);
  return !!s && !isDocstring(s) && !s.children.some((c) => c.type === 'interpolation');
}

/** The Python rule: one visit of the module scans the whole source text. */
export const hardcodedSecret = defineRule({
  id: HARDCODED_SECRET,
  target: 'python',
  kinds: ['module'],
  visit(node, ctx) {
    const text = ctx.file.text;
    for (const hit of scanText(text, { python: true })) {
      if (!literalEvidence(node, hit)) continue;
      const value = text.slice(hit.start, hit.end);
      const assessed = assessHit(hit, text, ctx.file.path);
      ctx.report({
        range: { start: hit.start, end: hit.end },
        severity: assessed.severity,
        message: secretMessage(hit, value, 'code') + whySentence(assessed),
        fixes: hit.wholeUrl ? [] : fixFor(node, text, hit),
        properties: secretProperties(hit, value),
      });
    }
  },
});
