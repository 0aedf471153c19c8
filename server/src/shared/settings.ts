// mlsec settings: one model for the editor (mlsec.* configuration) and the CLI (flags + config file): keys, where each may come from, one parser.

/** A rule's configured level: a severity, or 'off' to disable it. */
export type RuleLevel = 'error' | 'warning' | 'note' | 'off';

/** Everything the engine needs to know about the user's configuration. */
export interface MlsecSettings {
  /** Master switch. */
  enable: boolean;
  /** Per-rule overrides: rule id -> level. Unlisted rules keep their card's severity. */
  rules: Record<string, RuleLevel>;
  /** Per-category switches (`"privacy": false` turns off every privacy rule not listed in `rules`); unlisted categories are on. */
  categories?: Record<string, boolean>;
  /** Glob patterns (relative to the workspace root) a workspace scan includes; empty = everything. */
  include: string[];
  /** Glob patterns a workspace scan skips, in addition to .gitignore and the built-in list. */
  exclude: string[];
  /** Files larger than this (bytes) are skipped with a note. */
  maxFileSize: number;
  /** Largest model file scanned, in bytes (model files are streamed, so this can be larger). */
  maxModelFileSize: number;
  /** Whether the workspace is trusted (editor only); untrusted never changes what runs, only what config is read. */
  trusted: boolean;
  /** Personal-data (privacy) detection. */
  privacy: PrivacySettings;
  /** Opt-in online lookups for pinning fixes (PyPI, container registries, GitHub, Hugging Face); off by default. */
  network?: NetworkSettings;
  /** Editor only: scan the workspace once in the background after start and keep it fresh (default on). */
  backgroundScan?: boolean;
  /** Baseline file (`mlsec scan --write-baseline`), absolute or relative to the workspace root: its findings are not reported. */
  baseline?: string;
  /** A Python interpreter (or environment folder) whose installed versions pinning fixes may use; read from disk, never run. */
  pythonPath?: string;
}

/** `mlsec.network.*`: user-level only (application scope in the editor, refused from a config file). */
export interface NetworkSettings {
  /** Look values up when the user picks a pinning fix; never during analysis. */
  enabled: boolean;
  /** Hosts (`name`, `name:port` or `*.suffix`) the lookups may use besides the known public registries. */
  allowedHosts?: string[];
}

/** Settings of the privacy rules (`mlsec.privacy.*`). */
export interface PrivacySettings {
  /** Entity type (e.g. 'email', 'phone', 'us-ssn') -> false to stop reporting it; unlisted types are on. */
  entities: Record<string, boolean>;
  /** Values recognised with a lower confidence (0-1) are not reported. */
  minConfidence: number;
  /** Bytes read from the start of each data file (CSV/TSV/JSONL); the rest is skipped and said so. */
  dataFileBudget: number;
  /** Values (or email domains, e.g. `@mycorp.com`) never reported. */
  allowlist: string[];
}

/**
 * Every top-level key, and whether a config file (`mlsec.yaml`) may set it: `true`, or the reason
 * it may not. The editor reads the same keys as `mlsec.<key>` settings (see EDITOR_SETTINGS).
 */
export const SETTING_KEYS: Readonly<Record<string, true | string>> = {
  enable: true,
  rules: true,
  categories: true,
  include: true,
  exclude: true,
  maxFileSize: true,
  maxFileSizeMB: true,
  maxModelFileSizeMB: true,
  privacy: true,
  baseline: true,
  backgroundScan: 'an editor setting (mlsec.backgroundScan): the CLI scans what it is given',
  network: 'online lookups are a per-user choice, made in your user settings (mlsec.network.*); a repository must not turn them on or add hosts',
  pythonPath: 'a repository must not choose which environment mlsec reads; pass --python-path on the command line, or set mlsec.pythonPath in the editor',
  trusted: 'workspace trust is decided by the editor, never by a file',
};

/**
 * The editor's settings (`mlsec.<name>` in package.json; a test keeps the two lists equal).
 * Dotted names are sub-keys of the object parseSettings reads (`privacy.allowlist` -> `{ privacy: { allowlist } }`).
 */
export const EDITOR_SETTINGS: readonly string[] = [
  'enable', 'rules', 'categories', 'include', 'exclude', 'maxFileSizeMB',
  'privacy.entities', 'privacy.minConfidence', 'privacy.dataFileBudgetMB', 'privacy.allowlist',
  'network.enabled', 'network.allowedHosts', 'pythonPath', 'baseline', 'backgroundScan',
];

/** What VS Code's `WorkspaceConfiguration.inspect(key)` tells about one setting (the fields used here). */
export interface InspectedSetting {
  defaultValue?: unknown;
  globalValue?: unknown;
}

/**
 * The user's own (user-level, `globalValue`) and default values of every editor setting, as the
 * nested object parseSettings reads. Used for an untrusted workspace (only what the user set counts)
 * and for `network.*` always (application scope: never a workspace value).
 */
