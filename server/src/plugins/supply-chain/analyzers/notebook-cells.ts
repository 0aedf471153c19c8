// Notebook cells: `!pip install` / `%pip install` / `!conda install` / `!uv pip install` of unpinned packages.
import type { CellAnalyzer, RawFinding } from '../../../engine/plugin';
import { installIssues } from '../install-commands';
import { tokenizeShell } from '../parse/shell';
import { pinFromLock } from '../fix-pin';
import { installFinding } from './install-finding';
import { REQUIREMENT_RULES } from './requirements';

/** The cell analyser: one finding per unpinned package on an IPython shell/magic line. */
export const notebookInstallAnalyzer: CellAnalyzer = {
  name: 'supply-chain/notebook-install',
  analyze(cell, ctx) {
    if (!ctx.enabled(REQUIREMENT_RULES.unpinned) || !/[!%]/.test(cell)) return [];
    const out: RawFinding[] = [];
    for (const m of cell.matchAll(/^[ \t]*(?:\w+\s*=\s*)?(!|%)(?=\s*(?:(?:pip3?|conda|mamba|micromamba|uv|python[\d.]*|npm)\b|\{sys\.executable\}))/gm)) {
      const start = m.index + m[0].length;
      let end = cell.indexOf('\n', start);
      if (end < 0) end = cell.length;
      // `%pip` is the magic; `!pip` the shell: both take pip's arguments.
      for (const cmd of tokenizeShell(cell, start, end)) {
        for (const issue of installIssues(cmd)) {
          const f = installFinding(REQUIREMENT_RULES.unpinned, issue, 'Notebook install');
          if (issue.tool === 'pip' && issue.verdict.level === 'unpinned' && !issue.spec.startsWith('-')) f.fixes = pinFromLock(issue.spec, issue.word.start, ctx.facts);
          out.push(f);
        }
      }
    }
    return out;
  },
};
