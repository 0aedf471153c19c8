// Runs the active Python rules on captured nodes, with a per-run memo of callee names and arguments.
import type { Node, Query as QueryType } from 'web-tree-sitter';
import { Query } from 'web-tree-sitter';
import type { ImportTable } from '../analysis/python/imports';
import { callArguments, type CallArguments, dottedParts, literalValue } from '../analysis/python/nodes';
import { declarativeRule } from '../matchers/call';
import { pythonLanguage } from '../parsers/python';
import type { MlsecSettings } from '../shared/settings';
import type { Finding, Problem, Severity } from './finding';
import type { ProjectFacts } from './project-facts';
import type { Registry } from './registry';
import type { PythonRule, PythonRuleContext, RuleCard } from './rule';
import type { SourceFile } from './source-file';
import { addStat, statsEnabled } from './stats';

/** A rule that is on, with its effective severity. */
export interface ActiveRule {
  rule: PythonRule;
  card: RuleCard;
  severity: Severity;
}

/** The query capturing every node kind an active rule subscribes to, and the rules per kind. */
export interface RuleQuery {
  query: QueryType;
  byKind: Map<string, ActiveRule[]>;
  /** Changes when the set of active rules or their severities change. */
  key: string;
}

const queries = new WeakMap<object, RuleQuery>();

function activeRules(registry: Registry, settings: MlsecSettings): ActiveRule[] {
  const out: ActiveRule[] = [];
  for (const [id, r] of registry.python) {
    const card = registry.byId.get(id)!;
    const level = settings.rules[id];
    if (level === 'off') continue;
    const rule = 'declarative' in r ? declarativeRule(card, r.declarative) : r;
    out.push({ rule, card, severity: level ?? card.severity });
  }
  return out;
}

/** Builds (or reuses, per registry and rule settings) the capture query of the active rules. */
export function ruleQuery(registry: Registry, settings: MlsecSettings): RuleQuery {
  const key = JSON.stringify(settings.rules);
  const cached = queries.get(registry);
  if (cached && cached.key === key) return cached;
  const byKind = new Map<string, ActiveRule[]>();
  for (const a of activeRules(registry, settings)) {
    for (const kind of a.rule.kinds) {
      if (!byKind.has(kind)) byKind.set(kind, []);
      byKind.get(kind)!.push(a);
    }
  }
  const kinds = [...byKind.keys()].sort();
  const query = new Query(pythonLanguage(), kinds.length ? kinds.map((k) => `(${k}) @${k}`).join(' ') : '(module) @module');
  const entry = { query, byKind, key };
  queries.set(registry, entry);
  return entry;
}

/**
 * `__import__("pickle").loads` / `importlib.import_module("pickle").loads`: the module is named by a
 * string literal, so the chain still resolves (a common way to dodge naive linters).
 */
function dynamicImportParts(node: Node, imports: ImportTable): string[] | undefined {
  const attrs: string[] = [];
  let n: Node | null = node;
  while (n && n.type === 'attribute') {
    const attr = n.childForFieldName('attribute');
    if (!attr) return undefined;
    attrs.unshift(attr.text);
    n = n.childForFieldName('object');
  }
  if (!n || n.type !== 'call' || attrs.length === 0) return undefined;
  const fnParts = dottedParts(n.childForFieldName('function'));
  const fn = fnParts ? imports.resolve(fnParts) : undefined;
  if (fn !== 'builtins.__import__' && fn !== 'importlib.import_module') return undefined;
  const first = n.childForFieldName('arguments')?.namedChild(0);
  const lit = first ? literalValue(first) : undefined;
  if (lit?.kind !== 'string' || !/^[A-Za-z_][\w.]*$/.test(lit.value)) return undefined;
  return [...lit.value.split('.'), ...attrs];
}

/** Per-run memo of what rules ask about nodes: each answer costs several calls into WASM. */
function nodeFacts(imports: ImportTable) {
  const resolved = new Map<number, string | undefined>();
  const callees = new Map<number, Node | null>();
  const argLists = new Map<number, CallArguments>();
  const resolve = (n: Node | null | undefined): string | undefined => {
    if (!n) return undefined;
    if (resolved.has(n.id)) return resolved.get(n.id);
    const parts = dottedParts(n);
    const name = parts ? imports.resolve(parts) : dynamicImportParts(n, imports)?.join('.');
    resolved.set(n.id, name);
    return name;
  };
  const callee = (call: Node): Node | null => {
    if (!callees.has(call.id)) callees.set(call.id, call.childForFieldName('function'));
    return callees.get(call.id)!;
  };
  return {
    resolve,
    calleeName: (call: Node) => resolve(callee(call)),
    calleeText: (call: Node) => callee(call)?.text ?? '',
    args: (call: Node) => {
      let a = argLists.get(call.id);
      if (!a) argLists.set(call.id, (a = callArguments(call)));
      return a;
    },
  };
}

/** Runs the rules subscribed to each node's kind; a throwing rule becomes a problem, the others still run. */
export function runRules(nodes: Node[], byKind: Map<string, ActiveRule[]>, file: SourceFile, imports: ImportTable, facts: ProjectFacts, settings: MlsecSettings): { findings: Finding[]; problems: Problem[] } {
  const findings: Finding[] = [];
  const problems: Problem[] = [];
  const memo = nodeFacts(imports);
  // Per-rule timing only under --stats: two clock reads per rule and node.
  const timed = statsEnabled();
  for (const node of nodes) {
    for (const active of byKind.get(node.type) ?? []) {
      const ctx: PythonRuleContext = {
        card: active.card,
        file,
        imports,
        facts,
        settings,
        ...memo,
        report(r) {
          findings.push({
            ruleId: active.card.id,
            severity: r.severity ?? active.severity,
            message: r.message ?? active.card.message,
            range: r.range,
            fixes: r.fixes ?? [],
            properties: r.properties,
          });
        },
      };
      const t0 = timed ? performance.now() : 0;
      try {
        active.rule.visit(node, ctx);
      } catch (e) {
        problems.push({ kind: 'rule-error', ruleId: active.card.id, message: `rule ${active.card.id} failed: ${(e as Error).message}`, range: { start: node.startIndex, end: node.endIndex } });
      }
      if (timed) addStat(`rule:${active.card.id}`, performance.now() - t0);
    }
  }
  return { findings, problems };
}
