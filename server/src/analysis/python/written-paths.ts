// Folder names a statement writes models to (`save_pretrained("out")`, `output_dir="out"`, `push_to_hub("me/model")`): loading them later is local.
import type { Binding } from './imports';

// Read from the statement's text, not its tree: this runs for every changed statement next to the binding
// query, and a literal that only appears in a comment merely keeps one matching name from being reported.
const WRITES = /\b(?:save_pretrained|save_model|push_to_hub|save_to_hub|save_to_disk|snapshot_save)\s*\(\s*(?:(?:save_directory|output_dir|repo_id|repo_path_or_name|path)\s*=\s*)?[rRuU]?(["'])([^"'\n]+)\1|\b(?:output_dir|save_directory|hub_model_id|push_to_hub_model_id|local_dir)\s*=\s*[rRuU]?(["'])([^"'\n]+)\3/g;

/** The canonical form of a written or loaded folder name: no `./` prefix, no trailing slash. */
export function normaliseWrittenPath(p: string): string {
  return p.trim().replace(/^(\.\/)+/, '').replace(/\/+$/, '');
}

/** `written` bindings for every literal folder name the statement text saves to or pushes to. */
export function writtenBindings(text: string): Binding[] {
  if (!/save_|push_to_hub|output_dir|save_directory|hub_model_id|local_dir/.test(text)) return [];
  const out: Binding[] = [];
  for (const m of text.matchAll(WRITES)) {
    const path = normaliseWrittenPath(m[2] ?? m[4] ?? '');
    if (path && !out.some((b) => b.kind === 'written' && b.path === path)) out.push({ kind: 'written', path });
  }
  return out;
}
