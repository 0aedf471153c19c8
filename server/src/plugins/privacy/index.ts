// The privacy plugin: PII in notebook outputs, data files and Terraform dataset buckets (analysers) and in Python code (rules).
import type { Plugin } from '../../engine/plugin';
import { defineRule } from '../../engine/rule';
import { privacyDataAnalyzer, DATA_RULE } from './data-file';
import { frameDisplayAnalyzer } from './frame-display';
import { privacyJsonAnalyzer } from './json-file';
import { BUCKET_RULE, privacyTerraformAnalyzer } from './terraform-buckets';
import { OUTPUT_RULE, privacyOutputAnalyzer } from './output-analyzer';
import piiLiteralInCode from './rules/pii-literal-in-code';
import piiLogged from './rules/pii-logged';
import piiSentToThirdParty from './rules/pii-sent-to-third-party';

/** What the privacy category contributes to the engine. */
export const plugin: Plugin = {
  name: 'privacy',
  textAnalyzers: [privacyDataAnalyzer, privacyJsonAnalyzer, privacyTerraformAnalyzer],
  outputAnalyzers: [privacyOutputAnalyzer],
  cellAnalyzers: [frameDisplayAnalyzer],
  rules: [
    piiLiteralInCode,
    piiLogged,
    piiSentToThirdParty,
    defineRule({ id: OUTPUT_RULE, target: 'notebook-output' }),
    defineRule({ id: DATA_RULE, target: 'data' }),
    defineRule({ id: BUCKET_RULE, target: 'terraform' }),
  ],
};
