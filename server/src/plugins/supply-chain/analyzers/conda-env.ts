// Conda environment files: conda specs and the `pip:` section without pinned versions.
import type { Problem } from '../../../engine/finding';
import type { RawFinding, TextAnalyzer } from '../../../engine/plugin';
import { pinFromLock } from '../fix-pin';
import { get, items, parseYamlDocs, str } from '../parse/yaml-docs';
import { classifyConda, classifyPip } from '../pins';
import { REQUIREMENT_RULES } from './requirements';
import { fileDowngrade, groupedFindings, type LooseEntry } from './requirement-groups';

/** The environment.yml analyser (reports under `unpinned-requirement`). */
export const condaEnvAnalyzer: TextAnalyzer = {
  name: 'supply-chain/conda-env',
  targets: ['conda-env'],
  analyze(file, ctx) {
    const { docs, errors } = parseYamlDocs(file.text);
    const problems: Problem[] = errors.map((e) => ({ kind: 'parse-error', message: `environment file: ${e.message}`, range: { start: e.start, end: e.end } }));
    const findings: RawFinding[] = [];
    // With a conda-lock file in the workspace, the environment file is the input to the lock: ranges are normal.
    const condaLock = (ctx.facts.files ?? []).some((f) => /(^|[\\/])conda-lock\.ya?ml$/i.test(f.path));
    if (!ctx.enabled(REQUIREMENT_RULES.unpinned) || condaLock) return { findings, problems };
    const conda: LooseEntry[] = [];
    const pip: LooseEntry[] = [];
    for (const doc of docs) {
      for (const dep of items(get(doc, 'dependencies'))) {
        const s = str(dep);
        if (s) {
          const v = classifyConda(s.value);
          if (v.level === 'unpinned' || v.level === 'exact') conda.push({ range: { start: s.start, end: s.end }, spec: s.value, name: v.name, level: v.level, why: v.why, fixes: [] });
          continue;
        }
        for (const p of items(get(dep, 'pip'))) {
          const ps = str(p);
          if (!ps || ps.value.startsWith('-')) continue;
          const v = classifyPip(ps.value, false);
          if (v.level !== 'unpinned' && v.level !== 'exact') continue;
          pip.push({ range: { start: ps.start, end: ps.end }, spec: ps.value, name: v.name, level: v.level, why: v.why, fixes: v.level === 'unpinned' ? pinFromLock(ps.value, ps.start, ctx.facts) : [] });
        }
      }
    }
    // One finding per section and kind, listing the packages.
    const downgrade = fileDowngrade(file.path);
    findings.push(...groupedFindings(REQUIREMENT_RULES.unpinned, conda, 'conda: ', downgrade), ...groupedFindings(REQUIREMENT_RULES.unpinned, pip, 'pip: ', downgrade));
    return { findings, problems };
  },
};
