// Name bindings of a Python file: imports, `from` imports, simple re-bindings; resolves dotted names to qualified ones.
import type { Node } from 'web-tree-sitter';
import { dottedParts } from './nodes';

/** One name binding found in the code. */
export type Binding =
  | { kind: 'import'; name: string; target: string }
  | { kind: 'alias'; name: string; parts: string[] }
  | { kind: 'wildcard'; module: string }
  | { kind: 'local'; name: string }
  /** A literal folder name the file saves a model to or pushes it under (see written-paths.ts). */
  | { kind: 'written'; path: string };

/** Node kinds that can create bindings. */
export const BINDING_KINDS = ['import_statement', 'import_from_statement', 'assignment', 'parameters', 'for_statement', 'as_pattern'];

/**
 * Top-level module names (and their community aliases) that are assumed to refer to the module when
 * the file uses them without an import or other binding: snippets and notebooks often import elsewhere.
 */
const CONVENTIONAL: Record<string, string> = {
  np: 'numpy', pd: 'pandas', tf: 'tensorflow',
};
const WELL_KNOWN = new Set([
  'pickle', 'cPickle', '_pickle', 'dill', 'cloudpickle', 'joblib', 'torch', 'yaml', 'numpy', 'pandas', 'marshal',
  'shelve', 'jsonpickle', 'keras', 'tensorflow', 'msgpack_numpy', 'os', 'subprocess',
]);

/** Builtins that rules care about; a bare call to one resolves to `builtins.<name>` unless shadowed. */
const BUILTINS = new Set(['eval', 'exec', 'compile', 'open', '__import__', 'getattr', 'input', 'breakpoint']);

/** A local name matters to resolution only when it hides a fallback (builtin, well-known module, wildcard name). */
function shadowsFallback(name: string, wildcards: boolean): boolean {
  return wildcards || BUILTINS.has(name) || WELL_KNOWN.has(name) || name in CONVENTIONAL;
}

/**
 * The part of some bindings that can change how names resolve: imports, aliases, wildcards and the
 * locals that hide a fallback. Two statements with equal significant bindings resolve alike, so an
 * edit that only adds ordinary locals (`y = 1`) needs no whole-file re-check.
 */
export function significantBindings(bindings: readonly Binding[], wildcards: boolean): string {
  return JSON.stringify(bindings.filter((b) => b.kind !== 'local' || shadowsFallback(b.name, wildcards)));
}

/** Reads the bindings a node of one of BINDING_KINDS creates. */
export function bindingsOf(node: Node): Binding[] {
  switch (node.type) {
    case 'import_statement':
      return importBindings(node);
    case 'import_from_statement':
      return fromImportBindings(node);
    case 'assignment':
      return assignmentBindings(node);
    case 'parameters':
      return node.namedChildren.flatMap((p) => (p ? paramName(p) : [])).map((name) => ({ kind: 'local' as const, name }));
    case 'for_statement': {
      const left = node.childForFieldName('left');
      return left?.type === 'identifier' ? [{ kind: 'local', name: left.text }] : [];
    }
    case 'as_pattern': {
      const alias = node.childForFieldName('alias');
      const id = alias?.type === 'as_pattern_target' ? alias.namedChild(0) : alias;
      return id?.type === 'identifier' ? [{ kind: 'local', name: id.text }] : [];
    }
    default:
      return [];
  }
}

function paramName(p: Node): string[] {
  if (p.type === 'identifier') return [p.text];
  const name = p.childForFieldName('name') ?? p.namedChild(0);
  return name?.type === 'identifier' ? [name.text] : [];
}

function importBindings(node: Node): Binding[] {
  const out: Binding[] = [];
  for (const child of node.childrenForFieldName('name')) {
    if (!child) continue;
    if (child.type === 'aliased_import') {
      const name = child.childForFieldName('name');
      const alias = child.childForFieldName('alias');
      if (name && alias) out.push({ kind: 'import', name: alias.text, target: name.text });
    } else if (child.type === 'dotted_name') {
      const first = child.text.split('.')[0];
      out.push({ kind: 'import', name: first, target: first });
    }
  }
  return out;
}

