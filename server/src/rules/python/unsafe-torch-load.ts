// torch.load without weights_only=True; version-aware: torch>=2.6 already defaults to weights_only=True.
import { isFalse, isTrue } from '../../analysis/python/nodes';
import { guaranteesAtLeast } from '../../engine/project-facts';
import { callRule } from '../../matchers/call';
import { setKeywordArgument } from '../../fixes/kwargs';

const CALLEES = ['torch.load', 'torch.serialization.load'];

export default callRule('unsafe-torch-load', CALLEES, (node, ctx) => {
  const args = ctx.args(node);
  const weightsOnly = args.keywords.get('weights_only');
  const range = { start: node.startIndex, end: node.endIndex };
  if (weightsOnly) {
    if (isTrue(weightsOnly)) return;
    // A variable or expression is unknown, not unsafe.
    if (!isFalse(weightsOnly)) return;
    ctx.report({
      range,
      message: '`torch.load(..., weights_only=False)` unpickles arbitrary objects: a malicious checkpoint runs code when loaded. Load only tensors with `weights_only=True` (allow extra classes with `torch.serialization.add_safe_globals`).',
      fixes: [{ title: 'Set weights_only=True (checkpoints holding custom objects may then fail to load)', edits: setKeywordArgument(node, 'weights_only', 'True'), safe: false }],
    });
    return;
  }
  if (args.hasSplat) return;
  const fix = { title: 'Set weights_only=True', edits: setKeywordArgument(node, 'weights_only', 'True'), safe: true };
  const pinnedIn = guaranteesAtLeast(ctx.facts, 'torch', '2.6');
  if (pinnedIn) {
    ctx.report({
      range,
      severity: 'note',
      message: `\`torch.load\` without \`weights_only\`: safe here because ${pinnedIn} requires torch>=2.6, where the default is \`weights_only=True\`. Pass it explicitly so the code stays safe on older torch.`,
      fixes: [fix],
      properties: { versionAware: true, pinnedIn },
    });
    return;
  }
  ctx.report({ range, fixes: [fix] });
});
