// The declarative `match: call:` operator: a resolved callee name plus keyword-argument conditions.
import type { Node } from 'web-tree-sitter';
import { callArguments, type CallArguments, literalValue, type Literal } from '../analysis/python/nodes';
import type { Fix } from '../engine/finding';
import type { CallMatch, CardFix, KwargCondition, PythonRule, PythonRuleContext, RuleCard } from '../engine/rule';
import { replaceCalleeAttribute } from '../fixes/callee';
import { setKeywordArgument } from '../fixes/kwargs';

/** Three-valued result of a condition: a non-literal argument makes it unknown. */
type Tri = true | false | 'unknown';

function equalsLiteral(lit: Literal | undefined, want: boolean | string | number | null): Tri {
  if (!lit) return 'unknown';
  if (want === null) return lit.kind === 'none';
  if (typeof want === 'boolean') return lit.kind === 'bool' && lit.value === want;
  if (typeof want === 'number') return lit.kind === 'number' && lit.value === want;
  return lit.kind === 'string' && lit.value === want;
}

/** Whether every argument in `cond` equals its literal. Absent argument = false (not given); splats = unknown. */
export function kwargsEqual(call: Node, cond: KwargCondition, positions: Record<string, number> = {}, args: CallArguments = callArguments(call)): Tri {
  let result: Tri = true;
  for (const [name, want] of Object.entries(cond)) {
    const pos = positions[name];
    const node = args.keywords.get(name) ?? (pos !== undefined ? args.positional[pos] : undefined);
    let r: Tri;
    if (!node) r = args.hasSplat ? 'unknown' : false;
    else r = equalsLiteral(literalValue(node), want);
    if (r === false) return false;
    if (r === 'unknown') result = 'unknown';
  }
  return result;
}

/** Builds the card's fix for a matched call. */
export function cardFixFor(call: Node, fix: CardFix | undefined, positions: Record<string, number> = {}): Fix[] {
  if (!fix) return [];
  const edits = [];
  for (const [name, value] of Object.entries(fix.setKwarg ?? {})) edits.push(...setKeywordArgument(call, name, value, positions[name]));
  if (fix.replaceCallee) edits.push(...replaceCalleeAttribute(call, fix.replaceCallee));
  return edits.length ? [{ title: fix.title, edits, safe: fix.safe }] : [];
}

/** True when the call matches the card's `match:` (callee + when/unless, unknown = no match). */
export function matchesCall(call: Node, match: CallMatch, ctx: Pick<PythonRuleContext, 'calleeName' | 'args'>): boolean {
  const name = ctx.calleeName(call);
  if (!name || !match.call.includes(name)) return false;
  if (match.when && kwargsEqual(call, match.when.kwarg, match.positions, ctx.args(call)) !== true) return false;
  if (match.unless && kwargsEqual(call, match.unless.kwarg, match.positions, ctx.args(call)) !== false) return false;
  return true;
}

/** The callee as written, plus its resolved name when an alias renames the function; goes between backticks: "`jl`, i.e. `joblib.load`". */
function describeCallee(written: string, resolved: string | undefined): string {
  const last = (name: string) => name.slice(name.lastIndexOf('.') + 1);
  return resolved && last(resolved) !== last(written) ? `${written}\`, i.e. \`${resolved}` : written;
}

const argumentTokens = new WeakMap<CallMatch, WeakMap<object, RegExp>>();

/**
 * A word any argument referring to a matched function must contain: its own name (`loads`) or a
 * local alias of it (`jl`). Reading a call's arguments costs many calls into WASM, so calls whose
 * text has none of these words are skipped.
 */
function tokensFor(match: CallMatch, ctx: PythonRuleContext): RegExp {
  let perTable = argumentTokens.get(match);
  if (!perTable) argumentTokens.set(match, (perTable = new WeakMap()));
  let re = perTable.get(ctx.imports);
  if (!re) {
    const words = new Set(match.call.map((n) => n.slice(n.lastIndexOf('.') + 1)));
    for (const alias of ctx.imports.namesResolvingTo(new Set(match.call))) words.add(alias);
    re = new RegExp(`\\b(${[...words].map((w) => w.replace(/[^\w]/g, '')).join('|')})\\b`);
    perTable.set(ctx.imports, re);
  }
  return re;
}

function reportCallableArguments(call: Node, match: CallMatch, ctx: PythonRuleContext): void {
  if (!tokensFor(match, ctx).test(ctx.file.text.slice(call.startIndex, call.endIndex))) return;
  const args = ctx.args(call);
  for (const arg of [...args.positional, ...args.keywords.values()]) {
    if (arg.type !== 'attribute' && arg.type !== 'identifier') continue;
    const name = ctx.resolve(arg);
    if (!name || !match.call.includes(name)) continue;
    ctx.report({
      range: { start: arg.startIndex, end: arg.endIndex },
      message: `${ctx.card.message.replace(/\{callee\}/g, describeCallee(arg.text, name))} (passed as a function to \`${ctx.calleeText(call) || 'a call'}\`)`,
    });
  }
}

/** Turns a card with `match:` into a Python rule. */
export function declarativeRule(card: RuleCard, match: CallMatch): PythonRule {
  return {
    id: card.id,
    target: 'python',
    kinds: ['call'],
    visit(node, ctx) {
      // Without a `when` condition the callable itself is the hazard, so passing it along counts:
      // `map(pickle.loads, rows)`, `df["obj"].apply(pickle.loads)`, `executor.map(joblib.load, paths)`.
      if (!match.when) reportCallableArguments(node, match, ctx);
      if (!matchesCall(node, match, ctx)) return;
      ctx.report({
        range: { start: node.startIndex, end: node.endIndex },
        message: ctx.card.message.replace(/\{callee\}/g, describeCallee(ctx.calleeText(node), ctx.calleeName(node))),
        fixes: cardFixFor(node, ctx.card.fix, match.positions),
      });
    },
  };
}

/**
 * A code rule that looks only at calls whose callee resolves to one of `callees`; `check` gets the
 * call and its qualified name (the shape of most Python code rules).
 */
export function callRule(id: string, callees: readonly string[], check: (call: Node, ctx: PythonRuleContext, name: string) => void): PythonRule {
  const wanted = new Set(callees);
  return {
    id,
    target: 'python',
    kinds: ['call'],
    visit(node, ctx) {
      const name = ctx.calleeName(node);
      if (name && wanted.has(name)) check(node, ctx, name);
    },
  };
}
