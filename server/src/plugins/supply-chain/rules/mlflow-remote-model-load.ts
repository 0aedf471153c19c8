// `mlflow.<flavor>.load_model(uri)` with a remote URI or a movable registry stage/alias: unverified model (often pickle) loaded.
import type { Node } from 'web-tree-sitter';
import { literalValue } from '../../../analysis/python/nodes';
import { defineRule } from '../../../engine/rule';

/** True for a URI mlsec treats as remote or movable. */
function remote(uri: string): string | undefined {
  if (/^(https?|s3|gs|gcs|wasbs?|abfss?|hdfs|ftp|sftp|dbfs|oss):\/\//i.test(uri)) return 'a remote location';
  const m = /^models:\/([^/@]+)(?:\/([^/]+)|@(.+))$/.exec(uri);
  if (m && (m[3] || (m[2] && !/^\d+$/.test(m[2])))) return `a registry ${m[3] ? 'alias' : 'stage'} that can point at a different version tomorrow`;
  return undefined;
}

const REMOTE_SCHEME = /^(https?|s3|gs|gcs|wasbs?|abfss?|hdfs|ftp|sftp|dbfs|oss):\/\//i;

/** The literal text an f-string or `"literal" + x` starts with (`f"s3://{b}/m"` -> `s3://`), or undefined. */
function literalHead(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'binary_operator' && node.childForFieldName('operator')?.text === '+') {
    const left = node.childForFieldName('left') ?? undefined;
    const l = literalValue(left);
    return l?.kind === 'string' ? l.value : literalHead(left);
  }
  if (node.type !== 'string') return undefined;
  let head = '';
  for (const child of node.namedChildren) {
    if (!child || child.type === 'interpolation') break;
    if (child.type === 'string_content' || child.type === 'escape_sequence') head += child.text;
  }
  return head || undefined;
}

export default defineRule({
  id: 'mlflow-remote-model-load',
  target: 'python',
  kinds: ['call'],
  visit(node, ctx) {
    const name = ctx.calleeName(node);
    if (!name || !name.startsWith('mlflow.') || !name.endsWith('.load_model')) return;
    const args = ctx.args(node);
    const arg = args.keywords.get('model_uri') ?? args.positional[0];
    const lit = literalValue(arg);
    if (lit?.kind === 'string') {
      const why = remote(lit.value);
      if (why) ctx.report({ range: { start: node.startIndex, end: node.endIndex }, message: `\`${ctx.calleeText(node)}('${lit.value}')\` loads a model from ${why}; MLflow flavors unpickle it, so whoever can write there runs code here. Load a pinned version (\`models:/name/<version>\` or \`runs:/<run_id>/...\`) and verify its checksum.`, properties: { uri: lit.value } });
      return;
    }
    // `f"s3://{bucket}/model"` or `"gs://bucket/" + name`: the scheme is literal even when the rest is not.
    const head = literalHead(arg);
    const scheme = head ? REMOTE_SCHEME.exec(head)?.[1] : undefined;
    if (!scheme) return;
    ctx.report({ range: { start: node.startIndex, end: node.endIndex }, message: `\`${ctx.calleeText(node)}\` loads a model from a \`${scheme.toLowerCase()}://\` location built at run time; MLflow flavors unpickle it, so whoever can write there runs code here. Load a pinned registry version (\`models:/name/<version>\`) or verify the artefact's checksum before loading.`, properties: { uriPrefix: head } });
  },
});
