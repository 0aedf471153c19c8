// "Show documentation for <rule-id>": fetches the card's Markdown from the server and shows it read-only.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RuleDocsRequest, type RuleDocsParams, type RuleDocsResult } from '../../server/src/shared/protocol';

/** URI scheme of the read-only virtual documents holding rule docs. */
export const DOCS_SCHEME = 'mlsec-docs';

/** Serves `mlsec-docs:/<rule-id>.md` from the server's `mlsec/ruleDocs`, so the client reads no extension files. */
export class RuleDocsProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly client: LanguageClient) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const ruleId = uri.path.replace(/^\//, '').replace(/\.md$/, '');
    const docs = await this.client.sendRequest<RuleDocsResult | null>(RuleDocsRequest, { ruleId } satisfies RuleDocsParams);
    return docs?.markdown ?? `# Unknown rule \`${ruleId}\`\n\nmlsec has no rule with this id.`;
  }
}

/** Opens a rule's docs in a Markdown preview, or as a plain read-only document if preview is unavailable. */
export async function showRuleDocs(ruleId: unknown): Promise<vscode.Uri | undefined> {
  let id = typeof ruleId === 'string' ? ruleId : undefined;
  id ??= await vscode.window.showInputBox({ prompt: 'mlsec rule id', placeHolder: 'unsafe-torch-load' });
  if (!id) return undefined;
  const uri = vscode.Uri.from({ scheme: DOCS_SCHEME, path: `/${id}.md` });
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    // The built-in Markdown extension may be disabled: the raw Markdown is still readable.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
  }
  return uri;
}
