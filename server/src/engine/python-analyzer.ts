// Analyses Python text: statement units cached by text, a full incremental parse, and a one-statement fast path for keystrokes.
import type { Node, Query as QueryType, Tree } from 'web-tree-sitter';
import { Query } from 'web-tree-sitter';
import { BINDING_KINDS, type Binding, bindingsOf, ImportTable, significantBindings } from '../analysis/python/imports';
import { localSource } from '../analysis/python/local-reparse';
import { writtenBindings } from '../analysis/python/written-paths';
import { partition, type Unit } from '../analysis/python/units';
import { parsePython, parsePythonSnippet, pythonLanguage, textChange, type ParsedPython } from '../parsers/python';
import type { MlsecSettings } from '../shared/settings';
import { budgetActive, checkBudget, overBudget } from './budget';
import { type Finding, type Problem, shiftFinding } from './finding';
import type { ProjectFacts } from './project-facts';
import { type RuleQuery, ruleQuery, runRules } from './python-rule-runner';
import type { Registry } from './registry';
import { createSourceFile, lastAtOrBefore, type SourceFile } from './source-file';
import { measure } from './stats';

type UnitResult = { findings: Finding[]; problems: Problem[] };

/** Per-document state kept between analyses so edits re-check only what changed. */
export class PythonAnalysisCache {
  /** The last full parse; after fast-path analyses it lags behind `text` until the next full analysis. */
  parsed?: ParsedPython;
  /** The text of the last analysis and its statement units. */
  text?: string;
  units: Unit[] = [];
  imports?: ImportTable;
  /** Syntax problems of `text`. */
  syntax: Problem[] = [];
  /** Per unit text: its bindings, and its results relative to the unit start. */
  bindings = new Map<string, Binding[]>();
  results = new Map<string, UnitResult>();
  contextKey = '';

  /** True when the last analysis took the fast path and a full analysis is due (the server schedules one). */
  get needsFullAnalysis(): boolean {
    return this.text !== undefined && this.parsed?.text !== this.text;
  }

  /** Frees the WASM memory of the kept tree. */
  dispose(): void {
    this.parsed?.tree.delete();
    this.parsed = undefined;
    this.text = undefined;
    this.bindings.clear();
    this.results.clear();
  }
}

/** Options of one analysis. */
export interface PythonAnalysisOptions {
  /** Allow the one-statement fast path (editor keystrokes); follow up with a full analysis when idle. */
  quick?: boolean;
}

let bindingQuery: QueryType | undefined;

/** Query options that stop a capture run when the analysis budget is spent (the caller then checks it). */
function cancel(): { progressCallback?: () => boolean } {
  return budgetActive() ? { progressCallback: () => overBudget() } : {};
}

/** Captures of `query` whose node starts in one of `units`, bucketed per unit (one query call per range or one overall). */
function capturesByUnit(query: QueryType, root: Node, units: Unit[]): Node[][] {
  const buckets: Node[][] = units.map(() => []);
  if (units.length === 0) return buckets;
  if (units.length <= 32) {
    units.forEach((u, i) => {
      // Query ranges are in bytes of the UTF-16 text web-tree-sitter parses, i.e. 2 x the JS index.
      for (const c of query.captures(root, { startIndex: u.start * 2, endIndex: u.end * 2, ...cancel() })) {
        if (c.node.startIndex >= u.start && c.node.startIndex < u.end) buckets[i].push(c.node);
      }
    });
    checkBudget('querying the Python tree');
    return buckets;
  }
  const starts = units.map((u) => u.start);
  const captures = query.captures(root, cancel());
  checkBudget('querying the Python tree');
  for (const c of captures) {
    const s = c.node.startIndex;
    const i = lastAtOrBefore(starts, s);
    if (s >= units[i].start && s < units[i].end) buckets[i].push(c.node);
  }
  return buckets;
}

function shiftProblems(items: Problem[], by: number): Problem[] {
  return items.map((x) => (x.range ? { ...x, range: { start: x.range.start + by, end: x.range.end + by } } : { ...x }));
}

