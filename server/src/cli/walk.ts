// Finds the files a CLI scan analyses: honours .gitignore, built-in skips and include/exclude globs, stays inside the tree.
import * as fs from 'fs';
import * as path from 'path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { isDependencyFile } from '../engine/project-facts';
import { isAnalyzable } from '../engine/analyze';
import { detectTarget } from '../engine/targets';

/** Directory names never entered (unless named on the command line). */
export const SKIP_DIRS = new Set(['node_modules', '.git', '.mlsec_cache', '.hg', '.svn', 'venv', '.venv', '__pycache__', '.tox', '.nox', '.mypy_cache', '.pytest_cache', '.ruff_cache', '.ipynb_checkpoints', 'site-packages']);
// Marker files that make a directory a Python environment (virtualenv, conda), whatever its name.
const ENV_MARKERS = ['pyvenv.cfg', 'conda-meta'];

/** How to walk. Globs are matched against paths relative to `root`, with `/` separators. */
export interface WalkOptions {
  root: string;
  include: readonly string[];
  exclude: readonly string[];
  gitignore: boolean;
}

/** What the walk found. Paths are absolute, sorted by their path relative to the root. */
export interface WalkResult {
  /** Files to analyse. */
  files: string[];
  /** Dependency manifests (requirements*.txt, pyproject.toml, ...) for version facts. */
  dependencyFiles: string[];
  /** Paths not walked, with the reason (listed by --verbose). */
  skipped: { path: string; reason: string }[];
  /** Command-line paths that do not exist. */
  missing: string[];
  /** The real path of each walked file (known from its directory's real path, so no extra system call). */
  realPaths: Map<string, string>;
}

/** One .gitignore's rules, applied to paths relative to its directory. */
interface IgnoreLayer {
  dir: string;
  ig: Ignore;
}