export function userLevelSettings(inspect: (name: string) => InspectedSetting | undefined, names: readonly string[] = EDITOR_SETTINGS): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const v = inspect(name);
    const value = v?.globalValue ?? v?.defaultValue;
    if (value === undefined) continue;
    const parts = name.split('.');
    let at = out;
    for (const part of parts.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
    at[parts[parts.length - 1]] = value;
  }
  return out;
}

/**
 * Settings from a config file: known keys go to parseSettings; keys a repository must not set
 * (network, pythonPath, trusted) are dropped with the reason; unknown keys are dropped and named.
 */
export function parseConfigFileSettings(raw: unknown, file: string): ParsedSettings {
  const warnings: string[] = [];
  let kept: unknown = raw;
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const obj: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
      const rule = Object.hasOwn(SETTING_KEYS, key) ? SETTING_KEYS[key] : undefined;
      if (rule === true) obj[key] = value;
      else if (rule) warnings.push(`${file}: '${key}' is not read from a config file: ${rule}`);
      else warnings.push(`${file}: unknown key '${key.slice(0, 80)}' ignored (known: ${Object.keys(SETTING_KEYS).filter((k) => SETTING_KEYS[k] === true).join(', ')})`);
    }
    kept = obj;
  }
  const parsed = parseSettings(kept);
  return { settings: parsed.settings, warnings: [...warnings, ...parsed.warnings.map((w) => `${file}: ${w}`)] };
}

/** Defaults used when a setting is absent or invalid. */
export const DEFAULT_SETTINGS: MlsecSettings = {
  enable: true,
  rules: {},
  include: [],
  exclude: [],
  maxFileSize: 5 * 1024 * 1024,
  maxModelFileSize: 2 * 1024 * 1024 * 1024,
  trusted: true,
  privacy: { entities: {}, minConfidence: 0.5, dataFileBudget: 1024 * 1024, allowlist: [] },
  network: { enabled: false },
};

const LEVELS: readonly RuleLevel[] = ['error', 'warning', 'note', 'off'];

/** The result of parsing raw settings: always a usable value, plus what was wrong with the input. */
export interface ParsedSettings {
  settings: MlsecSettings;
  warnings: string[];
}

function stringList(v: unknown, key: string, warnings: string[]): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  warnings.push(`${key}: expected a list of strings`);
  return undefined;
}

function positiveNumber(v: unknown, key: string, warnings: string[]): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number' && Number.isFinite(v) && v > 0) return v;
  warnings.push(`${key}: expected a positive number`);
  return undefined;
}

/**
 * Turns untrusted raw settings (VS Code configuration object, parsed config file) into
 * MlsecSettings. Never throws: bad values fall back to defaults and are reported in `warnings`.
 * `maxFileSizeMB` is accepted as the user-facing form of `maxFileSize`. `trusted` is never read
 * from here: the editor's workspace trust sets it (the CLI runs trusted).
 */
export function parseSettings(raw: unknown): ParsedSettings {
  const warnings: string[] = [];
  const s: MlsecSettings = { ...DEFAULT_SETTINGS, rules: {}, privacy: { ...DEFAULT_SETTINGS.privacy, entities: {} } };
  if (raw === undefined || raw === null) return { settings: s, warnings };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    warnings.push('settings: expected an object');
    return { settings: s, warnings };
  }
  const r = raw as Record<string, unknown>;
  if (r.enable !== undefined) {
    if (typeof r.enable === 'boolean') s.enable = r.enable;
    else warnings.push('enable: expected true or false');
  }
  if (r.rules !== undefined && r.rules !== null) {
    if (typeof r.rules === 'object' && !Array.isArray(r.rules)) {
      for (const [id, level] of Object.entries(r.rules as Record<string, unknown>)) {
        if (typeof level === 'string' && (LEVELS as readonly string[]).includes(level)) s.rules[id] = level as RuleLevel;
        else if (level === 'default' || level === undefined) continue;
        else warnings.push(`rules.${id}: expected one of ${LEVELS.join(', ')}`);
      }
    } else warnings.push('rules: expected an object of rule id -> level');
  }
  if (r.categories !== undefined && r.categories !== null) {
    if (typeof r.categories === 'object' && !Array.isArray(r.categories)) {
      const categories: Record<string, boolean> = {};
      for (const [name, on] of Object.entries(r.categories as Record<string, unknown>)) {
        if (typeof on === 'boolean') categories[name] = on;
        else warnings.push(`categories.${name}: expected true or false`);
      }
      s.categories = categories;
    } else warnings.push('categories: expected an object of category -> true/false');
  }
  s.include = stringList(r.include, 'include', warnings) ?? s.include;
  s.exclude = stringList(r.exclude, 'exclude', warnings) ?? s.exclude;
  const mb = positiveNumber(r.maxFileSizeMB, 'maxFileSizeMB', warnings);
  if (mb !== undefined) s.maxFileSize = Math.round(mb * 1024 * 1024);
  const bytes = positiveNumber(r.maxFileSize, 'maxFileSize', warnings);
  if (bytes !== undefined) s.maxFileSize = bytes;
  const modelMb = positiveNumber(r.maxModelFileSizeMB, 'maxModelFileSizeMB', warnings);
  if (modelMb !== undefined) s.maxModelFileSize = Math.round(modelMb * 1024 * 1024);
  if (r.privacy !== undefined && r.privacy !== null) parsePrivacy(r.privacy, s.privacy, warnings);
  if (r.network !== undefined && r.network !== null) s.network = parseNetwork(r.network, warnings);
  if (r.pythonPath !== undefined && r.pythonPath !== null && r.pythonPath !== '') {
    if (typeof r.pythonPath === 'string') s.pythonPath = r.pythonPath;
    else warnings.push('pythonPath: expected a path to a Python interpreter');
  }
  if (r.backgroundScan !== undefined && r.backgroundScan !== null) {
    if (typeof r.backgroundScan === 'boolean') s.backgroundScan = r.backgroundScan;
    else warnings.push('backgroundScan: expected true or false');
  }
  if (r.baseline !== undefined && r.baseline !== null && r.baseline !== '') {
    if (typeof r.baseline === 'string') s.baseline = r.baseline;
    else warnings.push('baseline: expected a file path');
  }
  return { settings: s, warnings };
}

