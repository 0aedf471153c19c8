// The threat-model generator's pure entry point: files + findings (+ the previous document) → Markdown.
import { cmp } from './order';
import { buildInventory } from './inventory';
import { mergeGenerated, renderDocument, renderGenerated } from './render';
import type { GenFinding, WorkspaceFile } from './types';

export type { GenFinding, Inventory, WorkspaceFile } from './types';
export { GENERATED_END, GENERATED_START } from './render';

/** What the generator needs: the workspace's name, its files and the scan's findings. */
export interface GenerateInput {
  name: string;
  files: readonly WorkspaceFile[];
  findings: readonly GenFinding[];
  /** The current document, if one exists: its text outside the generated markers is kept. */
  previous?: string;
  /** Masks secrets in the generated text (the inventory quotes workspace lines); the caller's redaction step. */
  redact?: (text: string) => string;
}

/** Generates (or regenerates) the threat-model document. Deterministic: same input, same bytes. */
export function generateThreatModel(input: GenerateInput): string {
  const findings = [...input.findings].sort((a, b) => cmp(a.path, b.path) || a.line - b.line || cmp(a.ruleId, b.ruleId));
  // No file count in the text: it would include the generated document itself and change on the second run.
  const rendered = renderGenerated(buildInventory(input.files, findings), findings);
  // Only the generated part is masked: the text the user wrote outside the markers is theirs to keep.
  const generated = input.redact ? input.redact(rendered) : rendered;
  return input.previous === undefined ? renderDocument(input.name, generated) : mergeGenerated(input.previous, generated);
}
