// Builds the threat entry "Add to threat model" appends for a finding, and where in a threat-model YAML text it goes. Pure.
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { RuleCard } from '../../engine/rule';
import { lookupId } from './ids';

/** The workspace's threat-model file name (at the folder root). */
export const THREAT_MODEL_FILE = 'threat-model.threatmodel.yaml';

/** A new threat-model file: assets and mitigations first, `threats:` last so entries can be appended. */
export const THREAT_MODEL_SKELETON = [
  '# Threat model checked by mlsec: ids, owners and mitigations are validated as you type.',
  '# Format: docs/threat-model.md in the mlsec repository.',
  'system: ""',
  'assets: []',
  'mitigations: []',
  'threats:',
  '',
].join('\n');

/** Where the finding is: a path relative to the workspace root and a 1-based line. */
export interface EntryLocation {
  path: string;
  line: number;
}

// YAML plain scalars cannot hold everything: quote anything that is not obviously safe.
const yamlString = (s: string) => (/^[\w./ -]+$/.test(s) && !/^[-\s]|\s$/.test(s) ? s : JSON.stringify(s));

/** The first sentence of the card's "## Fix" section: the suggested mitigation. */
export function suggestedMitigation(card: Pick<RuleCard, 'help' | 'fix' | 'id'>): string {
  const fix = /^## Fix\s*\n([\s\S]*?)(?=\n## |\n*$)/m.exec(card.help)?.[1].replace(/\s+/g, ' ').trim();
  const sentence = fix ? /^(.+?[.!?])(\s|$)/.exec(fix)?.[1] ?? fix : undefined;
  return sentence ?? card.fix?.title ?? `See the documentation of ${card.id}`;
}

/** The YAML list item for one finding (two-space indented under `threats:`), ending with a newline. */
export function threatEntry(card: Pick<RuleCard, 'id' | 'title' | 'help' | 'fix' | 'atlas' | 'owasp' | 'cwe'>, loc: EntryLocation): string {
  const ids = [...card.atlas, ...card.owasp, ...card.cwe].filter((id) => lookupId(id));
  return [
    `  - id: ${yamlString(`${card.id}@${loc.path}:${loc.line}`)}`,
    `    title: ${yamlString(card.title)}`,
    `    ids: [${ids.join(', ')}]`,
    '    owner: ""',
    '    status: open',
    `    mitigations: [${yamlString(suggestedMitigation(card))}]`,
    `    findings: [${yamlString(`${loc.path}:${loc.line} ${card.id}`)}]`,
    '',
  ].join('\n');
}

/**
 * The edit that adds an entry to an existing threat-model text (replace [start, end) with `text`):
 * after the last item of a block `threats:` list, in place of an empty `threats:` / `threats: []`,
 * or as a new `threats:` key at the end of the file. A text that does not parse gets the key appended.
 */
export function insertionFor(existing: string, entry: string): { start: number; end: number; text: string } {
  const doc = parseDocument(existing);
  const root = doc.errors.length === 0 && isMap(doc.contents) ? doc.contents : undefined;
  const pair = root?.items.find((p) => isScalar(p.key) && p.key.value === 'threats');
  const sep = existing.length === 0 || existing.endsWith('\n') ? '' : '\n';
  const lineEnd = (offset: number) => {
    const nl = existing.indexOf('\n', Math.max(0, offset - 1));
    return nl < 0 ? existing.length : nl + 1;
  };
  const value = pair?.value;
  if (isSeq(value) && !value.flow && value.items.length > 0 && value.range) {
    const at = lineEnd(value.range[1]);
    return { start: at, end: at, text: at >= existing.length ? sep + entry : entry };
  }
  if (pair && isScalar(pair.key) && pair.key.range && (value === null || value === undefined || (isScalar(value) && value.value === null) || (isSeq(value) && value.items.length === 0))) {
    // `threats:` or `threats: []`: the list starts on the next line.
    const keyEnd = pair.key.range[1];
    const valueEnd = value && 'range' in value && value.range ? value.range[1] : keyEnd;
    const colon = existing.indexOf(':', keyEnd);
    return { start: colon + 1, end: Math.max(colon + 1, valueEnd), text: `\n${entry.replace(/\n$/, '')}` };
  }
  return { start: existing.length, end: existing.length, text: `${sep}threats:\n${entry}` };
}
