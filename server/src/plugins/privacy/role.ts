// Privacy findings in docs, tutorials, examples and tests show sample data: reported as notes that say so.
import { fileRole, roleClause } from '../../engine/file-role';
import type { RawFinding } from '../../engine/plugin';

/** The sentence a privacy finding in a file with a role ends with, or '' for ordinary source. */
export function sampleDataReason(path: string | undefined): string {
  const role = path ? fileRole(path) : undefined;
  return role ? ` Reported as a note: ${roleClause(role)}, where personal data is sample data.` : '';
}

/**
 * Lowers `findings` of a file at `path` to notes when the path gives it a role (test code, test data,
 * documentation/tutorial/example material), appending the reason to each message.
 */
export function withRoleSeverity<T extends RawFinding>(findings: T[], path: string | undefined): T[] {
  const why = findings.length === 0 ? '' : sampleDataReason(path);
  if (!why) return findings;
  return findings.map((f) => ({ ...f, severity: 'note', message: `${f.message ?? ''}${why}` }));
}