function fromImportBindings(node: Node): Binding[] {
  const moduleNode = node.childForFieldName('module_name');
  if (!moduleNode) return [];
  const relative = moduleNode.type === 'relative_import';
  const module = moduleNode.text;
  const out: Binding[] = [];
  for (const child of node.namedChildren) {
    if (!child || child.id === moduleNode.id) continue;
    if (child.type === 'wildcard_import') {
      if (!relative) out.push({ kind: 'wildcard', module });
    } else if (child.type === 'aliased_import') {
      const name = child.childForFieldName('name');
      const alias = child.childForFieldName('alias');
      if (name && alias) out.push(relative ? { kind: 'local', name: alias.text } : { kind: 'import', name: alias.text, target: `${module}.${name.text}` });
    } else if (child.type === 'dotted_name') {
      out.push(relative ? { kind: 'local', name: child.text } : { kind: 'import', name: child.text, target: `${module}.${child.text}` });
    }
  }
  return out;
}

function assignmentBindings(node: Node): Binding[] {
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  if (!left || left.type !== 'identifier') return [];
  const parts = right && (right.type === 'identifier' || right.type === 'attribute') ? dottedParts(right) : undefined;
  return parts ? [{ kind: 'alias', name: left.text, parts }] : [{ kind: 'local', name: left.text }];
}

/** All bindings of a file, queried by dotted-name resolution. */
export class ImportTable {
  private readonly imports = new Map<string, string>();
  private readonly aliases = new Map<string, string[]>();
  private readonly locals = new Set<string>();
  private readonly wildcards: string[] = [];
  private readonly written = new Set<string>();
  /** A stable string of the table's content: when it changes, cached per-statement results are stale. */
  readonly signature: string;

  constructor(bindings: Iterable<Binding>) {
    for (const b of bindings) {
      if (b.kind === 'import') {
        if (!this.imports.has(b.name)) this.imports.set(b.name, b.target);
      } else if (b.kind === 'alias') {
        if (!this.aliases.has(b.name)) this.aliases.set(b.name, b.parts);
      } else if (b.kind === 'wildcard') {
        if (!this.wildcards.includes(b.module)) this.wildcards.push(b.module);
      } else if (b.kind === 'written') {
        this.written.add(b.path);
      } else this.locals.add(b.name);
    }
    const sorted = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const locals = [...this.locals].filter((n) => shadowsFallback(n, this.wildcards.length > 0)).sort();
    this.signature = JSON.stringify([sorted(this.imports), sorted(this.aliases), locals, this.wildcards, [...this.written].sort()]);
  }

  /** True when the file saves or pushes a model under this literal name: a later load of it is the file's own output. */
  writes(path: string): boolean {
    return this.written.has(path);
  }

  /** True when the file has `from x import *`, which makes every local name significant. */
  get hasWildcards(): boolean {
    return this.wildcards.length > 0;
  }

  /** Local names (imports and aliases) that resolve to one of `targets`, e.g. `jl` for joblib.load. */
  namesResolvingTo(targets: ReadonlySet<string>): string[] {
    return [...this.imports.keys(), ...this.aliases.keys()].filter((n) => {
      const r = this.resolve([n]);
      return r !== undefined && targets.has(r);
    });
  }

  /** True when `name` is imported from (or as) `module` anywhere in the file. */
  imported(module: string): boolean {
    for (const target of this.imports.values()) if (target === module || target.startsWith(`${module}.`)) return true;
    return false;
  }

  /**
   * Resolves a dotted name as written (`pkl.load`, `T.load`, `loader`) to a qualified name
   * (`pickle.load`, `torch.load`, `pickle.loads`), or undefined when the base is not a known binding.
   */
  resolve(parts: readonly string[], depth = 0): string | undefined {
    if (parts.length === 0 || depth > 8) return undefined;
    const [base, ...rest] = parts;
    const suffix = rest.length ? `.${rest.join('.')}` : '';
    const imported = this.imports.get(base);
    if (imported) return imported + suffix;
    const alias = this.aliases.get(base);
    if (alias) {
      const resolved = this.resolve(alias, depth + 1);
      return resolved === undefined ? undefined : resolved + suffix;
    }
    if (this.locals.has(base)) return undefined;
    if (rest.length === 0 && BUILTINS.has(base)) return `builtins.${base}`;
    if (rest.length === 0 && this.wildcards.length) return `${this.wildcards[0]}.${base}`;
    if (WELL_KNOWN.has(base)) return base + suffix;
    if (CONVENTIONAL[base]) return CONVENTIONAL[base] + suffix;
    return undefined;
  }
}
