// Facts about the workspace that change what is unsafe: the lowest version of a package its dependency files allow.

/** The lowest version a workspace can install for each package it declares, and where that was read. */
export interface ProjectFacts {
  packages: Record<string, { min: string; source: string } | { min: undefined; source: string }>;
  /** The dependency files the facts were read from (lock readers, e.g. pinning fixes, parse them lazily). */
  files?: readonly { path: string; text: string }[];
  /** Versions installed in the user's configured Python environment (setting `pythonPath`), for pinning fixes. */
  installed?: { source: string; packages: Record<string, string> };
}

/** Facts for a workspace with no dependency files. */
export const NO_FACTS: ProjectFacts = { packages: {} };

/** Names of files whose contents declare dependency versions. */
export function isDependencyFile(path: string): boolean {
  const base = path.replace(/^.*[\\/]/, '').toLowerCase();
  return (
    /^requirements.*\.(txt|in)$/.test(base) || /^constraints.*\.txt$/.test(base) ||
    ['pyproject.toml', 'setup.cfg', 'setup.py', 'pipfile', 'pipfile.lock', 'poetry.lock', 'uv.lock', 'pylock.toml',
      'environment.yml', 'environment.yaml', 'conda-lock.yml', 'conda-lock.yaml'].includes(base)
  );
}

/** PEP 503 normalised name; conda's `pytorch` is torch. */
function normalise(name: string): string {
  const n = name.toLowerCase().replace(/[-_.]+/g, '-');
  return n === 'pytorch' ? 'torch' : n;
}

/** Compares dotted numeric versions (pre/post/local parts ignored). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+-]/).map((x) => parseInt(x, 10)).filter((x) => !Number.isNaN(x));
  const pb = b.split(/[.+-]/).map((x) => parseInt(x, 10)).filter((x) => !Number.isNaN(x));
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

const NAME = String.raw`([A-Za-z0-9][A-Za-z0-9._-]*)`;
// name[extras] followed by a lower-bounding operator: ==, ===, >=, ~=, >, ^ (poetry), or conda's single =.
// These run on whole dependency files: no two adjacent quantifiers share characters, `^` is followed by
// `[ \t]*` (a `\s*` there crosses lines, so a run of blank lines was re-read from every line start) and
// extras stop at the line end, so matching stays linear in the file size.
const SPEC = new RegExp(String.raw`(?:^|[\s"',\[{])${NAME}(?:\[[^\]\n]*\])?\s*(===|==|>=|~=|>|=)\s*(?:["']\s*)?[\^~]?v?(\d+(?:\.\d+)*)`, 'gm');
const POETRY = new RegExp(String.raw`^[ \t]*${NAME}[ \t]*=[ \t]*(?:\{[^}\n]*version[ \t]*=[ \t]*)?["'][ \t]*(?:(\^|~|>=|==|~=)[ \t]*)?(\d+(?:\.\d+)*)`, 'gm');
const LOCK_TOML = /name[ \t]*=[ \t]*"([^"\n]+)"[ \t]*\r?\n[ \t]*version[ \t]*=[ \t]*"(\d+(?:\.\d+)*)/g;
const PIPFILE_LOCK = /"([A-Za-z0-9._-]+)"\s*:\s*\{[^{}]*?"version"\s*:\s*"==(\d+(?:\.\d+)*)/g;
const BARE = new RegExp(String.raw`^[ \t]*(?:-[ \t]+)?["']?${NAME}(?:\[[^\]\n]*\])?["']?,?[ \t]*(?:#.*)?\r?$`, 'gm');

/** Lower bounds declared in one dependency file: package -> min version, or undefined for unbounded. */
export function lowerBounds(path: string, text: string): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  const put = (name: string, min: string | undefined) => {
    const key = normalise(name);
    if (!out.has(key)) out.set(key, min);
    else {
      const prev = out.get(key);
      out.set(key, prev === undefined || min === undefined ? undefined : compareVersions(min, prev) < 0 ? min : prev);
    }
  };
  const base = path.replace(/^.*[\\/]/, '').toLowerCase();
  if (base === 'poetry.lock' || base === 'uv.lock' || base === 'pylock.toml') {
    for (const m of text.matchAll(LOCK_TOML)) put(m[1], m[2]);
    return out;
  }
  if (base === 'pipfile.lock') {
    for (const m of text.matchAll(PIPFILE_LOCK)) put(m[1], m[2]);
    return out;
  }
  for (const m of text.matchAll(SPEC)) {
    if (m[2] === '=' && !/environment|conda/.test(base) && !/^\s*[A-Za-z]/.test(m[0])) continue;
    put(m[1], m[3]);
  }
  if (base === 'pyproject.toml' || base === 'pipfile') for (const m of text.matchAll(POETRY)) put(m[1], m[3]);
  if (/^requirements|^constraints|^environment|^conda/.test(base)) for (const m of text.matchAll(BARE)) put(m[1], undefined);
  return out;
}

/**
 * Combines dependency files into facts. A package's minimum is the lowest across the files that
 * mention it, so one unbounded mention keeps the conservative (old-default) behaviour.
 */
export function factsFromFiles(files: Iterable<{ path: string; text: string }>): ProjectFacts {
  const packages: ProjectFacts['packages'] = {};
  const kept: { path: string; text: string }[] = [];
  for (const f of files) {
    if (!isDependencyFile(f.path)) continue;
    kept.push({ path: f.path, text: f.text });
    for (const [name, min] of lowerBounds(f.path, f.text)) {
      const prev = packages[name];
      if (!prev) packages[name] = { min, source: f.path };
      else if (prev.min !== undefined && (min === undefined || compareVersions(min, prev.min) < 0)) packages[name] = { min, source: f.path };
    }
  }
  return { packages, files: kept };
}

/** Where the workspace guarantees `pkg >= version`, the file that says so; otherwise undefined. */
export function guaranteesAtLeast(facts: ProjectFacts, pkg: string, version: string): string | undefined {
  const p = facts.packages[normalise(pkg)];
  return p && p.min !== undefined && compareVersions(p.min, version) >= 0 ? p.source : undefined;
}
