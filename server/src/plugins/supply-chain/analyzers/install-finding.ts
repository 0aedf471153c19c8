// Turns an unpinned install (pip/conda/npm/apt in RUN or a notebook `!pip` line) into a finding with its message.
import type { RawFinding } from '../../../engine/plugin';
import type { InstallIssue } from '../install-commands';

/** A finding for `issue` under `ruleId`; `where` names the context ("RUN", "notebook"). Fixes are added by the caller. */
export function installFinding(ruleId: string, issue: InstallIssue, where: string): RawFinding {
  const range = { start: issue.word.start, end: issue.word.end };
  const what = issue.verdict.name ? `\`${issue.verdict.name}\`` : `\`${issue.spec}\``;
  if (issue.tool === 'apt') {
    return { ruleId, range, severity: 'note', message: `\`apt-get install\` with ${issue.verdict.why}: the image gets whatever the mirror serves at build time. Pin \`pkg=version\` where reproducibility matters (apt verifies signatures, so this is about drift, not tampering).`, properties: { tool: 'apt' } };
  }
  if (issue.spec.startsWith('-r') || issue.verdict.why?.startsWith('`-r')) {
    return { ruleId, range, message: `${where}: ${issue.verdict.why}. Pin the file with hashes and install with \`--require-hashes\`.`, properties: { tool: issue.tool } };
  }
  if (issue.verdict.level === 'exact') {
    return { ruleId, range, severity: 'note', message: `${where}: ${what} is pinned to a version but not verified (${issue.verdict.why}). Install from a hashed lock/requirements file (\`--require-hashes\`).`, properties: { tool: issue.tool } };
  }
  return { ruleId, range, message: `${where}: ${issue.tool} installs ${what} unpinned (${issue.verdict.why}): each build can fetch a different, possibly malicious release. Pin an exact version and install from a hashed lock file.`, properties: { tool: issue.tool } };
}
