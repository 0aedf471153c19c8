// mlsec/ruleDocs and the server-side "show documentation" command: a rule card's help as Markdown, and the bundled page opened for generic clients.
import { pathToFileURL } from 'url';
import { MessageType, ShowMessageNotification } from 'vscode-languageserver/node';
import type { RuleDocsParams, RuleDocsResult } from '../shared/protocol';
import { bundledDocsPath, ruleDocsHref } from './docs-location';
import { logError, type ServerState } from './state';
import { classificationMarkdown } from './threat-model-hover';

/** The card's title, help, references and classification; null for an unknown id. */
export function ruleDocs(state: ServerState, params: Partial<RuleDocsParams>): RuleDocsResult | null {
  const card = typeof params?.ruleId === 'string' ? state.registry.byId.get(params.ruleId) : undefined;
  if (!card) return null;
  const href = ruleDocsHref(card.id);
  const level = state.settings.rules[card.id] ?? card.severity;
  const markdown = [
    `# ${card.id}: ${card.title}`,
    '',
    `**Severity:** ${level} · **Category:** ${card.category} · **Precision:** ${card.precision} · ${card.cwe.join(', ')}`,
    '',
    card.help.trim(),
    '',
    '## Classification',
    ...classificationMarkdown(card),
    '',
    '## References',
    ...card.references.map((r) => `- <${r}>`),
    '',
    `Suppress one occurrence with \`# mlsec: ignore[${card.id}] <reason>\`, or set \`"mlsec.rules": { "${card.id}": "off" }\`.`,
    '',
    `[Rule page](${href})`,
  ].join('\n');
  return { ruleId: card.id, title: card.title, markdown, href };
}

/**
 * workspace/executeCommand `mlsec.server.showRuleDocs [ruleId]`: opens the bundled Markdown page
 * with window/showDocument when the client supports it, else says where it is; returns the docs
 * either way so a client can render them itself.
 */
export async function executeShowRuleDocs(state: ServerState, args: unknown[] | undefined): Promise<RuleDocsResult | null> {
  const docs = ruleDocs(state, { ruleId: typeof args?.[0] === 'string' ? args[0] : undefined });
  if (!docs) return null;
  const file = bundledDocsPath(docs.ruleId);
  try {
    if (state.caps.showDocument) {
      await state.connection.window.showDocument(file ? { uri: pathToFileURL(file).href, takeFocus: true } : { uri: docs.href, external: true });
    } else {
      // A notification, not window/showMessageRequest: there is nothing to answer.
      void state.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `mlsec ${docs.ruleId}: ${docs.title}. Documentation: ${file ?? docs.href}` });
    }
  } catch (e) {
    logError(state, `showing the docs of ${docs.ruleId}`, e);
  }
  return docs;
}
