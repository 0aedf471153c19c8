// `mlflow.<flavor>.load_model(uri)` with a remote URI or a movable registry stage/alias: unverified model (often pickle) loaded.
import { literalValue } from '../../../analysis/python/nodes';
import { defineRule } from '../../../engine/rule';

/** True for a URI mlsec treats as remote or movable. */
function remote(uri: string): string | undefined {
  if (/^(https?|s3|gs|gcs|wasbs?|abfss?|hdfs|ftp|sftp|dbfs|oss):\/\//i.test(uri)) return 'a remote location';
  const m = /^models:\/([^/@]+)(?:\/([^/]+)|@(.+))$/.exec(uri);
  if (m && (m[3] || (m[2] && !/^\d+$/.test(m[2])))) return `a registry ${m[3] ? 'alias' : 'stage'} that can point at a different version tomorrow`;
  return undefined;
}

export default defineRule({
  id: 'mlflow-remote-model-load',
  target: 'python',
  kinds: ['call'],
  visit(node, ctx) {
    const name = ctx.calleeName(node);
    if (!name || !name.startsWith('mlflow.') || !name.endsWith('.load_model')) return;
    const args = ctx.args(node);
    const lit = literalValue(args.keywords.get('model_uri') ?? args.positional[0]);
    if (!lit || lit.kind !== 'string') return;
    const why = remote(lit.value);
    if (!why) return;
    ctx.report({ range: { start: node.startIndex, end: node.endIndex }, message: `\`${ctx.calleeText(node)}('${lit.value}')\` loads a model from ${why}; MLflow flavors unpickle it, so whoever can write there runs code here. Load a pinned version (\`models:/name/<version>\` or \`runs:/<run_id>/...\`) and verify its checksum.`, properties: { uri: lit.value } });
  },
});
