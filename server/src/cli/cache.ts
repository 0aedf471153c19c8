// The scan cache: per-file results keyed by content hash, valid only for the same engine build, catalogue, settings and facts.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { EngineContext, FileAnalysis } from '../engine/analyze';
import type { LocatedAnalysis } from '../output/locate';
import type { KnownSecrets } from '../output/secret-spans';
import { mlsecVersion } from '../output/version';

/** Bumped when the file layout changes; an old file is then ignored. */
const FORMAT = 1;
const FILE = `scan-v${FORMAT}.json`;
/** The directory name inside a scan root (the walk never enters it). */
export const CACHE_DIR_NAME = '.mlsec_cache';
/**
 * A file modified this close to the time the cache was written may change again within the same
 * mtime tick, so its size and mtime alone do not prove it unchanged (git's "racy" case): hash it.
 */
const RACY_MS = 2000;

/** What is stored per file: how it looked when analysed, and the result. */
interface Entry {
  size: number;
  mtimeMs: number;
  /** sha256 of the file's bytes. */
  hash: string;
  analysis: LocatedAnalysis;
}

interface CacheFile {
  format: number;
  /** Hash of everything besides a file's bytes that its results depend on (see contextKey). */
  context: string;
  savedAt: number;
  entries: Record<string, Entry>;
}

/** sha256 of a file's bytes, or undefined when it cannot be read. */
export function hashFile(file: string): string | undefined {
  try {
    return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  } catch {
    return undefined;
  }
}

let engineHash: string | undefined;
/** Hash of the running engine: the bundle files beside this module (any code change misses the cache). */
function engineFingerprint(): string {
  if (engineHash) return engineHash;
  const h = createHash('sha256');
  for (const f of [__filename, path.join(__dirname, 'scan-worker.js')]) {
    try {
      h.update(fs.readFileSync(f));
    } catch {
      h.update(`missing ${f}`);
    }
  }
  return (engineHash = h.digest('hex'));
}

/** Everything a file's results depend on besides its bytes and path: version, engine code, rule cards, settings, dependency facts. */
export function contextKey(ctx: EngineContext): string {
  return createHash('sha256')
    .update(JSON.stringify({ format: FORMAT, version: mlsecVersion(), engine: engineFingerprint(), cards: ctx.registry.cards, settings: ctx.settings, facts: ctx.facts }))
    .digest('hex');
}

function writable(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The OS's per-user cache directory (XDG on Linux, Library/Caches on macOS, LOCALAPPDATA on Windows). */
function osCacheDir(): string {
  if (process.platform === 'win32') return process.env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches');
  return process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
}

/**
 * Where the cache of a scan rooted at `root` lives: MLSEC_CACHE_DIR when set, else `.mlsec_cache/`
 * in the root when the root is writable (like ruff's `.ruff_cache`), else a folder per root in the OS cache dir.
 */
export function cacheDirFor(root: string): string {
  if (process.env.MLSEC_CACHE_DIR) return path.resolve(process.env.MLSEC_CACHE_DIR);
  if (writable(root)) return path.join(root, CACHE_DIR_NAME);
  const id = createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 16);
  return path.join(osCacheDir(), 'mlsec', id);
}

/**
 * True when an analysis may be stored: never one that holds a secret, neither a secrets finding's line
 * nor the secret values a worker attaches for redaction (writers mask them; a file on disk would not).
 */
function storable(a: FileAnalysis, ctx: EngineContext): boolean {
  if ((a as FileAnalysis & { secrets?: KnownSecrets }).secrets?.values.length) return false;
  // Nor an analysis cut short by the time budget or a crash: it depends on the machine's load, not the file.
  return !a.findings.some((f) => ctx.registry.byId.get(f.ruleId)?.category === 'secrets')
    && !a.problems.some((p) => (p.kind === 'skipped' && (/^cannot read/.test(p.message) || /per-file time budget/.test(p.message))) || (p.kind === 'rule-error' && /^analysis failed/.test(p.message)));
}

/** One scan's view of the cache: look files up, record fresh results, save once at the end. */
export class ScanCache {
  private readonly old: Record<string, Entry>;
  private readonly oldSavedAt: number;
  private readonly next: Record<string, Entry> = {};
  /** True when `next` differs from what was loaded (a fresh result, a new mtime, a file gone). */
  private dirty: boolean;
  hits = 0;

  private constructor(
    readonly dir: string,
    private readonly context: string,
    loaded: CacheFile | undefined,
  ) {
    const valid = loaded && loaded.format === FORMAT && loaded.context === context;
    this.old = valid ? loaded.entries : {};
    this.oldSavedAt = valid ? loaded.savedAt : 0;
    this.dirty = !valid;
  }

  /** Opens the cache of `root` for `ctx`; a missing, unreadable or foreign cache file is an empty cache. */
  static open(root: string, ctx: EngineContext): ScanCache {
    const dir = cacheDirFor(root);
    let loaded: CacheFile | undefined;
    try {
      loaded = JSON.parse(fs.readFileSync(path.join(dir, FILE), 'utf8')) as CacheFile;
    } catch {
      loaded = undefined;
    }
    return new ScanCache(dir, contextKey(ctx), loaded);
  }

  /** The stored result of `file` if its bytes are unchanged (size and mtime, or else its hash, match). */
  lookup(file: string): FileAnalysis | undefined {
    const e = this.old[file];
    if (!e) return undefined;
    let st: fs.Stats;
    try {
      st = fs.statSync(file);
    } catch {
      return undefined;
    }
    const sameStat = st.size === e.size && st.mtimeMs === e.mtimeMs && e.mtimeMs < this.oldSavedAt - RACY_MS;
    if (!sameStat && (st.size !== e.size || hashFile(file) !== e.hash)) return undefined;
    if (!sameStat) this.dirty = true;
    this.next[file] = sameStat ? e : { ...e, size: st.size, mtimeMs: st.mtimeMs };
    this.hits++;
    return e.analysis;
  }

  /** Records a fresh result; `hash` is of the bytes that were analysed (computed where the file was read). */
  record(file: string, analysis: LocatedAnalysis, hash: string | undefined, ctx: EngineContext, stat?: { size: number; mtimeMs: number }): void {
    if (!hash || !storable(analysis, ctx)) return;
    let st = stat;
    if (!st) {
      try {
        st = fs.statSync(file);
      } catch {
        return;
      }
    }
    this.next[file] = { size: st.size, mtimeMs: st.mtimeMs, hash, analysis };
    this.dirty = true;
  }

  /**
   * Writes the entries of this scan (files no longer scanned drop out), atomically via a temporary
   * file. Failing to write only costs the next scan its speed, so errors are returned, not thrown.
   */
  save(): string | undefined {
    if (!this.dirty && Object.keys(this.next).length === Object.keys(this.old).length) return undefined;
    const doc: CacheFile = { format: FORMAT, context: this.context, savedAt: Date.now(), entries: this.next };
    const tmp = path.join(this.dir, `${FILE}.${process.pid}.tmp`);
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      // Inside a repository the folder must never be committed: it holds source lines of findings.
      const ignore = path.join(this.dir, '.gitignore');
      if (!fs.existsSync(ignore)) fs.writeFileSync(ignore, '# Created by mlsec: a scan cache, safe to delete.\n*\n');
      fs.writeFileSync(tmp, JSON.stringify(doc));
      fs.renameSync(tmp, path.join(this.dir, FILE));
      return undefined;
    } catch (e) {
      try {
        fs.rmSync(tmp, { force: true });
      } catch {
        // nothing to clean up
      }
      return `cannot write the scan cache in ${this.dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
    }
  }
}
