// Notebook cells: `!pip install` / `%pip install` / `!conda install` / `!uv pip install` of unpinned packages, one finding per command.
import { fileRole, roleClause } from '../../../engine/file-role';
import type { CellAnalyzer, RawFinding } from '../../../engine/plugin';
import { installIssues } from '../install-commands';
import { tokenizeShell } from '../parse/shell';
import { pinFromLock } from '../fix-pin';
import { commandFinding } from './install-finding';
import { REQUIREMENT_RULES } from './requirements';

/**
 * Why installs in this notebook are notes, or undefined. Notebooks in documentation, tutorial, course and
 * example folders (and tests) are run by readers in a fresh, throwaway kernel (Colab, a course VM): the
 * install line is how the material says what it needs, not how anything is deployed.
 */
function downgradeFor(path: string | undefined): string | undefined {
  const role = path ? fileRole(path) : undefined;
  return role ? `${roleClause(role, 'this notebook')}: readers run its installs in a throwaway environment, nothing is deployed from it` : undefined;
}

/** The cell analyser: one finding per IPython shell/magic install command that fetches something unpinned. */
export const notebookInstallAnalyzer: CellAnalyzer = {
  name: 'supply-chain/notebook-install',
  analyze(cell, ctx) {
    if (!ctx.enabled(REQUIREMENT_RULES.unpinned) || !/[!%]/.test(cell)) return [];
    const out: RawFinding[] = [];
    const downgrade = downgradeFor(ctx.path);
    for (const m of cell.matchAll(/^[ \t]*(?:\w+\s*=\s*)?(!|%)(?=\s*(?:(?:pip3?|conda|mamba|micromamba|uv|python[\d.]*|npm)\b|\{sys\.executable\}))/gm)) {
      const start = m.index + m[0].length;
      let end = cell.indexOf('\n', start);
      if (end < 0) end = cell.length;
      // `%pip` is the magic; `!pip` the shell: both take pip's arguments.
      for (const cmd of tokenizeShell(cell, start, end)) {
        const f = commandFinding(REQUIREMENT_RULES.unpinned, installIssues(cmd), 'Notebook install', {
          downgrade,
          fixesFor: (issue) => (issue.tool === 'pip' && issue.verdict.level === 'unpinned' && !issue.spec.startsWith('-') ? pinFromLock(issue.spec, issue.word.start, ctx.facts) : []),
        });
        if (f) out.push(f);
      }
    }
    return out;
  },
};
