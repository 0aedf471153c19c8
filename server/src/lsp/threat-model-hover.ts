// textDocument/hover: names and describes catalogue ids (ATLAS, OWASP, CWE) and the rule ids of `# mlsec: ignore[...]` comments.
import { type Hover, type HoverParams, MarkupKind } from 'vscode-languageserver/node';
import type { RuleCard } from '../engine/rule';
import { ID_TABLE_VERSIONS, idUrl, lookupId, type ThreatId } from '../plugins/threat-model/ids';
import { ruleDocsHref } from './docs-location';
import type { ServerState } from './state';

// The rule-id branch starts only at a word start: from inside a long word it re-read the word's rest.
const TOKEN = /AML\.[TM]\d{4}(?:\.\d{3})?|(?:LLM|ML|ASI)\d{2}|CWE-\d+|(?<![a-z0-9])[a-z0-9]+(?:-[a-z0-9]+)+/g;

/** One id as a Markdown line with its link. */
export function idMarkdown(t: ThreatId): string {
  return `**[${t.id}](${idUrl(t)})** ${t.name}: ${t.description}`;
}

/** A card's CWE/OWASP/ATLAS ids as linked Markdown lines (unknown ids are listed bare). */
export function classificationMarkdown(card: Pick<RuleCard, 'cwe' | 'owasp' | 'atlas'>): string[] {
  return [...card.cwe, ...card.owasp, ...card.atlas].map((id) => {
    const t = lookupId(id);
    return t ? `- ${idMarkdown(t)}` : `- ${id}`;
  });
}

function ruleHover(card: RuleCard): string {
  return [`**[${card.id}](${ruleDocsHref(card.id)})**: ${card.title}`, '', `${card.category} · ${card.severity}`, '', ...classificationMarkdown(card)].join('\n');
}

/** Hover for the id under the cursor in any document the server holds; null when there is none. */
export function onThreatModelHover(state: ServerState, params: HoverParams): Hover | null {
  const doc = state.documents.get(params.textDocument.uri);
  if (!doc) return null;
  const { line, character } = params.position;
  const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (character < start || character > end) continue;
    const range = { start: { line, character: start }, end: { line, character: end } };
    const t = lookupId(m[0]);
    if (t) return { contents: { kind: MarkupKind.Markdown, value: `${idMarkdown(t)}\n\n_${ID_TABLE_VERSIONS[t.family]}_` }, range };
    // A rule id only inside a suppression comment: elsewhere kebab-case words are ordinary text.
    const card = state.registry.byId.get(m[0]);
    const comment = /#\s*mlsec:\s*ignore\[([^\]]*)\]/.exec(text);
    if (card && comment && start > (comment.index ?? 0) && end <= (comment.index ?? 0) + comment[0].length) return { contents: { kind: MarkupKind.Markdown, value: ruleHover(card) }, range };
  }
  return null;
}
