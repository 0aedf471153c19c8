// Code actions built only from diagnostic data: the fix (lookup fixes resolved later), "ignore on this line", "disable in this workspace", "show documentation", and fix-all.
import { type CodeAction, CodeActionKind, type CodeActionParams, type Diagnostic, type SnippetTextEdit, StringValue, type WorkspaceEdit } from 'vscode-languageserver/node';
import { Commands, type DiagnosticData, FIX_ALL_KIND, type LspTextEdit, ServerCommands } from '../shared/protocol';
import { IGNORE_REASON } from './convert';
import { safeFixEdits } from './fix-all';
import { envGitignoreAction } from './env-gitignore-action';
import { lookupAction } from './pin-lookup';
import { clearOutputActions } from './notebook-outputs';
import type { ServerState } from './state';
import { addToThreatModelAction } from './threat-model-action';

function actionsFor(state: ServerState, uri: string, d: Diagnostic): CodeAction[] {
  const data = d.data as DiagnosticData | undefined;
  if (d.source !== 'mlsec' || !data?.ruleId) return [];
  const out: CodeAction[] = [];
  data.fixes.forEach((fix, i) => {
    // A lookup fix has unfilled slots: it is offered (when enabled) as an action the client resolves.
    if (fix.lookup) {
      const action = lookupAction(state, uri, d, fix);
      if (action) out.push(action);
      return;
    }
    out.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: fix.safe && i === 0, edit: { changes: { [uri]: fix.edits } } });
  });
  if (data.ignore) out.push({ title: `Ignore ${data.ruleId} on this line`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: ignoreEdit(state, uri, data.ignore) });
  // Writing settings is the client's job: offered only where the client implements the command.
  if (state.caps.clientCommands.has(Commands.disableRule)) {
    const title = `Disable ${data.ruleId} in this workspace`;
    out.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title, command: Commands.disableRule, arguments: [data.ruleId] } });
  }
  // mlsec's VS Code client shows a Markdown preview; any other client gets the server-side command.
  const docsCommand = state.caps.clientCommands.has(Commands.showRuleDocs) ? Commands.showRuleDocs : ServerCommands.showRuleDocs;
  out.push({
    title: `Show documentation for ${data.ruleId}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    command: { title: `Show documentation for ${data.ruleId}`, command: docsCommand, arguments: [data.ruleId] },
  });
  return out;
}

const snippetEscape = (s: string) => s.replace(/[\\$}]/g, (c) => `\\${c}`);

/** The ignore comment; as a snippet whose reason is a tab stop when the client supports snippet edits. */
function ignoreEdit(state: ServerState, uri: string, edit: LspTextEdit): WorkspaceEdit {
  if (!state.caps.snippetEdits || !edit.newText.includes(IGNORE_REASON)) return { changes: { [uri]: [edit] } };
  const [before, after] = edit.newText.split(IGNORE_REASON, 2).map(snippetEscape);
  const snippet: SnippetTextEdit = { range: edit.range, snippet: StringValue.createSnippet(`${before}\${1:${snippetEscape(IGNORE_REASON)}}${after}`) };
  return { documentChanges: [{ textDocument: { uri, version: null }, edits: [snippet] }] };
}

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** textDocument/codeAction. Fix-all uses the last published diagnostics, since the request carries only those in range. */
export function onCodeAction(state: ServerState, params: CodeActionParams): CodeAction[] {
  const uri = params.textDocument.uri;
  const only = params.context.only;
  const out: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    for (const d of params.context.diagnostics) {
      out.push(...actionsFor(state, uri, d), ...clearOutputActions(d));
      const ignore = envGitignoreAction(state, uri, d);
      if (ignore) out.push(ignore);
      const tm = addToThreatModelAction(state, uri, d);
      if (tm) out.push(tm);
    }
  }
  if (only?.some((o) => FIX_ALL_KIND === o || FIX_ALL_KIND.startsWith(`${o}.`))) {
    const edits = safeFixEdits(state.published.get(uri) ?? []);
    if (edits.length > 0) out.push({ title: 'Fix all safe mlsec findings', kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } });
  }
  return out;
}
