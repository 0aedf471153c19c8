// Loads and validates the rule catalogue (rules/**/*.yaml) and joins each card with its code rule.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { CATEGORIES, type Category } from '../shared/categories';
import type { Severity } from './finding';
import type { CallMatch, CardFix, CodeRule, KwargCondition, PythonRule, RuleCard, RuleTarget } from './rule';

/** Thrown when a card is invalid; names the file and the field. */
export class CardError extends Error {
  constructor(readonly file: string, readonly field: string, detail: string) {
    super(`${file}: field '${field}': ${detail}`);
  }
}

/** The loaded catalogue: cards by id, with the executable rule for each. */
export interface Registry {
  cards: RuleCard[];
  byId: Map<string, RuleCard>;
  /** Python rules (code rules and cards with `match:`), keyed by rule id. */
  python: Map<string, PythonRule | { id: string; target: 'python'; declarative: CallMatch }>;
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'note'];
/** Every value a card's `target` may take. */
export const RULE_TARGETS: readonly RuleTarget[] = [
  'python', 'model', 'notebook-output', 'dockerfile', 'requirements', 'pyproject', 'pipfile', 'setup-cfg', 'conda-env', 'lockfile',
  'compose', 'kubernetes', 'github-actions', 'terraform', 'yaml', 'json', 'toml', 'ini', 'env', 'credentials', 'data', 'threatmodel', 'markdown',
];
const TARGETS = RULE_TARGETS;

function req<T>(file: string, obj: Record<string, unknown>, field: string, check: (v: unknown) => v is T, want: string): T {
  const v = obj[field];
  if (!check(v)) throw new CardError(file, field, v === undefined ? 'missing' : `expected ${want}`);
  return v;
}
const isString = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

function idList(file: string, obj: Record<string, unknown>, field: string, pattern: RegExp): string[] {
  const list = req(file, obj, field, isStringList, 'a list of strings');
  for (const id of list) if (!pattern.test(id)) throw new CardError(file, field, `'${id}' does not look like ${pattern}`);
  return list;
}

function kwargCondition(file: string, field: string, v: unknown): { kwarg: KwargCondition } {
  if (!v || typeof v !== 'object' || !('kwarg' in v)) throw new CardError(file, field, 'expected { kwarg: { name: literal } }');
  const k = (v as { kwarg: unknown }).kwarg;
  if (!k || typeof k !== 'object' || Array.isArray(k)) throw new CardError(file, `${field}.kwarg`, 'expected a mapping');
  for (const [name, lit] of Object.entries(k)) {
    if (!['boolean', 'string', 'number'].includes(typeof lit) && lit !== null) throw new CardError(file, `${field}.kwarg.${name}`, 'expected a literal');
  }
  return { kwarg: k as KwargCondition };
}

function parseMatch(file: string, v: unknown): CallMatch {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new CardError(file, 'match', 'expected a mapping');
  const m = v as Record<string, unknown>;
  for (const key of Object.keys(m)) {
    if (!['call', 'when', 'unless', 'positions'].includes(key)) throw new CardError(file, `match.${key}`, 'unknown operator (known: call, when, unless, positions)');
  }
  const call = req(file, m, 'call', isStringList, 'a list of qualified names');
  if (call.length === 0) throw new CardError(file, 'match.call', 'must not be empty');
  const out: CallMatch = { call };
  if (m.when !== undefined) out.when = kwargCondition(file, 'match.when', m.when);
  if (m.unless !== undefined) out.unless = kwargCondition(file, 'match.unless', m.unless);
  if (m.positions !== undefined) {
    if (!m.positions || typeof m.positions !== 'object' || !Object.values(m.positions).every((x) => Number.isInteger(x))) {
      throw new CardError(file, 'match.positions', 'expected a mapping of argument name -> index');
    }
    out.positions = m.positions as Record<string, number>;
  }
  return out;
}

function parseFix(file: string, v: unknown): CardFix {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new CardError(file, 'fix', 'expected a mapping');
  const f = v as Record<string, unknown>;
  const fix: CardFix = { title: req(file, f, 'title', isString, 'a string'), safe: f.safe !== false };
  if (f['set-kwarg'] !== undefined) {
    const s = f['set-kwarg'];
    if (!s || typeof s !== 'object' || !Object.values(s).every((x) => typeof x === 'string')) throw new CardError(file, 'fix.set-kwarg', 'expected name -> Python source string');
    fix.setKwarg = s as Record<string, string>;
  }
  if (f['replace-callee'] !== undefined) fix.replaceCallee = req(file, f, 'replace-callee', isString, 'a string');
  if (!fix.setKwarg && !fix.replaceCallee) throw new CardError(file, 'fix', 'needs set-kwarg or replace-callee');
  return fix;
}

