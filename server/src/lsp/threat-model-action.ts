// "Add to threat model": a code action on any mlsec finding that appends a threat entry to the workspace's threat-model file (creating it if absent).
import * as fs from 'fs';
import * as path from 'path';
import { type CodeAction, CodeActionKind, type Diagnostic, type TextDocumentEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import { insertionFor, THREAT_MODEL_FILE, THREAT_MODEL_SKELETON, threatEntry } from '../plugins/threat-model/add-entry';
import type { DiagnosticData } from '../shared/protocol';
import type { ServerState } from './state';
import { pathToUri, uriToPath } from './uri';

/** The workspace folder holding `file` (the deepest one), or the first folder for files outside all folders. */
function folderOf(state: ServerState, file: string): string | undefined {
  const inside = state.folders.filter((f) => {
    const rel = path.relative(f, file);
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  });
  return inside.sort((a, b) => b.length - a.length)[0] ?? state.folders[0];
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** The action for one mlsec diagnostic, or undefined (no card, no workspace folder, or a finding in the threat model itself). */
export function addToThreatModelAction(state: ServerState, uri: string, d: Diagnostic): CodeAction | undefined {
  const data = d.data as DiagnosticData | undefined;
  const card = data?.ruleId ? state.registry.byId.get(data.ruleId) : undefined;
  if (d.source !== 'mlsec' || !card || card.target === 'threatmodel') return undefined;
  const file = uriToPath(uri);
  const folder = folderOf(state, file);
  if (!folder || !uri.startsWith('file:')) return undefined;
  const target = path.join(folder, THREAT_MODEL_FILE);
  const targetUri = pathToUri(target);
  const entry = threatEntry(card, { path: path.relative(folder, file).split(path.sep).join('/'), line: d.range.start.line + 1 });
  const open = state.documents.get(targetUri);
  let existing: string | undefined = open?.getText();
  if (existing === undefined) {
    try {
      existing = fs.readFileSync(target, 'utf8');
    } catch {
      existing = undefined; // absent: created from the skeleton below
    }
  }
  const documentChanges: WorkspaceEdit['documentChanges'] = [];
  let edit: TextDocumentEdit;
  if (existing === undefined) {
    documentChanges.push({ kind: 'create', uri: targetUri, options: { ignoreIfExists: true } });
    edit = { textDocument: { uri: targetUri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: THREAT_MODEL_SKELETON + entry }] };
  } else {
    const ins = insertionFor(existing, entry);
    edit = { textDocument: { uri: targetUri, version: open?.version ?? null }, edits: [{ range: { start: positionAt(existing, ins.start), end: positionAt(existing, ins.end) }, newText: ins.text }] };
  }
  documentChanges.push(edit);
  return { title: `Add ${card.id} to the threat model`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { documentChanges } };
}
