// The supply-chain plugin: dependency files, Dockerfiles, Kubernetes/compose/Actions YAML, notebook installs and hub-loading Python code.
import type { Plugin } from '../../engine/plugin';
import type { ScannerRule } from '../../engine/rule';
import { condaEnvAnalyzer } from './analyzers/conda-env';
import { DOCKER_RULES, dockerfileAnalyzer } from './analyzers/dockerfile';
import { notebookInstallAnalyzer } from './analyzers/notebook-cells';
import { NO_LOCK_RULE, pyprojectAnalyzers } from './analyzers/pyproject';
import { REQUIREMENT_RULES, requirementsAnalyzer } from './analyzers/requirements';
import { setupCfgAnalyzer } from './analyzers/setup-cfg';
import { YAML_RULES, yamlAnalyzers } from './analyzers/yaml-images';
import mlflowRemoteModelLoad from './rules/mlflow-remote-model-load';
import modelRevisionNotPinned from './rules/model-revision-not-pinned';
import runtimePipInstall from './rules/runtime-pip-install';
import trustRemoteCodeEnabled from './rules/trust-remote-code-enabled';
import unpinnedSetupPyRequirement from './rules/unpinned-setup-py-requirement';

/** Cards whose findings come from the text analysers (joined with their cards by the registry). */
const scannerRules: ScannerRule[] = [
  { id: REQUIREMENT_RULES.unpinned, target: 'requirements' },
  { id: REQUIREMENT_RULES.extraIndex, target: 'requirements' },
  { id: REQUIREMENT_RULES.insecureIndex, target: 'requirements' },
  { id: NO_LOCK_RULE, target: 'pyproject' },
  ...Object.values(DOCKER_RULES).map((id) => ({ id, target: 'dockerfile' as const })),
  { id: YAML_RULES.image, target: 'kubernetes' },
  { id: YAML_RULES.action, target: 'github-actions' },
];

/** What the supply-chain category contributes to the engine. */
export const plugin: Plugin = {
  name: 'supply-chain',
  textAnalyzers: [requirementsAnalyzer, dockerfileAnalyzer, condaEnvAnalyzer, setupCfgAnalyzer, ...pyprojectAnalyzers, ...yamlAnalyzers],
  cellAnalyzers: [notebookInstallAnalyzer],
  rules: [...scannerRules, modelRevisionNotPinned, trustRemoteCodeEnabled, runtimePipInstall, mlflowRemoteModelLoad, unpinnedSetupPyRequirement],
};
