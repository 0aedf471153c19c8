// Splits a parse tree into statement-sized units, the granularity at which results are cached.
import type { Node } from 'web-tree-sitter';

/** A statement-sized slice of the file: [start, end) offsets. */
export interface Unit {
  start: number;
  end: number;
  /** 'stmt': one whole statement (can be re-parsed on its own); 'header': the part of a split compound statement before its body. */
  kind: 'stmt' | 'header';
}

/** Compound statements larger than this are split into their header and their body's statements. */
const SPLIT_ABOVE = 2048;

/**
 * Partitions the module into units: top-level statements, with large compound statements
 * (classes, functions, if/with/try blocks) split into header segments and the statements of their
 * blocks, recursively. Every node of interest starts inside exactly one unit.
 */
export function partition(root: Node): Unit[] {
  const units: Unit[] = [];
  const visit = (node: Node) => {
    if (node.endIndex - node.startIndex <= SPLIT_ABOVE || node.childCount === 0) {
      units.push({ start: node.startIndex, end: node.endIndex, kind: 'stmt' });
      return;
    }
    let segStart = -1;
    let segEnd = -1;
    const flush = () => {
      if (segStart >= 0) units.push({ start: segStart, end: segEnd, kind: 'header' });
      segStart = -1;
    };
    for (const child of node.children) {
      if (!child) continue;
      if (child.type === 'block' || child.type === 'module') {
        flush();
        for (const stmt of child.children) if (stmt) visit(stmt);
      } else if (isCompound(child) && child.endIndex - child.startIndex > SPLIT_ABOVE) {
        flush();
        visit(child);
      } else {
        if (segStart < 0) segStart = child.startIndex;
        segEnd = child.endIndex;
      }
    }
    flush();
  };
  for (const stmt of root.children) if (stmt) visit(stmt);
  return units;
}

const COMPOUND = new Set([
  'class_definition', 'function_definition', 'decorated_definition', 'if_statement', 'elif_clause', 'else_clause',
  'for_statement', 'while_statement', 'try_statement', 'except_clause', 'finally_clause', 'with_statement', 'match_statement',
  'case_clause', 'block',
]);

function isCompound(node: Node): boolean {
  return COMPOUND.has(node.type);
}
