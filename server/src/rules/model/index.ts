// Model-file rules: their findings come from the model scanner (server/src/models/); declared here to join their cards.
import { defineRule, type ScannerRule } from '../../engine/rule';

/** Rule ids produced by scanModelFile. */
export const modelRules: readonly ScannerRule[] = [
  'pickle-dangerous-global',
  'pickle-unknown-global',
  'pickle-trailing-data',
  'pickle-malformed',
  'model-archive-limits',
  'keras-lambda-layer',
  'safetensors-invalid-header',
].map((id: string) => defineRule({ id, target: 'model' as const }));
