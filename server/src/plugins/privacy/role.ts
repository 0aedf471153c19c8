// Privacy findings in docs, tutorials, examples and tests show sample data: reported as notes that say so.
import { fileRole, roleClause } from '../../engine/file-role';
import type { RawFinding } from '../../engine/plugin';

/**
 * Lowers `findings` of a file at `path` to notes when the path gives it a role (test code, test data,
 * documentation/tutorial/example material), appending the reason to each message.
 */
export function withRoleSeverity<T extends RawFinding>(findings: T[], path: string | undefined): T[] {
  const role = path ? fileRole(path) : undefined;
  if (!role || findings.length === 0) return findings;
  const why = ` Reported as a note: ${roleClause(role)}, where personal data is sample data.`;
  return findings.map((f) => ({ ...f, severity: 'note', message: `${f.message ?? ''}${why}` }));
}
