// Model-file rules: their findings come from the model scanner (server/src/models/); declared here to join their cards.
import { defineRule, type ScannerRule } from '../../engine/rule';

/** Rule ids produced by scanModelFile. */
export const modelRules: readonly ScannerRule[] = [
].map((id: string) => defineRule({ id, target: 'model' as const }));
