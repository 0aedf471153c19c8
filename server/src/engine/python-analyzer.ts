// Runs Python rules over a parse tree: one query per statement unit, dispatched by node kind, cached per unit.
import type { Node, Query as QueryType, Tree } from 'web-tree-sitter';
import { Query } from 'web-tree-sitter';
import { BINDING_KINDS, type Binding, bindingsOf, ImportTable } from '../analysis/python/imports';
import { dottedParts, literalValue } from '../analysis/python/nodes';
import { partition, type Unit } from '../analysis/python/units';
import { declarativeRule } from '../matchers/call';
import { parsePython, pythonLanguage, type ParsedPython } from '../parsers/python';
import type { MlsecSettings } from '../shared/settings';
import type { Finding, Problem, Severity } from './finding';
import type { ProjectFacts } from './project-facts';
import type { Registry } from './registry';
import type { PythonRule, PythonRuleContext, RuleCard } from './rule';
import type { SourceFile } from './source-file';

/** Per-document state kept between analyses so edits re-check only what changed. */
export class PythonAnalysisCache {
  parsed?: ParsedPython;
  bindings = new Map<string, Binding[]>();
  results = new Map<string, { findings: Finding[]; problems: Problem[] }>();
  contextKey = '';

  /** Frees the WASM memory of the kept tree. */
  dispose(): void {
    this.parsed?.tree.delete();
    this.parsed = undefined;
    this.bindings.clear();
    this.results.clear();
  }
}

interface ActiveRule {
  rule: PythonRule;
  card: RuleCard;
  severity: Severity;
}

const queries = new WeakMap<object, { query: QueryType; byKind: Map<string, ActiveRule[]>; key: string }>();
let bindingQuery: QueryType | undefined;

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

function ruleQuery(registry: Registry, settings: MlsecSettings) {
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

/** Captures of `query` whose node starts in one of `units`, bucketed per unit (one query call per range or one overall). */
function capturesByUnit(query: QueryType, root: Node, units: Unit[]): Node[][] {
  const buckets: Node[][] = units.map(() => []);
  if (units.length === 0) return buckets;
  if (units.length <= 32) {
    units.forEach((u, i) => {
      // Query ranges are in bytes of the UTF-16 text web-tree-sitter parses, i.e. 2 x the JS index.
      for (const c of query.captures(root, { startIndex: u.start * 2, endIndex: u.end * 2 })) {
        if (c.node.startIndex >= u.start && c.node.startIndex < u.end) buckets[i].push(c.node);
      }
    });
    return buckets;
  }
  const starts = units.map((u) => u.start);
  for (const c of query.captures(root)) {
    const s = c.node.startIndex;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= s) lo = mid;
      else hi = mid - 1;
    }
    if (s >= units[lo].start && s < units[lo].end) buckets[lo].push(c.node);
  }
  return buckets;
}

function shift<T extends { range?: { start: number; end: number } }>(items: T[], by: number): T[] {
  if (by === 0) return items.map((x) => ({ ...x }));
  return items.map((x) => (x.range ? { ...x, range: { start: x.range.start + by, end: x.range.end + by } } : { ...x }));
}

function shiftFinding(f: Finding, by: number): Finding {
  return {
    ...f,
    range: { start: f.range.start + by, end: f.range.end + by },
    fixes: f.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, range: { start: e.range.start + by, end: e.range.end + by } })) })),
  };
}

/** Reads all bindings (imports, aliases, locals), reusing per-unit results from the cache. */
function collectBindings(tree: Tree, text: string, units: Unit[], cache: PythonAnalysisCache): ImportTable {
  bindingQuery ??= new Query(pythonLanguage(), BINDING_KINDS.map((k) => `(${k}) @${k}`).join(' '));
  const next = new Map<string, Binding[]>();
  const missing: number[] = [];
  units.forEach((u, i) => {
    const key = text.slice(u.start, u.end);
    const hit = cache.bindings.get(key);
    if (hit) next.set(key, hit);
    else missing.push(i);
  });
  const buckets = capturesByUnit(bindingQuery, tree.rootNode, missing.map((i) => units[i]));
  missing.forEach((unitIndex, j) => {
    const u = units[unitIndex];
    next.set(text.slice(u.start, u.end), buckets[j].flatMap(bindingsOf));
  });
  cache.bindings = next;
  return new ImportTable(units.flatMap((u) => next.get(text.slice(u.start, u.end)) ?? []));
}