function bindingsIn(root: Node, units: Unit[], text: string): Binding[][] {
  bindingQuery ??= new Query(pythonLanguage(), BINDING_KINDS.map((k) => `(${k}) @${k}`).join(' '));
  // Folder names a statement saves models to are file-level facts too: a change to them re-checks the file.
  return capturesByUnit(bindingQuery, root, units).map((nodes, i) => [...nodes.flatMap(bindingsOf), ...writtenBindings(text.slice(units[i].start, units[i].end))]);
}

/** Reads all bindings (imports, aliases, locals), reusing per-unit results from the cache. */
function collectBindings(tree: Tree, text: string, units: Unit[], cache: PythonAnalysisCache): ImportTable {
  const next = new Map<string, Binding[]>();
  const missing: Unit[] = [];
  for (const u of units) {
    const key = text.slice(u.start, u.end);
    const hit = cache.bindings.get(key);
    if (hit) next.set(key, hit);
    else missing.push(u);
  }
  bindingsIn(tree.rootNode, missing, text).forEach((b, i) => next.set(text.slice(missing[i].start, missing[i].end), b));
  cache.bindings = next;
  return new ImportTable(units.flatMap((u) => next.get(text.slice(u.start, u.end)) ?? []));
}

// Facts carry whole lock files and this key is built on every keystroke: serialise each facts/settings object once.
const serialised = new WeakMap<object, string>();
function serialise(o: object): string {
  let s = serialised.get(o);
  if (s === undefined) serialised.set(o, (s = JSON.stringify(o)));
  return s;
}

function contextKeyOf(imports: ImportTable, facts: ProjectFacts, rq: RuleQuery, settings: MlsecSettings): string {
  return `${imports.signature}\u0000${serialise(facts)}\u0000${rq.key}\u0000${serialise(settings)}`;
}

/** Concatenates per-unit results (relative offsets) into file results. */
function assemble(text: string, units: Unit[], results: Map<string, UnitResult>, syntax: Problem[]): UnitResult {
  const findings: Finding[] = [];
  const problems: Problem[] = [];
  for (const u of units) {
    const r = results.get(text.slice(u.start, u.end));
    if (!r) continue;
    for (const f of r.findings) findings.push(shiftFinding(f, u.start));
    if (r.problems.length) problems.push(...shiftProblems(r.problems, u.start));
  }
  findings.sort((a, b) => a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId));
  return { findings, problems: [...problems, ...syntax] };
}

function analyzeFully(file: SourceFile, rq: RuleQuery, facts: ProjectFacts, settings: MlsecSettings, cache: PythonAnalysisCache): UnitResult {
  let parsed: ParsedPython;
  try {
    parsed = measure('parse:python', file.text.length, () => parsePython(file.text, cache.parsed));
  } catch (e) {
    // parsePython deleted the previous tree: the next analysis parses from scratch.
    cache.parsed = undefined;
    throw e;
  }
  cache.parsed = parsed;
  const { tree } = parsed;
  const units = partition(tree.rootNode);
  const imports = measure('python:bindings', 0, () => collectBindings(tree, file.text, units, cache));
  const contextKey = contextKeyOf(imports, facts, rq, settings);
  if (contextKey !== cache.contextKey) {
    cache.results.clear();
    cache.contextKey = contextKey;
  }
  const fresh = new Map<string, UnitResult>();
  const missing: Unit[] = [];
  for (const u of units) {
    const k = file.text.slice(u.start, u.end);
    const hit = fresh.get(k) ?? cache.results.get(k);
    if (hit) fresh.set(k, hit);
    else missing.push(u);
  }
  const captured = measure('python:query', 0, () => capturesByUnit(rq.query, tree.rootNode, missing));
  captured.forEach((nodes, j) => {
    const u = missing[j];
    const k = file.text.slice(u.start, u.end);
    if (fresh.has(k)) return; // an identical statement earlier in this pass
    checkBudget('running the Python rules');
    const r = measure('python:rules', 0, () => runRules(nodes, rq.byKind, file, imports, facts, settings));
    fresh.set(k, { findings: r.findings.map((f) => shiftFinding(f, -u.start)), problems: shiftProblems(r.problems, -u.start) });
  });
  cache.results = fresh;
  cache.text = file.text;
  cache.units = units;
  cache.imports = imports;
  cache.syntax = tree.rootNode.hasError ? syntaxProblems(tree.rootNode) : [];
  return assemble(file.text, units, fresh, cache.syntax);
}

