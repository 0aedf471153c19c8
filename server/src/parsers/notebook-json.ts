// Reads an .ipynb file's JSON into cells, keeping a map from cell-text offsets back to file offsets.
import { type Node as JsonNode, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { NotebookCellInput } from '../engine/notebook';
import { parseJsonTreeIteratively } from './json-tree';

/** One string of the notebook JSON that holds part of a cell's text. */
interface Piece {
  /** Offset of the piece's first character in the cell text. */
  cellOffset: number;
  /** Length of the decoded piece. */
  length: number;
  /** Offset of the opening quote in the file. */
  fileOffset: number;
  /** The raw JSON string including quotes. */
  raw: string;
}

/** One text blob of a cell output (stream text, text/plain, text/html, traceback), decoded. */
export interface OutputText {
  cell: number;
  output: number;
  /** e.g. 'stream', 'text/plain', 'text/html', 'traceback'. */
  kind: string;
  text: string;
  pieces: Piece[];
}

/** A parsed notebook file. */
export interface ParsedNotebook {
  cells: NotebookCellInput[];
  /** Per cell, the JSON strings its source is made of. */
  sources: Piece[][];
  outputs: OutputText[];
  /** Per cell, the file range of its non-empty `outputs` array (replacing it with `[]` clears them, keeping valid JSON). */
  outputRanges: ({ start: number; end: number } | undefined)[];
  /** Language of the kernel (metadata.kernelspec.language / language_info.name), default python. */
  language: string;
  errors: string[];
}

/** Decodes a JSON string literal (with quotes) and records, per decoded char, its offset in `raw`. */
export function decodeJsonString(raw: string): { value: string; offsets: number[] } {
  let value = '';
  const offsets: number[] = [];
  for (let i = 1; i < raw.length - 1; i++) {
    const c = raw[i];
    if (c !== '\\') {
      value += c;
      offsets.push(i);
      continue;
    }
    const n = raw[i + 1];
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', '\\': '\\', '/': '/' };
    if (n === 'u') {
      value += String.fromCharCode(parseInt(raw.slice(i + 2, i + 6), 16) || 0);
      offsets.push(i);
      i += 5;
    } else {
      value += simple[n] ?? n;
      offsets.push(i);
      i += 1;
    }
  }
  offsets.push(raw.length - 1);
  return { value, offsets };
}

function stringsOf(node: JsonNode | undefined, text: string): Piece[] {
  if (!node) return [];
  const nodes = node.type === 'array' ? (node.children ?? []).filter((c) => c.type === 'string') : node.type === 'string' ? [node] : [];
  const pieces: Piece[] = [];
  let cellOffset = 0;
  for (const n of nodes) {
    const raw = text.slice(n.offset, n.offset + n.length);
    const len = typeof n.value === 'string' ? n.value.length : 0;
    pieces.push({ cellOffset, length: len, fileOffset: n.offset, raw });
    cellOffset += len;
  }
  return pieces;
}

function prop(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (!node || node.type !== 'object') return undefined;
  for (const p of node.children ?? []) {
    if (p.children?.[0]?.value === key) return p.children[1];
  }
  return undefined;
}

function joinPieces(node: JsonNode | undefined): string {
  if (!node) return '';
  if (node.type === 'string') return String(node.value);
  if (node.type === 'array') return (node.children ?? []).map((c) => (c.type === 'string' ? String(c.value) : '')).join('');
  return '';
}

/**
 * An object-valued output (`application/json`) as its JSON source text. Its one piece maps offsets
 * one-to-one (backslashes blanked so decodeJsonString sees no escapes), so findings land on the file text.
 */
function rawJsonText(node: JsonNode, text: string): { text: string; pieces: Piece[] } {
  const raw = text.slice(node.offset, node.offset + node.length);
  return { text: raw, pieces: [{ cellOffset: 0, length: raw.length, fileOffset: node.offset - 1, raw: `"${raw.replace(/\\/g, ' ')}"` }] };
}

/** Parses notebook JSON. Never throws; a file that is not a notebook comes back with `errors`. */
export function parseNotebookJson(text: string): ParsedNotebook {
  const out: ParsedNotebook = { cells: [], sources: [], outputs: [], outputRanges: [], language: 'python', errors: [] };
  let root: JsonNode | undefined;
  try {
    const errors: ParseError[] = [];
    root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
    if (errors.length) out.errors.push(...errors.slice(0, 3).map((e) => `invalid JSON at offset ${e.offset}: ${printParseErrorCode(e.error)}`));
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    // jsonc-parser recurses per nesting level: JSON nested too deep for the call stack (a hostile or
    // odd output) is parsed again by the iterative builder instead of failing the notebook.
    const deep = parseJsonTreeIteratively(text);
    root = deep.root;
    out.errors.push(...deep.errors);
  }
  const cells = prop(root, 'cells');
  if (!root || !cells || cells.type !== 'array') {
    out.errors.push('not a Jupyter notebook: no "cells" array');
    return out;
  }
  const meta = prop(root, 'metadata');
  const lang = prop(prop(meta, 'kernelspec'), 'language')?.value ?? prop(prop(meta, 'language_info'), 'name')?.value;
  if (typeof lang === 'string') out.language = lang.toLowerCase();
  (cells.children ?? []).forEach((cellNode, index) => {
    const type = prop(cellNode, 'cell_type')?.value;
    const kind = type === 'code' ? 'code' : type === 'markdown' ? 'markdown' : 'raw';
    const sourceNode = prop(cellNode, 'source');
    const pieces = stringsOf(sourceNode, text);
    out.sources.push(pieces);
    out.cells.push({ kind, text: joinPieces(sourceNode), language: kind === 'code' ? out.language : undefined });
    const outputs = prop(cellNode, 'outputs');
    out.outputRanges.push(outputs?.type === 'array' && outputs.children?.length ? { start: outputs.offset, end: outputs.offset + outputs.length } : undefined);
    (outputs?.children ?? []).forEach((o, oi) => {
      const add = (k: string, n: JsonNode | undefined) => {
        if (n?.type === 'object') out.outputs.push({ cell: index, output: oi, kind: k, ...rawJsonText(n, text) });
        else if (n) out.outputs.push({ cell: index, output: oi, kind: k, text: joinPieces(n), pieces: stringsOf(n, text) });
      };
      add('stream', prop(o, 'text'));
      const data = prop(o, 'data');
      for (const mime of ['text/plain', 'text/html', 'text/markdown', 'application/json', 'text/latex']) add(mime, prop(data, mime));
      add('traceback', prop(o, 'traceback'));
    });
  });
  return out;
}

/** Maps an offset inside a cell's (or output's) decoded text to an offset in the notebook file. */
export function fileOffsetOf(pieces: Piece[], cellOffset: number): number {
  if (pieces.length === 0) return 0;
  let piece = pieces[0];
  for (const p of pieces) if (p.cellOffset <= cellOffset) piece = p;
  const within = Math.max(0, Math.min(cellOffset - piece.cellOffset, piece.length));
  const { offsets } = decodeJsonString(piece.raw);
  return piece.fileOffset + offsets[within];
}
