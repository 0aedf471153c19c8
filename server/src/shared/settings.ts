// mlsec settings: one shape for the editor (mlsec.* configuration) and the CLI (flags + config file).

/** A rule's configured level: a severity, or 'off' to disable it. */
export type RuleLevel = 'error' | 'warning' | 'note' | 'off';

/** Everything the engine needs to know about the user's configuration. */
export interface MlsecSettings {
  /** Master switch. */
  enable: boolean;
  /** Per-rule overrides: rule id -> level. Unlisted rules keep their card's severity. */
  rules: Record<string, RuleLevel>;
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
 * `maxFileSizeMB` is accepted as the user-facing form of `maxFileSize`.
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
  s.include = stringList(r.include, 'include', warnings) ?? s.include;
  s.exclude = stringList(r.exclude, 'exclude', warnings) ?? s.exclude;
  const mb = positiveNumber(r.maxFileSizeMB, 'maxFileSizeMB', warnings);
  if (mb !== undefined) s.maxFileSize = Math.round(mb * 1024 * 1024);
  const bytes = positiveNumber(r.maxFileSize, 'maxFileSize', warnings);
  if (bytes !== undefined) s.maxFileSize = bytes;
  const modelMb = positiveNumber(r.maxModelFileSizeMB, 'maxModelFileSizeMB', warnings);
  if (modelMb !== undefined) s.maxModelFileSize = Math.round(modelMb * 1024 * 1024);
  if (typeof r.trusted === 'boolean') s.trusted = r.trusted;
  if (r.privacy !== undefined && r.privacy !== null) parsePrivacy(r.privacy, s.privacy, warnings);
  if (r.network !== undefined && r.network !== null) s.network = parseNetwork(r.network, warnings);
  if (r.pythonPath !== undefined && r.pythonPath !== null && r.pythonPath !== '') {
    if (typeof r.pythonPath === 'string') s.pythonPath = r.pythonPath;
    else warnings.push('pythonPath: expected a path to a Python interpreter');
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
