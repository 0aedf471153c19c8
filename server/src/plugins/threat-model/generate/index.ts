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
}

/** Generates (or regenerates) the threat-model document. Deterministic: same input, same bytes. */
export function generateThreatModel(input: GenerateInput): string {
  const findings = [...input.findings].sort((a, b) => cmp(a.path, b.path) || a.line - b.line || cmp(a.ruleId, b.ruleId));
  // No file count in the text: it would include the generated document itself and change on the second run.
  const generated = renderGenerated(buildInventory(input.files, findings), findings);
  return input.previous === undefined ? renderDocument(input.name, generated) : mergeGenerated(input.previous, generated);
}
