// The threat-model plugin: checks *.threatmodel.yaml files (syntax, ids, owners, mitigations) and declares their rules.
import type { Plugin, TextAnalyzer } from '../../engine/plugin';
import { defineRule } from '../../engine/rule';
import { checkThreatModel, TM_RULES } from './check';

const analyzer: TextAnalyzer = {
  name: 'threat-model',
  targets: ['threatmodel'],
  analyze(file, ctx) {
    return { findings: checkThreatModel(file.text, ctx.enabled) };
  },
};

/** What the threat-model category contributes to the engine. */
export const plugin: Plugin = {
  name: 'threat-model',
  textAnalyzers: [analyzer],
  rules: Object.values(TM_RULES).map((id) => defineRule({ id, target: 'threatmodel' as const })),
};
