// Dependency-file entries grouped into one finding per file and kind (unpinned / version-pinned without hash), listing the packages.
import { fileRole, roleClause } from '../../../engine/file-role';
import type { Fix, OffsetRange } from '../../../engine/finding';
import type { RawFinding } from '../../../engine/plugin';

/** One entry of a dependency file that is not integrity-pinned. */
export interface LooseEntry {
  range: OffsetRange;
  spec: string;
  name?: string;
  level: 'unpinned' | 'exact';
  why?: string;
  fixes: Fix[];
}

const LISTED = 6;

/** The message for one requirement that is unpinned (`warning`) or pinned without a hash (`note`). */
export function unpinnedMessage(spec: string, name: string | undefined, level: 'unpinned' | 'exact', why: string | undefined): string {
  const what = name ? `\`${name}\`` : `\`${spec}\``;
  if (level === 'exact') return `${what} is pinned to a version but not verified: ${why ?? 'no hash'}. A re-published or compromised artefact would install silently; add hashes (\`pip-compile --generate-hashes\`, \`uv pip compile --generate-hashes\`) or install from a lock file.`;
  return `${what} is not pinned: ${why ?? 'no version'}. Each install can fetch a different (possibly malicious) release; pin \`==\` with \`--hash\` or install from a lock file.`;
}

/** A group member as short as it can say what is loose: `numpy`, `pandas>=2.0`, `tool@main`, `tool` (default branch), `x.tar.gz` (URL, no hash). */
function shortLabel(e: LooseEntry): string {
  const name = e.name ?? e.spec.replace(/[#@][^/]*$/, '').replace(/^.*\//, '');
  const why = e.why ?? 'no version';
  const range = /^a version range \(`(.+)`\)$/.exec(why);
  if (range) return `\`${name}${range[1]}\``;
  const ref = /^VCS ref `([^`]+)`/.exec(why);
  if (ref) return `\`${name}@${ref[1]}\``;
  if (why.startsWith('VCS URL without a ref')) return `\`${name}\` (default branch)`;
  if (why.startsWith('URL download')) return `\`${name}\` (URL, no hash)`;
  return `\`${name}\``;
}

/** Why entries of this file are notes (documentation/example/test folders), or undefined. */
export function fileDowngrade(path: string): string | undefined {
  const role = fileRole(path);
  return role ? `${roleClause(role)}: it lists what the material needs for readers or a test run to install, nothing is deployed from it` : undefined;
}

/**
 * Several per-entry fixes: one applying the offline ones all at once first (what "fix all" uses), then each on
 * its own. Online lookup fixes (`lookup`) are filled one key at a time when picked, so they are never merged.
 */
export function combinedFixes(fixes: Fix[]): Fix[] {
  const offline = fixes.filter((f) => !f.lookup);
  if (offline.length < 2) return fixes;
  const sources = new Set(offline.map((f) => /\(from ([^)]+)\)$/.exec(f.title)?.[1]));
  const from = sources.size === 1 && [...sources][0] ? ` (from ${[...sources][0]})` : '';
  return [{ title: `Pin all ${offline.length} requirements${from}`, edits: offline.flatMap((f) => f.edits), safe: offline.every((f) => f.safe) }, ...fixes];
}

/**
 * One finding for the unpinned entries and one note for the version-only ones (`prefix` names the section, e.g. "conda: ").
 * A single entry keeps the per-line message; a group sits on its first entry and names the others.
 * `downgrade` (a reason) turns the unpinned warning into a note that says why.
 */
export function groupedFindings(ruleId: string, entries: readonly LooseEntry[], prefix: string, downgrade?: string): RawFinding[] {
  const out: RawFinding[] = [];
  for (const level of ['unpinned', 'exact'] as const) {
    const group = entries.filter((e) => e.level === level);
    if (group.length === 0) continue;
    const first = group[0];
    const note = level === 'exact' || downgrade !== undefined;
    const because = level === 'unpinned' && downgrade ? ` Reported as a note because ${downgrade}.` : '';
    const shown = group.slice(0, LISTED).map((e) => (level === 'unpinned' ? shortLabel(e) : `\`${e.name ?? e.spec}\``));
    const more = group.length > LISTED ? ` and ${group.length - LISTED} more` : '';
    const message = group.length === 1
      ? unpinnedMessage(first.spec, first.name, level, first.why)
      : level === 'unpinned'
        ? `${group.length} requirements in this file are not pinned (no version, a range, or a movable ref): ${shown.join(', ')}${more}. Each install can fetch a different (possibly malicious) release; pin \`==\` with \`--hash\` (\`pip-compile --generate-hashes\`, \`uv pip compile --generate-hashes\`) or install from a lock file.`
        : `${group.length} requirements in this file are pinned to a version but not verified (no hash): ${shown.join(', ')}${more}. A re-published or compromised artefact would install silently; add hashes or install from a lock file.`;
    out.push({
      ruleId,
      range: first.range,
      severity: note ? 'note' : undefined,
      message: `${prefix}${message}${because}`,
      fixes: combinedFixes(group.flatMap((e) => e.fixes)),
      properties: { packages: group.map((e) => e.name ?? e.spec) },
    });
  }
  return out;
}
