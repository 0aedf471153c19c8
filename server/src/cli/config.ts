// Finds and reads the CLI settings file (YAML or JSON data, never code) and merges command-line flags over it.
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { type MlsecSettings, parseConfigFileSettings, parseSettings } from '../shared/settings';
import type { ScanOptions } from './args';

/** Settings file names looked for in the scan root, in order. */
export const CONFIG_NAMES = ['mlsec.yaml', '.mlsec.yaml', 'mlsec.yml', '.mlsec.yml', 'mlsec.json', '.mlsec.json'];

/** The settings the CLI runs with, where they came from, and what was wrong with them. */
export interface ResolvedConfig {
  settings: MlsecSettings;
  /** The settings file read, if any. */
  file?: string;
  /** Non-fatal problems (printed to stderr; the scan goes on). */
  warnings: string[];
  /** Fatal problem: the named file is missing or not valid YAML/JSON (exit 2). */
  error?: string;
}

/** Locates the settings file: `--config` if given, else the first of CONFIG_NAMES in `root`. */
export function findConfigFile(root: string, explicit?: string): string | undefined {
  if (explicit) return path.resolve(explicit);
  for (const name of CONFIG_NAMES) {
    const p = path.join(root, name);
    if (fs.existsSync(p)) return p;
  }
  return undefined;
}

/**
 * Parses settings-file text. YAML is a superset of JSON, so one parser reads both; the default
 * (core) schema has no tags that construct objects, so the file stays data.
 */
export function parseConfigText(text: string, file: string): { raw?: unknown; error?: string } {
  try {
    const raw: unknown = parseYaml(text, { prettyErrors: false, maxAliasCount: 50 });
    return { raw: raw ?? {} };
  } catch (e) {
    return { error: `${file}: not valid YAML/JSON: ${(e as Error).message.split('\n')[0]}` };
  }
}

/** Reads the settings file (if any), then applies command-line overrides. Never throws. */
export function resolveConfig(root: string, opts: ScanOptions): ResolvedConfig {
  const file = findConfigFile(root, opts.config);
  let raw: unknown = {};
  const warnings: string[] = [];
  if (file) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      return { settings: parseSettings({}).settings, file, warnings, error: `cannot read config ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
    }
    const parsed = parseConfigText(text, file);
    if (parsed.error) return { settings: parseSettings({}).settings, file, warnings, error: parsed.error };
    raw = parsed.raw;
  }
  // One settings model with the editor: the keys a repository must not set are refused here, with the reason.
  const parsed = file ? parseConfigFileSettings(raw, file) : parseSettings(raw);
  warnings.push(...parsed.warnings);
  const settings = parsed.settings;
  // Flags win over the file; globs add to the file's lists.
  if (opts.maxFileSizeMB !== undefined) settings.maxFileSize = Math.round(opts.maxFileSizeMB * 1024 * 1024);
  settings.include = [...settings.include, ...opts.include];
  settings.exclude = [...settings.exclude, ...opts.exclude];
  // A baseline named in the file is relative to the scan root, as mlsec.baseline is to the workspace folder.
  if (settings.baseline && !path.isAbsolute(settings.baseline)) settings.baseline = path.resolve(root, settings.baseline);
  if (opts.pythonPath !== undefined) settings.pythonPath = opts.pythonPath;
  settings.trusted = true;
  return { settings, file, warnings };
}

/** Warnings for `rules:` entries that name no rule in the catalogue (likely typos). */
export function unknownRuleWarnings(settings: MlsecSettings, knownIds: ReadonlySet<string>, file?: string): string[] {
  return Object.keys(settings.rules)
    .filter((id) => !knownIds.has(id))
    .map((id) => `${file ? `${file}: ` : ''}rules.${id}: no rule with this id`);
}
