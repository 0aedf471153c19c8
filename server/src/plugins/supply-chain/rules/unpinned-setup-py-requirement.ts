// `setup(install_requires=[...], extras_require={...})` in setup.py: literal entries on moving VCS refs or unhashed URLs (as for setup.cfg).
import type { Node } from 'web-tree-sitter';
import { literalValue } from '../../../analysis/python/nodes';
import type { PythonRuleContext } from '../../../engine/rule';
import { callRule } from '../../../matchers/call';
import { metadataRequirementProblem } from '../metadata-pin';

// The same keys setup.cfg's analyser reads; extras_require maps extra names to such lists.
const LIST_KWARGS = ['install_requires', 'setup_requires', 'tests_require'];

/** Reports each literal string of a list/tuple argument that metadataRequirementProblem flags; other elements are unknown, not unsafe. */
function checkList(list: Node | null | undefined, ctx: PythonRuleContext): void {
  if (!list || (list.type !== 'list' && list.type !== 'tuple')) return;
  for (const item of list.namedChildren) {
    const lit = literalValue(item);
    if (!item || lit?.kind !== 'string') continue;
    const p = metadataRequirementProblem(lit.value);
    if (!p) continue;
    ctx.report({
      range: { start: item.startIndex, end: item.endIndex },
      message: `\`${p.name ?? lit.value}\` in \`setup.py\` dependencies: ${p.why}. Every install of this package can fetch different code.`,
    });
  }
}

export default callRule('unpinned-setup-py-requirement', ['setuptools.setup', 'distutils.core.setup'], (call, ctx) => {
  const args = ctx.args(call);
  for (const kw of LIST_KWARGS) checkList(args.keywords.get(kw), ctx);
  const extras = args.keywords.get('extras_require');
  if (extras?.type !== 'dictionary') return;
  for (const pair of extras.namedChildren) if (pair?.type === 'pair') checkList(pair.childForFieldName('value'), ctx);
});
