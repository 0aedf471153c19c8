// textDocument/completion in *.threatmodel.yaml files: catalogue ids (ATLAS, OWASP, CWE) with name and description.
import { type CompletionItem, CompletionItemKind, type CompletionParams, MarkupKind } from 'vscode-languageserver/node';
import { detectTarget } from '../engine/targets';
import { ID_TABLE_VERSIONS, idUrl, THREAT_IDS } from '../plugins/threat-model/ids';
import type { ServerState } from './state';
import { uriToPath } from './uri';

// Where an id is expected: after an id key (`ids: [`, `atlas:`), or as a list item whose text looks like an id being typed.
const ID_CONTEXT = /(?:^|[\s{,])(?:ids|atlas|owasp|cwe)\s*:/;
const ID_ITEM = /^\s*-\s*(?:[A-Za-z][\w.-]*)?$/;

/** True when `uri` is a threat-model file. */
export function isThreatModelUri(uri: string): boolean {
  return detectTarget(uriToPath(uri).split(/[?#]/)[0]) === 'threatmodel';
}

/** Completion items for ids, replacing the id-like word before the cursor; null outside threat-model files or id positions. */
export function onThreatModelCompletion(state: ServerState, params: CompletionParams): CompletionItem[] | null {
  if (!isThreatModelUri(params.textDocument.uri)) return null;
  const doc = state.documents.get(params.textDocument.uri);
  if (!doc) return null;
  const { line, character } = params.position;
  const before = doc.getText({ start: { line, character: 0 }, end: params.position });
  if (!ID_CONTEXT.test(before) && !ID_ITEM.test(before)) return null;
  // Read backwards from the cursor: `/[A-Za-z0-9.-]*$/` retried from every position of a long line.
  let from = before.length;
  while (from > 0 && /[A-Za-z0-9.-]/.test(before[from - 1])) from--;
  const word = before.slice(from);
  const range = { start: { line, character: character - word.length }, end: params.position };
  return THREAT_IDS.map((t, i) => ({
    label: t.id,
    kind: t.family === 'atlas-mitigation' ? CompletionItemKind.Module : CompletionItemKind.Constant,
    detail: t.name,
    documentation: { kind: MarkupKind.Markdown, value: `${t.description}\n\n_${ID_TABLE_VERSIONS[t.family]}_ · [${t.id}](${idUrl(t)})` },
    // Matching on the name too lets "poison" find AML.T0020.
    filterText: `${t.id} ${t.name}`,
    sortText: String(i).padStart(4, '0'),
    textEdit: { range, newText: t.id },
  }));
}
