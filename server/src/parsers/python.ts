// Parses Python with tree-sitter, reusing the previous tree for incremental re-parses.
import { Edit, type Language, type ParseOptions, Parser, type Tree } from 'web-tree-sitter';
import { budgetActive, checkBudget, overBudget } from '../engine/budget';
import { computeLineStarts, positionAt } from '../engine/source-file';
import { loadPythonLanguage } from './tree-sitter';

let parser: Parser | undefined;
let language: Language | undefined;

/** Prepares the Python parser; call (and await) once before parsePython. */
export async function initPythonParser(): Promise<Language> {
  language = await loadPythonLanguage();
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(language);
  }
  return language;
}

/** The loaded Python language (after initPythonParser). */
export function pythonLanguage(): Language {
  if (!language) throw new Error('initPythonParser() was not awaited');
  return language;
}

/** A parse and the text it was made from, kept so the next parse can be incremental. */
export interface ParsedPython {
  text: string;
  tree: Tree;
}

/** A contiguous text change: [start, oldEnd) in the old text became [start, newEnd) in the new text. */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The single change between two texts (common prefix and suffix), or undefined when equal. */
export function textChange(oldText: string, newText: string): TextChange | undefined {
  if (oldText === newText) return undefined;
  const min = Math.min(oldText.length, newText.length);
  let start = 0;
  while (start < min && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  let oldEnd = oldText.length;
  let newEnd = newText.length;
  while (oldEnd > start && newEnd > start && oldText.charCodeAt(oldEnd - 1) === newText.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return { start, oldEnd, newEnd };
}

/** The tree-sitter edit that turns `oldText` into `newText`, or undefined if equal. */
export function diffEdit(oldText: string, newText: string): Edit | undefined {
  const change = textChange(oldText, newText);
  if (!change) return undefined;
  const point = (text: string, offset: number) => {
    // Only the lines up to the edit matter; slicing keeps this O(edit position).
    const p = positionAt(computeLineStarts(text.slice(0, offset)), offset);
    return { row: p.line, column: p.character };
  };
  return new Edit({
    startIndex: change.start,
    oldEndIndex: change.oldEnd,
    newEndIndex: change.newEnd,
    startPosition: point(oldText, change.start),
    oldEndPosition: point(oldText, change.oldEnd),
    newEndPosition: point(newText, change.newEnd),
  });
}

// tree-sitter's error recovery is super-linear on some inputs (thousands of `(` or `-`, or comment lines
// after a bare name, took seconds for 16 KB): under a budget the parse polls it and is cancelled.
const budgeted: ParseOptions = { progressCallback: () => overBudget() };

/** Runs one tree-sitter parse, cancelled when the analysis budget runs out (then BudgetExceeded). */
function runParse(text: string, old?: Tree): Tree {
  const tree = budgetActive() ? parser!.parse(text, old, budgeted) : parser!.parse(text, old);
  if (tree) return tree;
  // A cancelled parse would resume on the next call: start the next one afresh.
  parser!.reset();
  checkBudget('parsing Python');
  throw new Error('tree-sitter returned no tree');
}

/** Parses a standalone snippet (no reuse); the caller deletes the tree. */
export function parsePythonSnippet(text: string): Tree {
  if (!parser) throw new Error('initPythonParser() was not awaited');
  return runParse(text);
}

/**
 * Parses `text`. With `previous`, the old tree is edited and reused, so a one-character change
 * re-parses in a few milliseconds. The previous tree is deleted (trees hold WASM memory), also when
 * the parse fails or runs out of budget: the caller must not reuse it.
 */
export function parsePython(text: string, previous?: ParsedPython): ParsedPython {
  if (!parser) throw new Error('initPythonParser() was not awaited');
  if (previous) {
    const edit = diffEdit(previous.text, text);
    if (!edit) return previous;
    previous.tree.edit(edit);
    try {
      return { text, tree: runParse(text, previous.tree) };
    } finally {
      previous.tree.delete();
    }
  }
  return { text, tree: runParse(text) };
}

