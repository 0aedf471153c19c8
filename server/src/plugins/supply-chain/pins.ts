// Classifies pip / conda / npm requirement specs: integrity-pinned, version-pinned only, unpinned, or not a registry package.

/** How well one requirement is pinned. `exact` = version pinned but no hash; `pinned` = integrity-grade. */
export type PinLevel = 'pinned' | 'exact' | 'unpinned' | 'skip';

/** A classified requirement: its package name (when known) and what is missing. */
export interface PinVerdict {
  level: PinLevel;
  name?: string;
  /** What is missing, for the message ("no version", "a range", "branch/tag `main`"...). */
  why?: string;
}

const HEX40 = /^[0-9a-f]{40}$/i;
const NAME_RE = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*(.*)$/s;

/** True for a full 40-hex commit SHA. */
export function isCommitSha(ref: string): boolean {
  return HEX40.test(ref);
}

/** PEP 503 normalised package name. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** A local path or archive: not fetched from an index, so nothing to pin. */
export function isLocalPath(spec: string): boolean {
  return /^(\.{1,2}(\/|\\|$)|\/|~|file:)/.test(spec) || /^[\w./\\-]+\.(whl|tar\.gz|zip|tar\.bz2)$/i.test(spec) && !/^[a-z+]+:\/\//i.test(spec);
}

/** Classifies a VCS or URL requirement (`git+https://...@ref`, `https://.../x.tar.gz#sha256=`). */
function classifyUrl(url: string, hashed: boolean, name?: string): PinVerdict {
  const egg = /[#&]egg=([A-Za-z0-9._-]+)/.exec(url)?.[1];
  const pkg = name ?? egg;
  if (/^(git|hg|svn|bzr)\+/i.test(url)) {
    const body = url.replace(/#.*$/, '');
    const at = /@([^@/]+)$/.exec(body.replace(/^[a-z+]+:\/\/[^/]*@/i, (m) => m.replace(/@/g, '%'))); // ignore user@host
    const ref = at?.[1];
    if (ref && isCommitSha(ref)) return { level: 'pinned', name: pkg };
    return { level: 'unpinned', name: pkg, why: ref ? `VCS ref \`${ref}\` is a branch or tag that can move (pin a full 40-character commit SHA)` : 'VCS URL without a ref installs the default branch (pin a full 40-character commit SHA)' };
  }
  if (/[#&](sha256|sha384|sha512)=[0-9a-f]+/i.test(url) || hashed) return { level: 'pinned', name: pkg };
  if (/^file:/i.test(url)) return { level: 'skip', name: pkg };
  return { level: 'unpinned', name: pkg, why: 'URL download without a hash (add `#sha256=...` or `--hash`)' };
}

/** Classifies a PEP 508 requirement string (no pip options), given whether the line carries `--hash`. */
export function classifyPip(spec: string, hashed: boolean): PinVerdict {
  const s = spec.replace(/;.*$/s, '').trim();
  if (!s || s.includes('$')) return { level: 'skip' };
  if (/^[a-z+]+:\/\//i.test(s)) return classifyUrl(s, hashed);
  if (isLocalPath(s)) return { level: 'skip' };
  const m = NAME_RE.exec(s);
  if (!m) return { level: 'skip' };
  const [, name, , rest] = m;
  const r = rest.trim();
  if (r.startsWith('@')) {
    const url = r.slice(1).trim();
    return /^[a-z+]+:\/\//i.test(url) ? classifyUrl(url, hashed, name) : { level: 'skip', name };
  }
  if (!r) return { level: 'unpinned', name, why: 'no version' };
  const clauses = r.replace(/^\(|\)$/g, '').split(',').map((c) => c.trim()).filter(Boolean);
  const exact = clauses.length === 1 && /^(===?)\s*[^*\s]+$/.test(clauses[0]) && !/^==\s*\S*\*$/.test(clauses[0]);
  if (!exact) return { level: 'unpinned', name, why: `a version range (\`${r}\`)` };
  return { level: hashed ? 'pinned' : 'exact', name, why: hashed ? undefined : 'no `--hash`' };
}

/** Classifies a conda spec (`numpy`, `numpy=1.26`, `numpy=1.26.4=py311h...`, `conda-forge::numpy>=1`). */
export function classifyConda(spec: string): PinVerdict {
  const s = spec.trim().replace(/^[\w.-]+::/, '');
  if (!s || s.includes('$') || isLocalPath(s)) return { level: 'skip' };
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(.*)$/.exec(s);
  if (!m) return { level: 'skip' };
  const [, name, rest] = m;
  const r = rest.replace(/\s+/g, '');
  if (!r) return { level: 'unpinned', name, why: 'no version' };
  // `=1.2.3=build` pins the exact build; `=1.2` / `==1.2.3` pin a version (weaker: no build string, no checksum); the rest are ranges.
  if (/^==?[^=<>!,*|]+=[^=<>!,*|]+$/.test(r)) return { level: 'exact', name, why: 'no lock file with checksums (conda-lock / `conda list --explicit --md5`)' };
  if (/^==?[0-9][^=<>!,|]*$/.test(r)) return { level: 'exact', name, why: `\`${r}\` has no build string or checksum${r.startsWith('==') ? '' : ' and matches any later patch release'}` };
  return { level: 'unpinned', name, why: `a version range (\`${r}\`)` };
}

/** Classifies an npm package spec (`pkg`, `pkg@1.2.3`, `@scope/pkg@^1`). */
export function classifyNpm(spec: string): PinVerdict {
  if (!spec || spec.includes('$') || isLocalPath(spec) || /^[a-z+]+:/i.test(spec)) return { level: 'skip' };
  const at = spec.lastIndexOf('@');
  const name = at > 0 ? spec.slice(0, at) : spec;
  const version = at > 0 ? spec.slice(at + 1) : '';
  if (!version || version === 'latest') return { level: 'unpinned', name, why: version ? '`@latest`' : 'no version' };
  if (/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(version)) return { level: 'exact', name, why: 'no lock file or integrity hash' };
  return { level: 'unpinned', name, why: `a version range (\`${version}\`)` };
}