const toPosix = (p: string) => p.split(path.sep).join('/');
const inside = (parent: string, child: string) => {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

function readIgnore(dir: string): IgnoreLayer | undefined {
  try {
    const text = fs.readFileSync(path.join(dir, '.gitignore'), 'utf8');
    return { dir, ig: ignore().add(text) };
  } catch {
    return undefined;
  }
}

/** `abs` relative to `dir` with `/` separators; a prefix slice when `abs` lies below `dir` (the walk's case), path.relative otherwise. */
function relUnder(dir: string, abs: string): string {
  const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
  return toPosix(abs.startsWith(prefix) ? abs.slice(prefix.length) : path.relative(dir, abs));
}

/** Git precedence: the deepest .gitignore with a matching rule decides (so `!name` in a subdirectory re-includes). */
function isIgnored(layers: readonly IgnoreLayer[], abs: string, isDir: boolean): boolean {
  for (let i = layers.length - 1; i >= 0; i--) {
    const rel = relUnder(layers[i].dir, abs);
    if (!rel || rel.startsWith('..')) continue;
    const r = layers[i].ig.test(isDir ? `${rel}/` : rel);
    if (r.ignored) return true;
    if (r.unignored) return false;
  }
  return false;
}

/**
 * A matcher for settings globs, gitignore-like: a pattern without `/` matches a name at any depth
 * (`gen`, `*.gen.py`); one with `/` matches the path from the root (`tests/**`).
 */
export function globMatcher(patterns: readonly string[]): ((rel: string) => boolean) | undefined {
  if (patterns.length === 0) return undefined;
  const clean = patterns.map((p) => p.replace(/^\.\//, '').replace(/\/$/, ''));
  const byName = clean.filter((p) => !p.includes('/'));
  const byPath = clean.filter((p) => p.includes('/')).map((p) => p.replace(/^\//, ''));
  const name = byName.length ? picomatch(byName, { dot: true, basename: true }) : undefined;
  const full = byPath.length ? picomatch(byPath, { dot: true }) : undefined;
  return (rel) => (name?.(rel) ?? false) || (full?.(rel) ?? false);
}

/** True when a file with this name is worth analysing (by extension, or a python/pickle header for extensionless files). */
function isCandidate(abs: string): boolean {
  const byName = detectTarget(abs);
  if (isAnalyzable(byName)) return true;
  if (byName !== 'unknown' || path.extname(abs) !== '') return false;
  // Extensionless scripts (bin/train) may be Python by shebang; 64 bytes is cheap.
  try {
    const fd = fs.openSync(abs, 'r');
    try {
      const head = Buffer.alloc(64);
      const n = fs.readSync(fd, head, 0, 64, 0);
      const bytes = head.subarray(0, n);
      return isAnalyzable(detectTarget(abs, bytes)) || isAnalyzable(detectTarget(abs, bytes.toString('latin1')));
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

/**
 * Walks `paths` (files or directories). A path named explicitly is always scanned, even when it is
 * ignored or excluded; inside an explicitly named ignored directory, only .gitignore files found
 * below it apply. Symlinks are followed only when they resolve inside the scanned tree, and each
 * real directory is entered once, so links cannot loop or leave the tree.
 */
export function walk(paths: readonly string[], opts: WalkOptions): WalkResult {
  const root = path.resolve(opts.root);
  const exclude = globMatcher(opts.exclude);
  const include = globMatcher(opts.include);
  const files = new Set<string>();
  const deps = new Set<string>();
  const result: WalkResult = { files: [], dependencyFiles: [], skipped: [], missing: [], realPaths: new Map() };
  const seenDirs = new Set<string>();
  const rel = (abs: string) => relUnder(root, abs);
  const excluded = (abs: string) => {
    if (!exclude || !inside(root, abs)) return false;
    const r = rel(abs);
    return r !== '' && exclude(r);
  };

  const visitDir = (dir: string, layers: IgnoreLayer[], treeRoot: string) => {
    let real: string;
    try {
      real = fs.realpathSync.native(dir);
    } catch {
      return;
    }
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      result.skipped.push({ path: dir, reason: `cannot read directory: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      return;
    }
    // Only read .gitignore where the listing shows one: most directories have none.
    const here = opts.gitignore && entries.some((e) => e.name === '.gitignore') ? readIgnore(dir) : undefined;
    const active = here ? [...layers, here] : layers;
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const abs = path.join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      let realFile = path.join(real, e.name);
      if (e.isSymbolicLink()) {
        let target: string;
        try {
          target = fs.realpathSync.native(abs);
        } catch {
          continue; // dangling link
        }
        if (!inside(treeRoot, target)) {
          result.skipped.push({ path: abs, reason: 'symlink leads outside the scanned tree' });
          continue;
        }
        const st = fs.statSync(target);
        isDir = st.isDirectory();
        isFile = st.isFile();
        realFile = target;
      }
      if (isDir) {
        if (SKIP_DIRS.has(e.name)) continue; // built-in skip: too common to list as skipped
        if (ENV_MARKERS.some((m) => fs.existsSync(path.join(abs, m)))) {
          result.skipped.push({ path: abs, reason: 'Python environment (virtualenv/conda)' });
          continue;
        }
        if (isIgnored(active, abs, true) || excluded(abs)) continue;
        visitDir(abs, active, treeRoot);
      } else if (isFile) {
        if (isIgnored(active, abs, false) || excluded(abs)) continue;
        if (isDependencyFile(abs)) deps.add(abs);
        if (include && !include(rel(abs))) continue;
        if (isCandidate(abs)) {
          files.add(abs);
          result.realPaths.set(abs, realFile);
        }
      }
    }
  };

  for (const p of paths) {
    const abs = path.resolve(p);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch {
      result.missing.push(p);
      continue;
    }
    if (st.isFile()) {
      files.add(abs); // named explicitly: scanned even if ignored, excluded or of an unusual type
      if (isDependencyFile(abs)) deps.add(abs);
    } else if (st.isDirectory()) {
      visitDir(abs, opts.gitignore ? ancestorLayers(root, abs) : [], fs.realpathSync.native(abs));
    }
  }
  // Each relative path once, not twice per comparison.
  const byRel = (list: Iterable<string>) =>
    [...list]
      .map((p) => ({ p, r: rel(p) }))
      .sort((a, b) => (a.r < b.r ? -1 : a.r > b.r ? 1 : 0))
      .map((x) => x.p);
  result.files = byRel(files);
  result.dependencyFiles = byRel(deps);
  return result;
}

/**
 * The .gitignore files between `root` and `dir` (exclusive of `dir`, which visitDir reads), as
 * git would apply them. If they ignore `dir` itself, none apply: the user named it explicitly.
 */
function ancestorLayers(root: string, dir: string): IgnoreLayer[] {
  if (!inside(root, dir) || root === dir) return [];
  const layers: IgnoreLayer[] = [];
  for (let d = path.dirname(dir); ; d = path.dirname(d)) {
    const l = readIgnore(d);
    if (l) layers.unshift(l);
    if (d === root || d === path.dirname(d)) break;
  }
  return isIgnored(layers, dir, true) ? [] : layers;
}
