// Hub downloads (from_pretrained, pipeline, hf_hub_download, load_dataset, SentenceTransformer, timm, torch.hub) without a commit-hash revision.
import type { Node } from 'web-tree-sitter';
import { isTrue, literalValue } from '../../../analysis/python/nodes';
import type { Fix } from '../../../engine/finding';
import { defineRule, type PythonRuleContext } from '../../../engine/rule';
import { setKeywordArgument } from '../../../fixes/kwargs';
import { isCommitSha } from '../pins';
import { argument, HUB_LOADERS, hubName, isFromPretrained } from './hub-names';
import { LOOKUP_SLOT, networkEnabled } from '../network/fixes';

/** The marker the offline fix writes as `revision=`; the rule recognises it and asks for the real commit. */
export const REVISION_PLACEHOLDER = 'MLSEC-PLACEHOLDER-commit-sha';

/** With mlsec.network.enabled, a fix the editor completes with the commit the Hub reports for `rev` when the user picks it. */
function hubCommitFix(call: Node, ctx: PythonRuleContext, kind: 'models' | 'datasets', repo: string, rev: string | undefined): Fix[] {
  if (!networkEnabled(ctx)) return [];
  return [{ title: `Pin revision to the commit ${rev ?? 'main'} points at now (looked up on the Hub when you pick this)`, edits: setKeywordArgument(call, 'revision', `"${LOOKUP_SLOT}"`), safe: false, lookup: `hf:${kind}/${repo}@${rev ?? 'main'}` }];
}

function checkRevision(call: Node, ctx: PythonRuleContext, repo: string, what: string, kind: 'models' | 'datasets' = 'models'): void {
  const args = ctx.args(call);
  if (isTrue(args.keywords.get('local_files_only'))) return;
  const revNode = args.keywords.get('revision');
  const range = { start: call.startIndex, end: call.endIndex };
  if (revNode) {
    const rev = literalValue(revNode);
    if (!rev || rev.kind !== 'string') return; // a variable: unknown, not unpinned
    if (isCommitSha(rev.value)) return;
    const placeholder = rev.value === REVISION_PLACEHOLDER;
    ctx.report({
      range,
      message: placeholder
        ? `${what} \`${repo}\`: replace mlsec's placeholder with the repository's full commit hash.`
        : `${what} \`${repo}\` at revision \`${rev.value}\`, a branch or tag the repository owner can move: pin the full 40-character commit hash.`,
      fixes: placeholder ? [] : [...hubCommitFix(call, ctx, kind, repo, rev.value), placeholderFix(call)],
      properties: { repo, revision: rev.value },
    });
    return;
  }
  if (args.hasSplat) return;
  ctx.report({ range, message: `${what} \`${repo}\` without \`revision=\`: it loads whatever the default branch holds at run time, so a compromised or changed repository changes your model. Pin \`revision="<commit hash>"\`.`, fixes: [...hubCommitFix(call, ctx, kind, repo, undefined), placeholderFix(call)], properties: { repo } });
}

function placeholderFix(call: Node) {
  return { title: 'Insert a revision placeholder to fill in with the commit hash (enable mlsec.network.enabled to look it up)', edits: setKeywordArgument(call, 'revision', `"${REVISION_PLACEHOLDER}"`), safe: false };
}

function checkTorchHub(call: Node, ctx: PythonRuleContext): void {
  const args = ctx.args(call);
  const source = literalValue(args.keywords.get('source'));
  if (source?.kind === 'string' && source.value === 'local') return;
  const repoLit = literalValue(argument(call, ctx, 'repo_or_dir', 0));
  if (!repoLit || repoLit.kind !== 'string' || /^(\.|\/|~)/.test(repoLit.value)) return;
  const [repo, ref] = repoLit.value.split(':');
  if (ref && isCommitSha(ref)) return;
  ctx.report({
    range: { start: call.startIndex, end: call.endIndex },
    message: `\`torch.hub.load('${repoLit.value}')\` runs \`hubconf.py\` from GitHub ${ref ? `at \`${ref}\`, a tag or branch that can move` : 'from the default branch'}: pin \`'${repo}:<full commit sha>'\`.`,
    properties: { repo, ref },
  });
}

export default defineRule({
  id: 'model-revision-not-pinned',
  target: 'python',
  kinds: ['call'],
  visit(node, ctx) {
    const name = ctx.calleeName(node);
    if (!name) return;
    if (name === 'torch.hub.load' || name === 'torch.hub.load_state_dict_from_url') {
      if (name === 'torch.hub.load') checkTorchHub(node, ctx);
      return;
    }
    if (name === 'timm.create_model') {
      if (!isTrue(ctx.args(node).keywords.get('pretrained'))) return;
      const model = hubName(argument(node, ctx, 'model_name', 0), name);
      if (model) ctx.report({ range: { start: node.startIndex, end: node.endIndex }, message: `\`timm.create_model('${model}', pretrained=True)\` downloads weights from the Hub without a pinned revision. Download a pinned snapshot (\`hf_hub_download(..., revision="<commit>")\`) and load it with \`pretrained_cfg_overlay=dict(file=...)\`.`, properties: { repo: model } });
      return;
    }
    if (isFromPretrained(name)) {
      const repo = hubName(argument(node, ctx, 'pretrained_model_name_or_path', 0), name);
      if (repo) checkRevision(node, ctx, repo, `\`${ctx.calleeText(node)}\` downloads`);
      return;
    }
    const index = HUB_LOADERS[name];
    if (index === undefined) return;
    const argName = name.endsWith('pipeline') ? 'model' : name.endsWith('load_dataset') ? 'path' : name.includes('SentenceTransformer') || name.includes('CrossEncoder') ? 'model_name_or_path' : 'repo_id';
    const repo = hubName(argument(node, ctx, argName, index), name);
    if (repo) checkRevision(node, ctx, repo, `\`${ctx.calleeText(node)}\` downloads`, name.endsWith('load_dataset') ? 'datasets' : 'models');
  },
});
