// Turns the unpinned installs of one command (pip/conda/npm/apt in RUN or a notebook `!pip` line) into one finding listing them.
import type { Fix } from '../../../engine/finding';
import type { RawFinding } from '../../../engine/plugin';
import type { InstallIssue } from '../install-commands';

/** PyPA's packaging tools: `pip install -U pip setuptools wheel` bootstraps the installer. */
const INSTALLER = new Set(['pip', 'setuptools', 'wheel']);

/** At most this many packages are named in a message; the rest are counted. */
const LISTED = 5;

/** `a`, `b` and `c` / `a`, `b`, ... and 3 more. */
function list(items: string[]): string {
  const shown = items.slice(0, LISTED);
  const more = items.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : shown[0] ?? '';
}

/** How a package is named in a message: its name (or spec) and, for unpinned ones, what is missing. */
function named(issue: InstallIssue, withWhy: boolean): string {
  const what = `\`${issue.verdict.name ?? issue.spec}\``;
  return withWhy && issue.verdict.why ? `${what} (${issue.verdict.why})` : what;
}

/**
 * One finding for the issues of one install command (all from the same `installIssues` call), or none.
 * Severity: warning when something is unpinned or a `-r` file is unverified, note when every package is
 * at least version-pinned, and `downgrade` (a reason: tutorial notebook, example folder, test data)
 * turns a warning into a note whose message says why. `fixesFor` supplies per-package fixes.
 */
export function commandFinding(ruleId: string, issues: readonly InstallIssue[], where: string, options: { downgrade?: string; fixesFor?: (issue: InstallIssue) => Fix[] } = {}): RawFinding | undefined {
  if (issues.length === 0) return undefined;
  const first = issues[0];
  const range = { start: Math.min(...issues.map((i) => i.word.start)), end: Math.max(...issues.map((i) => i.word.end)) };
  if (first.tool === 'apt') {
    return { ruleId, range, severity: 'note', message: `\`apt-get install\` with ${first.verdict.why}: the image gets whatever the mirror serves at build time. Pin \`pkg=version\` where reproducibility matters (apt verifies signatures, so this is about drift, not tampering).`, properties: { tool: 'apt' } };
  }
  const files = issues.filter((i) => i.verdict.why?.startsWith('`-r'));
  const loose = issues.filter((i) => !files.includes(i) && i.verdict.level === 'unpinned');
  const exact = issues.filter((i) => !files.includes(i) && i.verdict.level === 'exact');
  const parts: string[] = [];
  if (loose.length === 1) parts.push(`${first.tool} installs ${named(loose[0], false)} unpinned (${loose[0].verdict.why ?? 'no version'}): each install can fetch a different, possibly malicious release`);
  else if (loose.length) parts.push(`${first.tool} installs ${loose.length} packages unpinned, ${list(loose.map((i) => named(i, true)))}: each install can fetch a different, possibly malicious release`);
  if (files.length) parts.push(list(files.map((i) => i.verdict.why!)));
  if (exact.length) parts.push(`${list(exact.map((i) => named(i, false)))} ${exact.length > 1 ? 'are' : 'is'} pinned to a version but not verified (no hash)`);
  const advice = loose.length || files.length
    ? 'Pin exact versions and install from a hashed lock/requirements file (`--require-hashes`).'
    : 'Install from a hashed lock/requirements file (`--require-hashes`) so a re-published artefact is caught.';
  const fixes = options.fixesFor ? combined(issues.flatMap((i) => options.fixesFor!(i))) : [];
  // `pip install -U pip setuptools wheel`: the installer upgrading itself from PyPA's own projects, like GitHub's
  // own actions at a tag, is hygiene rather than a third-party trust decision.
  const bootstrap = !files.length && loose.length > 0 && first.tool === 'pip' && loose.every((i) => INSTALLER.has((i.verdict.name ?? '').toLowerCase()));
  const reason = options.downgrade ?? (bootstrap ? 'it only upgrades the installer itself (pip, setuptools, wheel are PyPA\'s own projects)' : undefined);
  const downgraded = reason ? ` Reported as a note because ${reason}.` : '';
  return {
    ruleId,
    range,
    severity: !loose.length && !files.length ? 'note' : reason ? 'note' : undefined,
    message: `${where}: ${parts.join('; ')}. ${advice}${loose.length || files.length ? downgraded : ''}`,
    fixes,
    properties: { tool: first.tool, packages: issues.map((i) => i.verdict.name ?? i.spec) },
  };
}

/** Several per-package fixes: one that applies the offline ones all at once first (so "fix all" pins the whole command), then each alone. */
function combined(fixes: Fix[]): Fix[] {
  const offline = fixes.filter((f) => !f.lookup);
  if (offline.length < 2) return fixes;
  return [{ title: `Pin all ${offline.length} packages from the lock file`, edits: offline.flatMap((f) => f.edits), safe: offline.every((f) => f.safe) }, ...fixes];
}