/**
 * Analyses a Python source (or a notebook's joined code cells). With a cache, the previous tree is
 * re-parsed incrementally and only statements whose text changed are re-checked.
 */
export function analyzePythonSource(
  file: SourceFile,
  registry: Registry,
  settings: MlsecSettings,
  facts: ProjectFacts,
  cache = new PythonAnalysisCache(),
): { findings: Finding[]; problems: Problem[] } {
  const parsed = parsePython(file.text, cache.parsed);
  cache.parsed = parsed;
  const { tree } = parsed;
  const units = partition(tree.rootNode);
  const imports = collectBindings(tree, file.text, units, cache);
  const { query, byKind, key } = ruleQuery(registry, settings);
  const contextKey = `${imports.signature}\u0000${JSON.stringify(facts)}\u0000${key}`;
  if (contextKey !== cache.contextKey) {
    cache.results.clear();
    cache.contextKey = contextKey;
  }
  const findings: Finding[] = [];
  const problems: Problem[] = [];
  const fresh = new Map<string, { findings: Finding[]; problems: Problem[] }>();
  const missing: number[] = [];
  units.forEach((u, i) => {
    const k = file.text.slice(u.start, u.end);
    const hit = fresh.get(k) ?? cache.results.get(k);
    if (hit) {
      fresh.set(k, hit);
      findings.push(...hit.findings.map((f) => shiftFinding(f, u.start)));
      problems.push(...shift(hit.problems, u.start));
    } else missing.push(i);
  });
  const buckets = capturesByUnit(query, tree.rootNode, missing.map((i) => units[i]));
  missing.forEach((unitIndex, j) => {
    const u = units[unitIndex];
    const k = file.text.slice(u.start, u.end);
    const prior = fresh.get(k);
    const result = prior ?? runRules(buckets[j], byKind, file, imports, facts);
    if (!prior) fresh.set(k, { findings: result.findings.map((f) => shiftFinding(f, -u.start)), problems: shift(result.problems, -u.start) });
    else {
      findings.push(...prior.findings.map((f) => shiftFinding(f, u.start)));
      problems.push(...shift(prior.problems, u.start));
      return;
    }
    findings.push(...result.findings);
    problems.push(...result.problems);
  });
  cache.results = fresh;
  if (tree.rootNode.hasError) problems.push(...syntaxProblems(tree.rootNode));
  findings.sort((a, b) => a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId));
  return { findings, problems };
}

function runRules(nodes: Node[], byKind: Map<string, ActiveRule[]>, file: SourceFile, imports: ImportTable, facts: ProjectFacts) {
  const findings: Finding[] = [];
  const problems: Problem[] = [];
  const resolve = (n: Node | null | undefined): string | undefined => {
    const parts = dottedParts(n);
    if (parts) return imports.resolve(parts);
    const dynamic = dynamicImportParts(n, imports);
    return dynamic?.join('.');
  };
  for (const node of nodes) {
    for (const active of byKind.get(node.type) ?? []) {
      const ctx: PythonRuleContext = {
        card: active.card,
        file,
        imports,
        facts,
        resolve,
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
      try {
        active.rule.visit(node, ctx);
      } catch (e) {
        // A throwing rule is recorded; the other rules still run.
        problems.push({ kind: 'rule-error', ruleId: active.card.id, message: `rule ${active.card.id} failed: ${(e as Error).message}`, range: { start: node.startIndex, end: node.endIndex } });
      }
    }
  }
  return { findings, problems };
}

/**
 * `__import__("pickle").loads` / `importlib.import_module("pickle").loads`: the module is named by a
 * string literal, so the chain still resolves (a common way to dodge naive linters).
 */
function dynamicImportParts(node: Node | null | undefined, imports: ImportTable): string[] | undefined {
  const attrs: string[] = [];
  let n = node;
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

/** The first few syntax errors, as problems (analysis of the rest still ran: tree-sitter recovers). Iterative: inputs can nest deeply. */
function syntaxProblems(root: Node): Problem[] {
  const out: Problem[] = [];
  const stack: Node[] = [root];
  while (stack.length && out.length < 3) {
    const n = stack.pop()!;
    if (n.isError || n.isMissing) {
      out.push({ kind: 'parse-error', message: n.isMissing ? `syntax error: missing ${n.type}` : 'syntax error', range: { start: n.startIndex, end: Math.max(n.endIndex, n.startIndex + 1) } });
      continue;
    }
    if (!n.hasError) continue;
    const children = n.children.filter((c): c is Node => !!c);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return out;
}
