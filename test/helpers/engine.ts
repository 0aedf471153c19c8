// Test helper: one initialised engine context (registry from rules/, default settings) shared by unit tests.
import { initEngine, type EngineContext } from '../../server/src/engine/analyze';
import { factsFromFiles, NO_FACTS } from '../../server/src/engine/project-facts';
import { loadRegistry, type Registry } from '../../server/src/engine/registry';
import type { Fix, TextEdit } from '../../server/src/engine/finding';
import { codeRules } from '../../server/src/rules';
import { DEFAULT_SETTINGS } from '../../server/src/shared/settings';

let registry: Registry | undefined;

/** Loads the parsers and the catalogue once; returns a context with optional requirement lines as facts. */
export async function engineContext(requirements: string[] = []): Promise<EngineContext> {
  await initEngine();
  registry ??= loadRegistry(codeRules);
  const facts = requirements.length ? factsFromFiles([{ path: 'requirements.txt', text: requirements.join('\n') }]) : NO_FACTS;
  return { registry, settings: DEFAULT_SETTINGS, facts };
}

/** Applies edits (offsets into `text`), skipping any that overlap an earlier one. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start);
  const kept: TextEdit[] = [];
  let lastEnd = -1;
  for (const e of sorted) {
    if (e.range.start < lastEnd) continue;
    kept.push(e);
    lastEnd = Math.max(e.range.end, e.range.start);
  }
  let out = text;
  for (const e of kept.reverse()) out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  return out;
}

/** The edits of the first fix of each finding, the way "fix all" applies them. */
export function firstFixEdits(fixes: Fix[][]): TextEdit[] {
  return fixes.flatMap((f) => (f.length ? f[0].edits : []));
}
