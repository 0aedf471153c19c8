// TOML with positions (toml-eslint-parser): flattened key paths to values; parse errors returned, never thrown.
// toml-eslint-parser is ESM-only; the server is CommonJS. The bundler inlines it and Node >= 20.19 can require ESM.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseTOML } = require('toml-eslint-parser') as { parseTOML(text: string): unknown };

/** A TOML value node as toml-eslint-parser builds it (only the fields we read). */
export interface TomlNode {
  type: string;
  kind?: string;
  value?: unknown;
  range: [number, number];
  elements?: TomlNode[];
  body?: TomlNode[];
  key?: { keys: { name?: string; value?: string }[] };
  resolvedKey?: (string | number)[];
}

/** One key-value: its full dotted path (tables included) and its value node. */
export interface TomlEntry {
  path: string[];
  value: TomlNode;
  /** Range of the key = value pair. */
  range: [number, number];
}

/** Parses TOML text into flattened entries; inline tables are descended into. */
export function parseTomlEntries(text: string): { entries: TomlEntry[]; tables: TomlEntry[]; error?: { message: string; offset: number } } {
  let ast: { body: TomlNode[] };
  try {
    ast = parseTOML(text) as unknown as { body: TomlNode[] };
  } catch (e) {
    const err = e as Error & { index?: number };
    return { entries: [], tables: [], error: { message: err.message, offset: err.index ?? 0 } };
  }
  const entries: TomlEntry[] = [];
  const tables: TomlEntry[] = [];
  const keyOf = (n: TomlNode) => (n.key?.keys ?? []).map((k) => String(k.name ?? k.value ?? ''));
  const visit = (prefix: string[], body: TomlNode[] | undefined) => {
    for (const n of body ?? []) {
      if (n.type === 'TOMLTable') {
        const path = (n.resolvedKey ?? []).map(String);
        tables.push({ path, value: n, range: n.range });
        visit(path, n.body);
      } else if (n.type === 'TOMLKeyValue') {
        const path = [...prefix, ...keyOf(n)];
        const value = (n as unknown as { value: TomlNode }).value;
        entries.push({ path, value, range: n.range });
        if (value?.type === 'TOMLInlineTable') visit(path, value.body);
      }
    }
  };
  for (const top of ast.body) visit([], top.body);
  return { entries, tables };
}

/** The string elements of an array value node. */
export function stringElements(node: TomlNode | undefined): { value: string; start: number; end: number }[] {
  if (!node || node.type !== 'TOMLArray') return [];
  return (node.elements ?? []).flatMap((e) => (e.type === 'TOMLValue' && e.kind === 'string' && typeof e.value === 'string' ? [{ value: e.value, start: e.range[0] + 1, end: e.range[1] - 1 }] : []));
}
