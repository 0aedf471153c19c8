// The secrets text analyser: Dockerfiles, env files, IaC, CI and config files, credentials files.
import type { RawFinding, TextAnalyzer } from '../../engine/plugin';
import type { Target } from '../../engine/source-file';
import { dockerfileSecretFix } from './dockerfile-fix';
import { secretMessage, secretProperties, type Place } from './message';
import { scanText } from './scan';
import { assessHit, whySentence } from './severity';
import { findTerraformSecretOutputs } from './terraform';

/** Dockerfile secrets per file that get the BuildKit-secret fix. */
const MAX_DOCKERFILE_FIXES = 100;

export const SECRET_IN_DOCKERFILE = 'secret-in-dockerfile';
export const SECRET_IN_ENV_FILE = 'secret-in-env-file';
export const SECRET_IN_CONFIG = 'secret-in-config';

const CONFIG_TARGETS: readonly Target[] = [
  'compose', 'kubernetes', 'github-actions', 'terraform', 'yaml', 'json', 'toml', 'ini', 'credentials', 'requirements',
  'pyproject', 'pipfile', 'setup-cfg', 'conda-env',
];

function ruleFor(target: Target): { ruleId: string; place: Place } {
  if (target === 'dockerfile') return { ruleId: SECRET_IN_DOCKERFILE, place: 'dockerfile' };
  if (target === 'env') return { ruleId: SECRET_IN_ENV_FILE, place: 'env' };
  return { ruleId: SECRET_IN_CONFIG, place: 'config' };
}

/** Scans the whole file text; ranges cover the secret value only, so every writer can mask it. */
export const secretsTextAnalyzer: TextAnalyzer = {
  name: 'secrets',
  targets: ['dockerfile', 'env', ...CONFIG_TARGETS],
  analyze(file, ctx) {
    const { ruleId, place } = ruleFor(file.target);
    // Sealed Secrets hold values encrypted for the cluster: safe to commit by design.
    if (!ctx.enabled(ruleId) || /^kind:[ \t]*SealedSecret\b/m.test(file.text)) return { findings: [] };
    const hits = scanText(file.text, {
      dockerfile: file.target === 'dockerfile',
      netrc: file.target === 'credentials',
    });
    if (file.target === 'terraform') findTerraformSecretOutputs(file.text, hits);
    // Each Dockerfile fix reads the RUN lines after its secret, so only the first ones get a fix: a file
    // with thousands of ENV secrets would otherwise cost the square of its size.
    const findings: RawFinding[] = hits.map((hit, i) => {
      const value = file.text.slice(hit.start, hit.end);
      const assessed = assessHit(hit, file.text, file.path);
      return {
        ruleId,
        range: { start: hit.start, end: hit.end },
        severity: assessed.severity,
        message: secretMessage(hit, value, place) + whySentence(assessed),
        properties: secretProperties(hit, value),
        fixes: file.target === 'dockerfile' && i < MAX_DOCKERFILE_FIXES ? dockerfileSecretFix(file, hit) : [],
      };
    });
    return { findings };
  },
};
