// The secrets plugin: its text analysers, notebook-output analysers and code rules.
import type { Plugin } from '../../engine/plugin';
import { defineRule } from '../../engine/rule';
import { secretsMagicAnalyzer } from './magic-analyzer';
import { secretsOutputAnalyzer, SECRET_IN_NOTEBOOK_OUTPUT } from './output-analyzer';
import { hardcodedSecret } from './python-rule';
import { secretsTextAnalyzer, SECRET_IN_CONFIG, SECRET_IN_DOCKERFILE, SECRET_IN_ENV_FILE } from './text-analyzer';

/** What the secrets category contributes to the engine. */
export const plugin: Plugin = {
  name: 'secrets',
  textAnalyzers: [secretsTextAnalyzer],
  outputAnalyzers: [secretsOutputAnalyzer],
  cellAnalyzers: [secretsMagicAnalyzer],
  rules: [
    hardcodedSecret,
    defineRule({ id: SECRET_IN_NOTEBOOK_OUTPUT, target: 'notebook-output' }),
    defineRule({ id: SECRET_IN_DOCKERFILE, target: 'dockerfile' }),
    defineRule({ id: SECRET_IN_ENV_FILE, target: 'env' }),
    defineRule({ id: SECRET_IN_CONFIG, target: 'yaml' }),
  ],
};
