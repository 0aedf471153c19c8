// YAML documents with positions (via the `yaml` package) and small walkers; never throws.
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node as YamlNode } from 'yaml';
import { measure } from '../../../engine/stats';
import { blankGoTemplates, hasGoTemplate } from '../../../parsers/go-template';

/** A string scalar with its value range (quotes excluded when present). */
export interface YamlString {
  value: string;
  start: number;
  end: number;
}

/** Parsed documents, their syntax errors, and whether Go-template actions had to be blanked first. */
export interface ParsedYamlDocs {
  docs: unknown[];
  errors: { message: string; start: number; end: number }[];
  /** True when the text only parsed (or parsed better) with its `{{ … }}` actions blanked: a Helm template. */
  templated?: boolean;
}

function parseAll(text: string, uniqueKeys: boolean): ParsedYamlDocs {
  try {
    const parsed = measure('parse:yaml', text.length, () => parseAllDocuments(text, { uniqueKeys }));
    const list = Array.isArray(parsed) ? parsed : [parsed];
    const errors = list.flatMap((d) => d.errors.map((e) => ({ message: e.message.split('\n')[0], start: e.pos[0], end: e.pos[1] })));
    return { docs: list.map((d) => d.contents), errors };
  } catch (e) {
    return { docs: [], errors: [{ message: (e as Error).message, start: 0, end: 0 }] };
  }
}

/**
 * Parses every document; syntax errors come back as messages with offsets. A file that does not
 * parse and holds Go-template actions (Helm charts) is parsed again with the actions blanked, so
 * literal images in charts are still read; both branches of an `{{ if }}` then sit side by side,
 * so repeated keys are allowed there.
 */
export function parseYamlDocs(text: string): ParsedYamlDocs {
  const plain = parseAll(text, true);
  if (plain.errors.length === 0 || !hasGoTemplate(text)) return plain;
  return { ...parseAll(blankGoTemplates(text), false), templated: true };
}

/** The value of `key` in a YAML map node, or undefined. */
export function get(node: unknown, key: string): unknown {
  if (!isMap(node)) return undefined;
  for (const item of node.items) if (isPair(item) && isScalar(item.key) && item.key.value === key) return item.value;
  return undefined;
}

/** The entries of a YAML map node as [key, value] (string keys only). */
export function entries(node: unknown): [string, unknown][] {
  if (!isMap(node)) return [];
  return node.items.flatMap((i) => (isPair(i) && isScalar(i.key) ? [[String(i.key.value), i.value] as [string, unknown]] : []));
}

/** The items of a YAML sequence node. */
export function items(node: unknown): unknown[] {
  return isSeq(node) ? node.items : [];
}

/** A string scalar's value and range (quotes stripped from the range), or undefined. */
export function str(node: unknown): YamlString | undefined {
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
  const [s, e] = node.range;
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  return { value: node.value, start: quoted ? s + 1 : s, end: quoted ? e - 1 : e };
}

/** Every `image:` string value anywhere below `node` (Kubernetes manifests, Helm-free). */
export function allImages(node: unknown, out: YamlString[] = []): YamlString[] {
  if (isMap(node)) {
    for (const i of node.items) {
      if (!isPair(i)) continue;
      // ConfigMap/Secret payloads and metadata are data, not pod specs.
      if (isScalar(i.key) && ['data', 'stringData', 'binaryData', 'metadata'].includes(String(i.key.value))) continue;
      if (isScalar(i.key) && i.key.value === 'image') {
        const s = str(i.value);
        if (s) out.push(s);
      } else allImages(i.value, out);
    }
  } else if (isSeq(node)) for (const i of node.items) allImages(i, out);
  return out;
}

export type { YamlNode };