/** Parses and validates one card's YAML text. Throws CardError naming the file and field. */
export function parseCard(file: string, text: string, parsed?: unknown): RuleCard {
  let raw: unknown = parsed;
  if (raw === undefined) {
    try {
      raw = parseYaml(text);
    } catch (e) {
      throw new CardError(file, '(yaml)', (e as Error).message);
    }
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new CardError(file, '(root)', 'expected a mapping');
  const c = raw as Record<string, unknown>;
  const known = ['id', 'target', 'category', 'title', 'message', 'severity', 'security-severity', 'precision', 'cwe', 'owasp', 'atlas', 'references', 'help', 'match', 'fix'];
  for (const key of Object.keys(c)) if (!known.includes(key)) throw new CardError(file, key, 'unknown field');
  const id = req(file, c, 'id', isString, 'a kebab-case id');
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) throw new CardError(file, 'id', 'must be kebab-case');
  const expected = path.basename(file).replace(/\.ya?ml$/, '');
  if (id !== expected) throw new CardError(file, 'id', `must equal the file name '${expected}'`);
  const target = req(file, c, 'target', (v): v is RuleTarget => TARGETS.includes(v as RuleTarget), TARGETS.join(' | '));
  const category = req(file, c, 'category', (v): v is Category => CATEGORIES.includes(v as Category), CATEGORIES.join(' | '));
  const severity = req(file, c, 'severity', (v): v is Severity => SEVERITIES.includes(v as Severity), SEVERITIES.join(' | '));
  const sec = req(file, c, 'security-severity', (v): v is number => typeof v === 'number' && v >= 0 && v <= 10, 'a number 0.0-10.0');
  const precision = req(file, c, 'precision', (v): v is RuleCard['precision'] => ['high', 'medium', 'low'].includes(v as string), 'high | medium | low');
  const references = req(file, c, 'references', isStringList, 'a list of URLs');
  for (const r of references) if (!/^https:\/\//.test(r)) throw new CardError(file, 'references', `'${r}' is not an https URL`);
  const card: RuleCard = {
    id, target, category, severity, precision, references, file,
    title: req(file, c, 'title', isString, 'a string'),
    message: req(file, c, 'message', isString, 'a string'),
    securitySeverity: sec,
    cwe: idList(file, c, 'cwe', /^CWE-\d+$/),
    owasp: idList(file, c, 'owasp', /^(ML(0[1-9]|10)|LLM(0[1-9]|10)|ASI(0[1-9]|10))$/),
    atlas: idList(file, c, 'atlas', /^AML\.[TM]\d{4}(\.\d{3})?$/),
    help: req(file, c, 'help', isString, 'Markdown text'),
  };
  if (card.cwe.length === 0) throw new CardError(file, 'cwe', 'at least one CWE id');
  if (card.atlas.length === 0) throw new CardError(file, 'atlas', 'at least one ATLAS id');
  if (card.owasp.length === 0) throw new CardError(file, 'owasp', 'at least one OWASP id');
  if (c.match !== undefined) {
    if (target !== 'python') throw new CardError(file, 'match', 'only python cards have a declarative match');
    card.match = parseMatch(file, c.match);
  }
  if (c.fix !== undefined) card.fix = parseFix(file, c.fix);
  return card;
}

/** Every *.yaml below `dir`, sorted for a stable rule order. */
function cardFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** Finds the catalogue directory: `rules/` beside the package root, from source or from a bundle. */
export function defaultRulesDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'rules');
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(`mlsec: rules/ directory not found above ${__dirname}`);
}

/**
 * Loads every card in `dir` and joins it with `codeRules`. Throws on a bad card (naming file and
 * field), a duplicate id, a card with neither `match:` nor code, or code without a card.
 */
export function loadRegistry(codeRules: readonly CodeRule[], dir = defaultRulesDir()): Registry {
  const parsed = preparsedCards();
  const cards = cardFiles(dir).map((f) => {
    const text = fs.readFileSync(f, 'utf8');
    // The YAML parse is most of start-up; the build ships it pre-parsed, used only when the text is unchanged.
    const pre = parsed?.get(contentHash(text));
    return parseCard(path.relative(path.dirname(dir), f).split(path.sep).join('/'), text, pre);
  });
  return buildRegistry(cards, codeRules);
}

/** The hash that keys a pre-parsed card: any edit to the YAML text misses the cache. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Cards parsed at build time (`catalogue.json` beside the bundle: content hash -> parsed YAML). Absent
 * when running from source. Validation still runs on every card, so a bad card still fails loudly.
 */
function preparsedCards(): Map<string, unknown> | undefined {
  try {
    const file = path.join(__dirname, 'catalogue.json');
    if (!fs.existsSync(file)) return undefined;
    return new Map(Object.entries(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>));
  } catch {
    return undefined;
  }
}

/** Joins parsed cards with code rules (see loadRegistry). */
export function buildRegistry(cards: RuleCard[], codeRules: readonly CodeRule[]): Registry {
  const byId = new Map<string, RuleCard>();
  for (const card of cards) {
    if (byId.has(card.id)) throw new CardError(card.file, 'id', `duplicate id (also in ${byId.get(card.id)!.file})`);
    byId.set(card.id, card);
  }
  const code = new Map(codeRules.map((r) => [r.id, r]));
  const python: Registry['python'] = new Map();
  for (const card of cards) {
    const rule = code.get(card.id);
    if (rule && card.match) throw new CardError(card.file, 'match', 'card has both match: and a code rule');
    if (rule && rule.target !== card.target) throw new CardError(card.file, 'target', `code rule target is ${rule.target}`);
    if (!rule && !card.match) throw new CardError(card.file, 'match', 'no match: and no code rule with this id');
    if (card.target === 'python') python.set(card.id, rule ? (rule as PythonRule) : { id: card.id, target: 'python', declarative: card.match! });
  }
  for (const r of codeRules) if (!byId.has(r.id)) throw new Error(`mlsec: code rule '${r.id}' has no card in rules/`);
  return { cards, byId, python };
}
