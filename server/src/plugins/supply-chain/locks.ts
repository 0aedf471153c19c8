// Exact versions and hashes from the workspace's lock files (poetry.lock, uv.lock, pylock.toml, Pipfile.lock, hashed requirements).
import type { ProjectFacts } from '../../engine/project-facts';
import { normaliseName } from './pins';
import { parseRequirements } from './parse/requirements';

/** A locked package: its exact version, its artefact hashes (`sha256:<hex>`) and the lock file it came from. */
export interface LockedPackage {
  version: string;
  hashes: string[];
  source: string;
}

const cache = new WeakMap<object, Map<string, LockedPackage>>();

/** Hashes written as `sha256:<hex>` or pylock's `sha256 = "<hex>"`, deduplicated, in order. */
function hashesIn(block: string): string[] {
  const found = [...block.matchAll(/sha256:([0-9a-f]{64})/g), ...block.matchAll(/sha256\s*=\s*"([0-9a-f]{64})"/g)].map((m) => `sha256:${m[1]}`);
  return [...new Set(found)];
}

function readTomlLock(text: string, source: string, out: Map<string, LockedPackage>): void {
  for (const block of text.split(/^\[\[packages?\]\]\s*$/m).slice(1)) {
    const name = /^name\s*=\s*"([^"]+)"/m.exec(block)?.[1];
    const version = /^version\s*=\s*"([^"]+)"/m.exec(block)?.[1];
    // Stop at the next top-level table so metadata of other packages does not leak in.
    const own = block.split(/^\[(?!package\.)(?!\[)/m)[0] + (block.match(/^\[package\.files\][\s\S]*?(?=^\[)/m)?.[0] ?? '');
    if (name && version) put(out, name, { version, hashes: hashesIn(own), source });
  }
}

function readPipfileLock(text: string, source: string, out: Map<string, LockedPackage>): void {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return;
  }
  for (const section of ['default', 'develop']) {
    const pkgs = (json as Record<string, unknown>)?.[section];
    if (!pkgs || typeof pkgs !== 'object') continue;
    for (const [name, v] of Object.entries(pkgs as Record<string, { version?: unknown; hashes?: unknown }>)) {
      const version = typeof v?.version === 'string' ? v.version.replace(/^==/, '') : undefined;
      const hashes = Array.isArray(v?.hashes) ? v.hashes.filter((h): h is string => typeof h === 'string') : [];
      if (version) put(out, name, { version, hashes, source });
    }
  }
}

function readHashedRequirements(text: string, source: string, out: Map<string, LockedPackage>): void {
  const parsed = parseRequirements(text);
  if (!parsed.hashMode) return;
  for (const e of parsed.entries) {
    if (e.kind !== 'requirement') continue;
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*===?\s*([^\s;,*]+)\s*(;.*)?$/.exec(e.spec);
    if (m && e.hashes.length) put(out, m[1], { version: m[2], hashes: e.hashes, source });
  }
}

function put(out: Map<string, LockedPackage>, name: string, pkg: LockedPackage): void {
  const key = normaliseName(name);
  if (!out.has(key)) out.set(key, pkg);
}

/** Locked packages across the workspace's lock files (first lock file wins), cached per facts object. */
export function lockedPackages(facts: ProjectFacts): Map<string, LockedPackage> {
  let out = cache.get(facts);
  if (out) return out;
  out = new Map();
  for (const f of facts.files ?? []) {
    const base = f.path.replace(/^.*[\\/]/, '').toLowerCase();
    if (base === 'poetry.lock' || base === 'uv.lock' || base === 'pylock.toml' || /^pylock\..*\.toml$/.test(base)) readTomlLock(f.text, f.path, out);
    else if (base === 'pipfile.lock') readPipfileLock(f.text, f.path, out);
    else if (/\.(txt|in)$/.test(base)) readHashedRequirements(f.text, f.path, out);
  }
  // The configured environment comes last: a lock file, which carries hashes, wins.
  for (const [name, version] of Object.entries(facts.installed?.packages ?? {})) put(out, name, { version, hashes: [], source: facts.installed!.source });
  cache.set(facts, out);
  return out;
}

/** True when the workspace has a lock file that pins with hashes (poetry/uv/Pipfile/pylock/conda-lock or hashed requirements). */
export function hasLockFile(facts: ProjectFacts): boolean {
  return (facts.files ?? []).some((f) => {
    const base = f.path.replace(/^.*[\\/]/, '').toLowerCase();
    return ['poetry.lock', 'uv.lock', 'pipfile.lock', 'pylock.toml', 'conda-lock.yml', 'conda-lock.yaml'].includes(base) || (/\.(txt|in)$/.test(base) && parseRequirements(f.text).hashMode);
  });
}
