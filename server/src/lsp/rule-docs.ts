// mlsec/ruleDocs: a rule card's help as Markdown, so the client can show docs without reading the extension's files.
import type { RuleDocsParams, RuleDocsResult } from '../shared/protocol';
import { ruleDocsUrl } from '../shared/protocol';
import type { ServerState } from './state';
import { classificationMarkdown } from './threat-model-hover';

/** The card's title, help, references and classification; null for an unknown id. */
export function ruleDocs(state: ServerState, params: RuleDocsParams): RuleDocsResult | null {
  const card = state.registry.byId.get(params?.ruleId);
  if (!card) return null;
  const href = ruleDocsUrl(card.id);
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
    `[Online documentation](${href})`,
  ].join('\n');
  return { ruleId: card.id, title: card.title, markdown, href };
}
