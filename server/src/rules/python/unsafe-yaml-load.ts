// PyYAML loads that construct arbitrary Python objects (and ruamel's unsafe mode); version-aware for PyYAML>=6.
import type { Node } from 'web-tree-sitter';
import { literalValue } from '../../analysis/python/nodes';
import type { Fix } from '../../engine/finding';
import { guaranteesAtLeast } from '../../engine/project-facts';
import { defineRule, type PythonRuleContext } from '../../engine/rule';
import { replaceCalleeAttribute } from '../../fixes/callee';
import { setKeywordArgument } from '../../fixes/kwargs';

const SAFE_LOADERS = new Set(['yaml.SafeLoader', 'yaml.CSafeLoader', 'yaml.BaseLoader', 'yaml.CBaseLoader', 'yaml.loader.SafeLoader', 'yaml.cyaml.CSafeLoader']);
const UNSAFE_LOADERS = new Set(['yaml.Loader', 'yaml.UnsafeLoader', 'yaml.FullLoader', 'yaml.CLoader', 'yaml.CUnsafeLoader', 'yaml.CFullLoader', 'yaml.loader.Loader', 'yaml.loader.UnsafeLoader', 'yaml.loader.FullLoader']);
/** Functions that are unsafe whatever their arguments, and their safe replacement. */
const ALWAYS_UNSAFE: Record<string, string> = {
  'yaml.unsafe_load': 'safe_load', 'yaml.unsafe_load_all': 'safe_load_all', 'yaml.full_load': 'safe_load', 'yaml.full_load_all': 'safe_load_all',
};
/** Functions whose safety depends on the Loader argument. */
const LOADER_DEPENDENT: Record<string, string> = { 'yaml.load': 'safe_load', 'yaml.load_all': 'safe_load_all' };

function loaderFix(call: Node, calleeText: string, loaderArg: Node | undefined): Fix[] {
  // Reuse the module alias the code already has: `y.load(..., Loader=y.Loader)` -> `y.SafeLoader`.
  const base = calleeText.includes('.') ? calleeText.slice(0, calleeText.lastIndexOf('.')) : undefined;
  const loaderText = loaderArg?.text ?? '';
  const prefix = loaderText.includes('.') ? loaderText.slice(0, loaderText.lastIndexOf('.')) : base;
  if (!prefix) return [];
  const edits = loaderArg ? [{ range: { start: loaderArg.startIndex, end: loaderArg.endIndex }, newText: `${prefix}.SafeLoader` }] : setKeywordArgument(call, 'Loader', `${prefix}.SafeLoader`);
  return edits.length ? [{ title: `Use ${prefix}.SafeLoader`, edits, safe: true }] : [];
}

function renameFix(call: Node, safeName: string): Fix[] {
  const edits = replaceCalleeAttribute(call, safeName);
  return edits.length ? [{ title: `Use ${safeName}`, edits, safe: true }] : [];
}

function checkRuamel(call: Node, ctx: PythonRuleContext): void {
  const typ = ctx.args(call).keywords.get('typ');
  const lit = literalValue(typ);
  if (lit?.kind === 'string' && lit.value === 'unsafe') {
    ctx.report({ range: { start: call.startIndex, end: call.endIndex }, message: "`YAML(typ='unsafe')` makes ruamel.yaml construct arbitrary Python objects from the document: loading untrusted YAML runs code. Use `typ='safe'`." });
  }
}

export default defineRule({
  id: 'unsafe-yaml-load',
  target: 'python',
  kinds: ['call'],
  visit(node, ctx) {
    const name = ctx.calleeName(node);
    if (!name) return;
    const range = { start: node.startIndex, end: node.endIndex };
    if (name === 'ruamel.yaml.YAML' || name === 'ruamel.yaml.main.YAML') return checkRuamel(node, ctx);
    if (ALWAYS_UNSAFE[name]) {
      const callee = ctx.calleeText(node) || name;
      ctx.report({ range, message: `\`${callee}\` constructs arbitrary Python objects from YAML tags: loading untrusted YAML runs code. Use \`${ALWAYS_UNSAFE[name]}\`.`, fixes: renameFix(node, ALWAYS_UNSAFE[name]) });
      return;
    }
    if (!LOADER_DEPENDENT[name]) return;
    const args = ctx.args(node);
    const loader = args.keywords.get('Loader') ?? args.positional[1];
    const callee = ctx.calleeText(node) || name;
    if (!loader) {
      if (args.hasSplat) return;
      const fixes = renameFix(node, LOADER_DEPENDENT[name]);
      const pinnedIn = guaranteesAtLeast(ctx.facts, 'pyyaml', '6.0');
      if (pinnedIn) {
        ctx.report({ range, severity: 'note', message: `\`${callee}\` without \`Loader\` raises TypeError on PyYAML>=6 (required by ${pinnedIn}), so it is not unsafe here; use \`${LOADER_DEPENDENT[name]}\`.`, fixes, properties: { versionAware: true, pinnedIn } });
        return;
      }
      ctx.report({ range, message: `\`${callee}\` without a safe \`Loader\` constructs arbitrary Python objects on PyYAML<6 (older versions default to an unsafe loader). Use \`${LOADER_DEPENDENT[name]}\`.`, fixes });
      return;
    }
    const loaderName = ctx.resolve(loader);
    // A Loader we cannot name (a variable, a custom class) is unknown, not unsafe.
    if (!loaderName || SAFE_LOADERS.has(loaderName) || !UNSAFE_LOADERS.has(loaderName)) return;
    ctx.report({
      range,
      message: `\`${callee}\` with \`Loader=${loader.text}\` constructs arbitrary Python objects from YAML tags: loading untrusted YAML runs code. Use \`yaml.SafeLoader\` or \`${LOADER_DEPENDENT[name]}\`.`,
      fixes: loaderFix(node, callee, loader),
    });
  },
});