/** Reads the `privacy` sub-object into `out`; bad values keep their defaults and add a warning. */
function parsePrivacy(raw: unknown, out: PrivacySettings, warnings: string[]): void {
  if (typeof raw !== 'object' || Array.isArray(raw) || raw === null) {
    warnings.push('privacy: expected an object');
    return;
  }
  const p = raw as Record<string, unknown>;
  if (p.entities !== undefined && p.entities !== null) {
    if (typeof p.entities === 'object' && !Array.isArray(p.entities)) {
      for (const [k, v] of Object.entries(p.entities as Record<string, unknown>)) {
        if (typeof v === 'boolean') out.entities[k] = v;
        else warnings.push(`privacy.entities.${k}: expected true or false`);
      }
    } else warnings.push('privacy.entities: expected an object of entity type -> true/false');
  }
  if (p.minConfidence !== undefined && p.minConfidence !== null) {
    if (typeof p.minConfidence === 'number' && p.minConfidence >= 0 && p.minConfidence <= 1) out.minConfidence = p.minConfidence;
    else warnings.push('privacy.minConfidence: expected a number from 0 to 1');
  }
  const mb = positiveNumber(p.dataFileBudgetMB, 'privacy.dataFileBudgetMB', warnings);
  if (mb !== undefined) out.dataFileBudget = Math.round(mb * 1024 * 1024);
  out.allowlist = stringList(p.allowlist, 'privacy.allowlist', warnings) ?? out.allowlist;
}

const HOST_ENTRY = /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i;

/** Reads the `network` sub-object; bad values fall back to off / no extra hosts. */
function parseNetwork(raw: unknown, warnings: string[]): NetworkSettings {
  const out: NetworkSettings = { enabled: false };
  if (typeof raw !== 'object' || Array.isArray(raw) || raw === null) {
    warnings.push('network: expected an object');
    return out;
  }
  const n = raw as Record<string, unknown>;
  if (n.enabled !== undefined) {
    if (typeof n.enabled === 'boolean') out.enabled = n.enabled;
    else warnings.push('network.enabled: expected true or false');
  }
  const hosts = stringList(n.allowedHosts, 'network.allowedHosts', warnings);
  if (hosts) {
    out.allowedHosts = hosts.filter((h) => HOST_ENTRY.test(h)).map((h) => h.toLowerCase());
    for (const h of hosts.filter((x) => !HOST_ENTRY.test(x))) warnings.push(`network.allowedHosts: '${h.slice(0, 80)}' is not a host name (name, name:port or *.suffix)`);
  }
  return out;
}

/**
 * Folds the category switches into `rules`: every rule of a switched-off category becomes 'off'
 * unless `rules` names it (a rule listed explicitly wins over its category). Returns a new object,
 * since caches key on the settings value.
 */
export function applyCategorySwitches(settings: MlsecSettings, cards: Iterable<{ id: string; category: string }>): MlsecSettings {
  const off = Object.entries(settings.categories ?? {}).filter(([, on]) => !on).map(([c]) => c);
  if (off.length === 0) return settings;
  const rules = { ...settings.rules };
  for (const card of cards) if (off.includes(card.category) && rules[card.id] === undefined) rules[card.id] = 'off';
  return { ...settings, rules };
}
