// setup.cfg: `install_requires` / `extras_require` entries on moving VCS refs or unhashed URLs (ranges in library metadata are normal).
import type { RawFinding, TextAnalyzer } from '../../../engine/plugin';
import { metadataRequirementProblem } from '../metadata-pin';
import { REQUIREMENT_RULES } from './requirements';

/** The setup.cfg analyser: scans the indented value lines of dependency keys; a malformed file simply yields nothing. */
export const setupCfgAnalyzer: TextAnalyzer = {
  name: 'supply-chain/setup-cfg',
  targets: ['setup-cfg'],
  analyze(file, ctx) {
    const findings: RawFinding[] = [];
    if (!ctx.enabled(REQUIREMENT_RULES.unpinned)) return { findings };
    let inDeps = false;
    let extras = false;
    let offset = 0;
    for (const line of file.text.split('\n')) {
      const start = offset;
      offset += line.length + 1;
      const key = /^(\w[\w-]*)[ \t]*=[ \t]*([^\r]*)/.exec(line);
      // Every key of [options.extras_require] lists requirements; elsewhere only the *_requires keys do.
      if (/^\[/.test(line)) {
        extras = /^\[options\.extras_require\]/.test(line);
        inDeps = false;
        continue;
      }
      if (key) inDeps = extras || /^(install_requires|setup_requires|tests_require)$/.test(key[1]);
      const value = key ? key[2] : /^\s+\S/.test(line) ? line : '';
      if (!inDeps || !value.trim() || value.trim().startsWith('#')) continue;
      const spec = value.trim().replace(/(?<!\s)\s+#.*$/, '');
      const p = metadataRequirementProblem(spec);
      if (!p) continue;
      const at = start + line.indexOf(spec);
      findings.push({ ruleId: REQUIREMENT_RULES.unpinned, range: { start: at, end: at + spec.length }, message: `\`${p.name ?? spec}\`: ${p.why}.` });
    }
    return { findings };
  },
};
