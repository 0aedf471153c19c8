// Kubernetes, docker-compose and GitHub Actions: images without digest, and Actions `uses:` not pinned to a full commit SHA.
import { fileRole, roleClause } from '../../../engine/file-role';
import type { Problem } from '../../../engine/finding';
import type { AnalyzerContext, RawFinding, TextAnalyzer } from '../../../engine/plugin';
import type { Target } from '../../../engine/source-file';
import { classifyImage, imageMessage, placeholderDigestFix } from '../images';
import { entries, get, items, parseYamlDocs, str, allImages, type YamlString } from '../parse/yaml-docs';
import { isCommitSha } from '../pins';
import { actionShaFix, digestFix } from '../network/fixes';

/** Rule ids this analyser reports. */
export const YAML_RULES = { image: 'container-image-not-pinned', action: 'action-not-pinned-to-sha' } as const;

/** A release tag (`v4`, `v4.1.2`, `3`), as opposed to a branch (`main`, `releases/v2`). */
const RELEASE_TAG = /^v?\d+(\.\d+){0,3}([-+][\w.]+)?$/;

/** The marker the offline fix writes in place of a commit SHA. */
export const SHA_PLACEHOLDER = 'MLSEC-PLACEHOLDER-full-commit-sha';

/** Why images in this file are notes: test data (compiled pipelines, golden files), tests and documentation samples are not deployed. */
function imageDowngrade(path: string): string | undefined {
  const role = fileRole(path);
  return role ? `${roleClause(role)}: nothing is deployed from it` : undefined;
}

function imageFinding(ctx: AnalyzerContext, s: YamlString, where: string, out: RawFinding[], downgrade?: string): void {
  const ref = s.value.replace(/^docker:\/\//, '');
  const { pin } = classifyImage(ref);
  if (pin === 'digest' || pin === 'skip') return;
  const lowered = pin === 'latest' && downgrade;
  out.push({
    ruleId: YAML_RULES.image,
    range: { start: s.start, end: s.end },
    severity: pin === 'tag' || lowered ? 'note' : undefined,
    message: `${imageMessage(ref, pin, where)}${lowered ? ` Reported as a note because ${downgrade}.` : ''}`,
    fixes: pin === 'placeholder' ? [] : [...digestFix(ctx, ref, s.end), placeholderDigestFix(s.end)],
    properties: { image: ref, pin },
  });
}

function usesFinding(ctx: AnalyzerContext, s: YamlString, out: RawFinding[]): void {
  const uses = s.value.trim();
  if (uses.startsWith('./') || uses.startsWith('.\\') || /[$]\{\{/.test(uses)) return;
  if (uses.startsWith('docker://')) return imageFinding(ctx, s, 'Action image', out);
  const at = uses.lastIndexOf('@');
  const ref = at >= 0 ? uses.slice(at + 1) : '';
  if (isCommitSha(ref)) return;
  const placeholder = ref === SHA_PLACEHOLDER;
  // GitHub's own actions (`actions/*`, `github/*`) at a release tag: moving that tag takes a compromise of GitHub itself,
  // which also runs the workflow. Hygiene, not a third-party trust decision; branches stay warnings.
  const owner = uses.split('/')[0].toLowerCase();
  const githubOwned = !placeholder && (owner === 'actions' || owner === 'github') && RELEASE_TAG.test(ref);
  out.push({
    ruleId: YAML_RULES.action,
    range: { start: s.start, end: s.end },
    severity: githubOwned ? 'note' : undefined,
    message: placeholder
      ? `\`${uses}\` still has mlsec's placeholder: replace it with the full commit SHA of the release.`
      : `\`${uses}\` is pinned to ${ref ? `\`${ref}\`, a tag or branch that its owner (or an attacker with their credentials) can move` : 'nothing (the default branch)'}. Pin the full 40-character commit SHA and keep the tag as a comment: \`@<sha> # ${ref || 'vX'}\`.${githubOwned ? ` Reported as a note because \`${owner}/\` actions are published by GitHub, which already runs this workflow: a moved release tag there is not a third-party risk.` : ''}`,
    fixes: placeholder || at < 0 ? [] : [...actionShaFix(ctx, uses, s.start + at + 1, s.end), { title: 'Insert a commit-SHA placeholder to fill in (enable mlsec.network.enabled to look it up)', edits: [{ range: { start: s.start + at + 1, end: s.end }, newText: `${SHA_PLACEHOLDER} # ${ref}` }], safe: false }],
    properties: { uses, ref },
  });
}

function actionsDoc(doc: unknown, ctx: AnalyzerContext, out: RawFinding[], downgrade?: string): void {
  const checkSteps = (steps: unknown) => {
    for (const step of items(steps)) {
      const uses = str(get(step, 'uses'));
      if (uses && ctx.enabled(YAML_RULES.action)) usesFinding(ctx, uses, out);
    }
  };
  for (const [, job] of entries(get(doc, 'jobs'))) {
    const reusable = str(get(job, 'uses'));
    if (reusable && ctx.enabled(YAML_RULES.action)) usesFinding(ctx, reusable, out);
    checkSteps(get(job, 'steps'));
    if (!ctx.enabled(YAML_RULES.image)) continue;
    const container = get(job, 'container');
    const cImage = str(container) ?? str(get(container, 'image'));
    if (cImage) imageFinding(ctx, cImage, 'Job container', out, downgrade);
    for (const [, svc] of entries(get(job, 'services'))) {
      const img = str(get(svc, 'image')) ?? str(svc);
      if (img) imageFinding(ctx, img, 'Service container', out, downgrade);
    }
  }
  // action.yml: composite steps and Docker actions (`runs.image: docker://...`).
  const runs = get(doc, 'runs');
  checkSteps(get(runs, 'steps'));
  const img = str(get(runs, 'image'));
  if (img && img.value.startsWith('docker://') && ctx.enabled(YAML_RULES.image)) imageFinding(ctx, img, 'Action image', out, downgrade);
}

function composeDoc(ctx: AnalyzerContext, doc: unknown, out: RawFinding[], downgrade?: string): void {
  for (const [name, svc] of entries(get(doc, 'services'))) {
    const img = str(get(svc, 'image'));
    // A service that also has `build:` tags its own build output with `image:`; nothing is pulled.
    if (img && get(svc, 'build') === undefined) imageFinding(ctx, img, `Service \`${name}\` image`, out, downgrade);
  }
}

function analyze(target: Target) {
  return (file: { path: string; text: string }, ctx: AnalyzerContext) => {
    const { docs, errors, templated } = parseYamlDocs(file.text);
    const downgrade = imageDowngrade(file.path);
    const label = templated ? 'YAML (Go-template actions blanked)' : 'YAML';
    const problems: Problem[] = errors.map((e) => ({ kind: 'parse-error', message: `${label}: ${e.message}`, range: { start: e.start, end: e.end } }));
    const findings: RawFinding[] = [];
    for (const doc of docs) {
      if (target === 'github-actions') actionsDoc(doc, ctx, findings, downgrade);
      else if (!ctx.enabled(YAML_RULES.image)) continue;
      else if (target === 'compose') composeDoc(ctx, doc, findings, downgrade);
      else for (const img of allImages(doc)) imageFinding(ctx, img, 'Container image', findings, downgrade);
    }
    return { findings, problems };
  };
}

/** Kubernetes manifests, compose files and GitHub Actions workflows. */
export const yamlAnalyzers: TextAnalyzer[] = (['kubernetes', 'compose', 'github-actions'] as const).map((target) => ({
  name: `supply-chain/${target}`,
  targets: [target],
  analyze: analyze(target),
}));
