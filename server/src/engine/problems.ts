// At most one parse problem per file: a Helm template or a prose cell can give hundreds, and one says all the user needs.
import type { Problem } from './finding';

/**
 * Keeps the first parse-error problem (where it happened) and folds the others into its message as a
 * count; every other problem is kept as it is, in order.
 */
export function oneParseProblem<P extends Problem>(problems: readonly P[]): P[] {
  const parse = problems.filter((p) => p.kind === 'parse-error');
  if (parse.length <= 1) return problems as P[];
  const first = parse[0];
  const merged = { ...first, message: `${first.message} (and ${parse.length - 1} more parse error${parse.length === 2 ? '' : 's'} in this file)` };
  return problems.filter((p) => p.kind !== 'parse-error' || p === first).map((p) => (p === first ? merged : p));
}