/**
 * The keystroke fast path: when the edit stays inside one statement and changes no binding, parse
 * just that statement and reuse every other statement's results. Undefined = take the full path.
 */
function analyzeLocally(file: SourceFile, rq: RuleQuery, facts: ProjectFacts, settings: MlsecSettings, cache: PythonAnalysisCache): UnitResult | undefined {
  if (cache.text === undefined || !cache.imports || contextKeyOf(cache.imports, facts, rq, settings) !== cache.contextKey) return undefined;
  const change = textChange(cache.text, file.text);
  if (!change) return undefined;
  const local = localSource(cache.text, file.text, cache.units, change);
  if (!local) return undefined;
  const oldBindings = cache.bindings.get(local.oldText);
  const tree = parsePythonSnippet(local.source);
  let result: UnitResult;
  let bindings: Binding[];
  let syntax: Problem[];
  try {
    const root = tree.rootNode;
    const whole = [{ start: 0, end: local.source.length, kind: 'stmt' as const }];
    bindings = bindingsIn(root, whole, local.source)[0];
    // A changed import or alias changes how every statement resolves: re-check the file.
    const wild = cache.imports.hasWildcards;
    if (!oldBindings || significantBindings(bindings, wild) !== significantBindings(oldBindings, wild)) return undefined;
    const firstOwn = local.unit.start - local.shift;
    const nodes = capturesByUnit(rq.query, root, whole)[0].filter((n) => n.startIndex >= firstOwn);
    const quickFile = createSourceFile(file.path, 'python', local.source);
    const r = runRules(nodes, rq.byKind, file.origin ? { ...quickFile, origin: file.origin } : quickFile, cache.imports, facts, settings);
    const toUnit = local.shift - local.unit.start;
    result = { findings: r.findings.map((f) => shiftFinding(f, toUnit)), problems: shiftProblems(r.problems, toUnit) };
    syntax = root.hasError ? shiftProblems(syntaxProblems(root), local.shift) : [];
  } finally {
    tree.delete();
  }
  const delta = change.newEnd - change.oldEnd;
  const old = cache.units[local.unitIndex];
  const units = cache.units.map((u, i) => (i < local.unitIndex ? u : i === local.unitIndex ? local.unit : { ...u, start: u.start + delta, end: u.end + delta }));
  const newKey = file.text.slice(local.unit.start, local.unit.end);
  cache.results.set(newKey, result);
  cache.bindings.set(newKey, bindings);
  const outside = cache.syntax.filter((p) => !p.range || p.range.end <= old.start || p.range.start >= old.end);
  cache.syntax = [...shiftProblems(outside.filter((p) => !p.range || p.range.start < old.start), 0), ...syntax, ...shiftProblems(outside.filter((p) => p.range && p.range.start >= old.end), delta)];
  cache.text = file.text;
  cache.units = units;
  return assemble(file.text, units, cache.results, cache.syntax);
}

/**
 * Analyses a Python source (or a notebook's joined code cells). With a cache, the previous tree is
 * re-parsed incrementally and only statements whose text changed are re-checked; with `quick`, an
 * edit inside one statement re-parses only that statement.
 */
export function analyzePythonSource(
  file: SourceFile,
  registry: Registry,
  settings: MlsecSettings,
  facts: ProjectFacts,
  cache?: PythonAnalysisCache,
  options: PythonAnalysisOptions = {},
): UnitResult {
  const rq = ruleQuery(registry, settings);
  if (!cache) {
    // A one-off analysis (CLI, workspace scan): free the tree's WASM memory now, or a scan of
    // thousands of files keeps every tree alive until the thread exits.
    const own = new PythonAnalysisCache();
    try {
      return analyzeFully(file, rq, facts, settings, own);
    } finally {
      own.dispose();
    }
  }
  return (options.quick && analyzeLocally(file, rq, facts, settings, cache)) || analyzeFully(file, rq, facts, settings, cache);
}

/** The first syntax errors (up to 50: the engine keeps one problem per file and counts the rest), as problems (analysis of the rest still ran: tree-sitter recovers). Iterative: inputs can nest deeply. */
function syntaxProblems(root: Node): Problem[] {
  const out: Problem[] = [];
  const stack: Node[] = [root];
  while (stack.length && out.length < 50) {
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
