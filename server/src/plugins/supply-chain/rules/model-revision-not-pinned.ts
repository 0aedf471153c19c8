// Hub downloads (from_pretrained, pipeline, hf_hub_download, load_dataset, SentenceTransformer, timm, torch.hub) without a commit-hash revision.
import type { Node } from 'web-tree-sitter';
import { isTrue, literalValue } from '../../../analysis/python/nodes';
import type { Fix } from '../../../engine/finding';
import { normaliseWrittenPath } from '../../../analysis/python/written-paths';
import { fileRole, roleClause } from '../../../engine/file-role';
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

/** The marker Python analysis of joined notebook cells runs under (engine/analyze.ts). */
const NOTEBOOK_PATH = '<notebook>';

/**
 * Why this load is a note, or undefined for a warning. Notebooks are run interactively by someone who sees
 * what loads; safetensors-only loads without remote code cannot run code, so a moved revision changes the
 * model, not the machine; tests and documentation/example material download public demo models by name.
 */
function downgradeFor(call: Node, ctx: PythonRuleContext): string | undefined {
  if (ctx.file.path === NOTEBOOK_PATH) return 'in a notebook the load runs interactively, in front of the person running it';
  const args = ctx.args(call);
  const safetensors = isTrue(args.keywords.get('use_safetensors')) || /\.safetensors$/i.test(stringOf(args.keywords.get('filename') ?? (ctx.calleeName(call)?.endsWith('hf_hub_download') ? args.positional[1] : undefined)) ?? '');
  if (safetensors && !isTrue(args.keywords.get('trust_remote_code'))) return 'only safetensors weights are loaded and no remote code runs: a moved revision changes the model, not the machine';
  const role = fileRole(ctx.file.path);
  return role ? `${roleClause(role)}: such code loads public demo models by name` : undefined;
}

function stringOf(node: Node | undefined): string | undefined {
  const l = literalValue(node);
  return l?.kind === 'string' ? l.value : undefined;
}

function checkRevision(call: Node, ctx: PythonRuleContext, repo: string, what: string, kind: 'models' | 'datasets' = 'models'): void {
  const args = ctx.args(call);
  if (isTrue(args.keywords.get('local_files_only'))) return;
  // A name the same file saves a model to or pushes it under is its own output (a local folder or the user's repo).
  if (ctx.imports.writes(normaliseWrittenPath(repo))) return;
  const revNode = args.keywords.get('revision');
  const range = { start: call.startIndex, end: call.endIndex };
  const downgrade = downgradeFor(call, ctx);
  const severity = downgrade ? 'note' as const : undefined;
  const because = downgrade ? ` Reported as a note because ${downgrade}.` : '';
  if (revNode) {
    const rev = literalValue(revNode);
    if (!rev || rev.kind !== 'string') return; // a variable: unknown, not unpinned
    if (isCommitSha(rev.value)) return;
    const placeholder = rev.value === REVISION_PLACEHOLDER;
    ctx.report({
      range,
      severity: placeholder ? undefined : severity,
      message: placeholder
        ? `${what} \`${repo}\`: replace mlsec's placeholder with the repository's full commit hash.`
        : `${what} \`${repo}\` at revision \`${rev.value}\`, a branch or tag the repository owner can move: pin the full 40-character commit hash.${because}`,
      fixes: placeholder ? [] : [...hubCommitFix(call, ctx, kind, repo, rev.value), placeholderFix(call)],
      properties: { repo, revision: rev.value },
    });
    return;
  }
  if (args.hasSplat) return;
  ctx.report({ range, severity, message: `${what} \`${repo}\` without \`revision=\`: it loads whatever the default branch holds at run time, so a compromised or changed repository changes your model. Pin \`revision="<commit hash>"\`.${because}`, fixes: [...hubCommitFix(call, ctx, kind, repo, undefined), placeholderFix(call)], properties: { repo } });
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
  const downgrade = downgradeFor(call, ctx);
  ctx.report({
    range: { start: call.startIndex, end: call.endIndex },
    severity: downgrade ? 'note' : undefined,
    message: `\`torch.hub.load('${repoLit.value}')\` runs \`hubconf.py\` from GitHub ${ref ? `at \`${ref}\`, a tag or branch that can move` : 'from the default branch'}: pin \`'${repo}:<full commit sha>'\`.${downgrade ? ` Reported as a note because ${downgrade}.` : ''}`,
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
      const downgrade = model ? downgradeFor(node, ctx) : undefined;
      if (model) ctx.report({ range: { start: node.startIndex, end: node.endIndex }, severity: downgrade ? 'note' : undefined, message: `\`timm.create_model('${model}', pretrained=True)\` downloads weights from the Hub without a pinned revision. Download a pinned snapshot (\`hf_hub_download(..., revision="<commit>")\`) and load it with \`pretrained_cfg_overlay=dict(file=...)\`.${downgrade ? ` Reported as a note because ${downgrade}.` : ''}`, properties: { repo: model } });
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
