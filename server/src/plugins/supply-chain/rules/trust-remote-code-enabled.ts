// `trust_remote_code=True` (any loader) and `torch.hub.load(..., trust_repo=True)`: code from a model repository runs locally.
import { isTrue, literalValue } from '../../../analysis/python/nodes';
import type { Node } from 'web-tree-sitter';
import { fileRole, roleClause } from '../../../engine/file-role';
import { defineRule, type PythonRuleContext } from '../../../engine/rule';
import { isCommitSha } from '../pins';
import { removeKeywordArgument } from './remove-kwarg';

/**
 * Why this flag is a warning rather than an error, or undefined. It always runs the repository's code, so it is
 * never a note; but an error is for code that runs unattended on whatever the repository holds next. A pinned
 * commit cannot change under you; documentation, example and test material loads named demo models.
 */
function warningBecause(ctx: PythonRuleContext, pinned: boolean): string | undefined {
  if (pinned) return 'the revision is pinned to a commit';
  const role = fileRole(ctx.file.origin ?? ctx.file.path);
  return role ? roleClause(role) : undefined;
}

/** `{"trust_remote_code": True, ...}` anywhere: as `model_kwargs=`, spread with `**{...}`, or kept in a variable later spread as `**kwargs`. */
function checkDictionary(node: Node, ctx: PythonRuleContext): void {
  for (const pair of node.namedChildren) {
    const key = pair?.type === 'pair' ? literalValue(pair.childForFieldName('key')) : undefined;
    if (!pair || key?.kind !== 'string' || key.value !== 'trust_remote_code' || !isTrue(pair.childForFieldName('value'))) continue;
    const spread = node.parent?.type === 'dictionary_splat';
    const held = node.parent?.type === 'assignment' || node.parent?.type === 'augmented_assignment';
    const how = spread ? 'is spread into the call' : held ? 'is kept for a loader (`**kwargs`)' : 'is passed on to the loader';
    const because = warningBecause(ctx, false);
    ctx.report({ range: { start: pair.startIndex, end: pair.endIndex }, severity: because ? 'warning' : undefined, message: `\`"trust_remote_code": True\` ${how}: the loader downloads and runs Python code from the model repository. Avoid it, or review the code and pin \`revision="<commit hash>"\`.${because ? ` Reported as a warning because ${because}.` : ''}`, fixes: [{ title: 'Remove "trust_remote_code": True (the model may then fail to load if it needs custom code)', edits: removeKeywordArgument(pair), safe: false }] });
  }
}

export default defineRule({
  id: 'trust-remote-code-enabled',
  target: 'python',
  kinds: ['call', 'dictionary'],
  visit(node, ctx) {
    // Cheap text test first: reading arguments crosses into WASM for every call.
    const text = ctx.file.text.slice(node.startIndex, node.endIndex);
    if (!text.includes('trust_re')) return;
    if (node.type === 'dictionary') return checkDictionary(node, ctx);
    const args = ctx.args(node);
    for (const kwName of ['trust_remote_code', 'trust_repo']) {
      const value = args.keywords.get(kwName);
      const kw = args.keywordNodes.get(kwName);
      if (!value || !kw || !isTrue(value)) continue;
      if (kwName === 'trust_repo' && ctx.calleeName(node) !== 'torch.hub.load') continue;
      const rev = literalValue(args.keywords.get('revision'));
      const pinned = rev?.kind === 'string' && isCommitSha(rev.value);
      const what = kwName === 'trust_repo' ? '`trust_repo=True` runs the repository\'s `hubconf.py` without asking' : '`trust_remote_code=True` downloads and runs Python code from the model repository';
      const because = warningBecause(ctx, pinned);
      ctx.report({
        range: { start: kw.startIndex, end: kw.endIndex },
        severity: because ? 'warning' : undefined,
        message: pinned
          ? `${what}. The revision is pinned to a commit, so the code cannot change under you, but it still runs with your privileges: review it, or use a model class that ships with the library.`
          : `${what}, and no commit is pinned: whoever controls the repository (or its next push) runs code on this machine. Avoid it, or at least pin \`revision="<commit hash>"\` after reviewing the code.${because ? ` Reported as a warning because ${because}.` : ''}`,
        properties: { pinnedRevision: pinned },
        fixes: [{ title: `Remove ${kwName}=True (the model may then fail to load if it needs custom code)`, edits: removeKeywordArgument(kw), safe: false }],
      });
    }
  },
});
