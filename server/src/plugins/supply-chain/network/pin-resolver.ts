// Opt-in online lookups for pinning fixes (mlsec.network.enabled): image digests (OCI v2), Action commit SHAs (GitHub REST),
// Hugging Face commits and PyPI versions with hashes; cached, deduplicated, bounded, under the network policy. Analysis never calls it.
import { DEFAULT_LIMITS, type GetLimits, httpGet, type HttpResult } from './http';
import type { NetworkPolicy, TestingHooks } from './policy';

/** Where each registry lives; tests point these at a local server (whose origin they exempt through TestingHooks). */
export interface Endpoints {
  github: string;
  huggingface: string;
  pypi: string;
  /** Registry host -> base URL (default `https://<host>`; Docker Hub is registry-1.docker.io). */
  registries: Record<string, string>;
}

/** The public endpoints. */
export const PUBLIC_ENDPOINTS: Endpoints = { github: 'https://api.github.com', huggingface: 'https://huggingface.co', pypi: 'https://pypi.org', registries: { 'docker.io': 'https://registry-1.docker.io', 'index.docker.io': 'https://registry-1.docker.io' } };

/** A PyPI release: version and the sha256 of its files. */
export interface PypiPin {
  version: string;
  hashes: string[];
}

type Value = string | PypiPin;
const MANIFEST_ACCEPT = ['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json', 'application/vnd.oci.image.manifest.v1+json', 'application/vnd.docker.distribution.manifest.v2+json'].join(', ');

/** Splits `ghcr.io/org/img:tag` into host, repository path and tag (Docker Hub names get `library/`). */
export function splitImage(ref: string): { host: string; name: string; tag: string } | undefined {
  // No registry accepts references this long; the bound also keeps the backtracking below short.
  if (ref.length > 512) return undefined;
  const m = /^(?:([^/.]+\.[^/]+|localhost(?::\d+)?|[^/]+:\d+)\/)?([a-z0-9._/-]+?)(?::([\w][\w.-]{0,127}))?$/.exec(ref);
  if (!m) return undefined;
  const host = m[1] ?? 'docker.io';
  const name = host === 'docker.io' && !m[2].includes('/') ? `library/${m[2]}` : m[2];
  return { host, name, tag: m[3] ?? 'latest' };
}

/** A lookup's outcome: the value, or why there is none (refused, failed, not found). */
export type LookupResult = { value: Value } | { error: string };

/** How a resolver is built: endpoints, limits and (tests only) exemptions for a local server. */
export interface ResolverOptions {
  endpoints?: Endpoints;
  timeoutMs?: number;
  ttlMs?: number;
  /** Test-only: origins exempt from the policy and a DNS replacement; never read from settings. */
  testing?: TestingHooks;
}

/** The resolver: `request` looks a key up (cached, deduplicated) under the network policy. The server calls it only when the user picks a lookup fix. */
export class PinResolver {
  private cache = new Map<string, { result: LookupResult; at: number }>();
  private inflight = new Map<string, Promise<LookupResult>>();
  readonly endpoints: Endpoints;
  private policy: NetworkPolicy;
  private limits: GetLimits;
  private ttlMs: number;

  constructor(options: ResolverOptions = {}) {
    this.endpoints = options.endpoints ?? PUBLIC_ENDPOINTS;
    this.limits = { ...DEFAULT_LIMITS, timeoutMs: options.timeoutMs ?? DEFAULT_LIMITS.timeoutMs };
    this.ttlMs = options.ttlMs ?? 60 * 60 * 1000;
    this.policy = { userHosts: [], testing: options.testing };
  }

  /** The hosts the user added (mlsec.network.allowedHosts, user-level only); a change clears the cache. */
  setUserHosts(hosts: readonly string[]): void {
    if (hosts.join('\n') === this.policy.userHosts.join('\n')) return;
    this.policy = { ...this.policy, userHosts: [...hosts] };
    this.cache.clear();
  }

  /** Looks `key` up (`image:<ref>`, `action:<owner/repo>@<ref>`, `hf:<kind>/<repo>@<rev>`, `pypi:<name>`); one lookup at a time per key, failures cached too so a dead network is not hammered. */
  request(key: string): Promise<LookupResult> {
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < this.ttlMs) return Promise.resolve(hit.result);
    let p = this.inflight.get(key);
    if (!p) {
      p = this.lookup(key)
        .then((value): LookupResult => ({ value }))
        .catch((e: unknown): LookupResult => ({ error: (e as Error).message }))
        .then((result) => {
          this.cache.set(key, { result, at: Date.now() });
          this.inflight.delete(key);
          return result;
        });
      this.inflight.set(key, p);
    }
    return p;
  }

  private async lookup(key: string): Promise<Value> {
    const [kind, rest] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    if (kind === 'image') return this.imageDigest(rest);
    if (kind === 'action') {
      const [repo, ref = ''] = rest.split('@');
      const [owner = '', name = ''] = repo.split('/');
      const r = await this.get(`${this.endpoints.github}/repos/${segment(owner)}/${segment(name)}/commits/${encodeURIComponent(ref)}`, { accept: 'application/vnd.github+json' });
      return commitSha(r, `${owner}/${name}@${ref} on GitHub`);
    }
    if (kind === 'hf') {
      const [path, rev] = rest.split('@');
      const [type, ...repo] = path.split('/');
      const r = await this.get(`${this.endpoints.huggingface}/api/${segment(type)}/${repo.map(segment).join('/')}/revision/${encodeURIComponent(rev || 'main')}`, {});
      return commitSha(r, `${repo.join('/')}@${rev || 'main'} on the Hub`);
    }
    if (kind === 'pypi') {
      const r = await this.get(`${this.endpoints.pypi}/pypi/${encodeURIComponent(rest)}/json`, { accept: 'application/json' });
      const j = r.json as { info?: { version?: unknown }; urls?: { digests?: { sha256?: unknown } }[] } | undefined;
      const version = j?.info?.version;
      // The version is written into the user's file: only a PEP 440-shaped string is accepted.
      if (r.status !== 200 || typeof version !== 'string' || !/^[0-9A-Za-z][0-9A-Za-z.!+_-]{0,63}$/.test(version)) throw new Error(`no release of ${rest} found on PyPI (HTTP ${r.status})`);
      const hashes = (Array.isArray(j?.urls) ? j.urls : []).map((u) => u?.digests?.sha256).filter((h): h is string => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h)).map((h) => `sha256:${h}`);
      return { version, hashes };
    }
    throw new Error(`unknown lookup ${kind}`);
  }

  /** OCI distribution v2: the manifest's `Docker-Content-Digest`, with the anonymous bearer-token dance when asked (401). */
  private async imageDigest(ref: string): Promise<string> {
    const img = splitImage(ref);
    if (!img || img.name.split('/').some((p) => p === '.' || p === '..' || p === '')) throw new Error(`not an image reference: ${ref}`);
    const base = this.endpoints.registries[img.host] ?? `https://${img.host}`;
    const url = `${base}/v2/${img.name}/manifests/${encodeURIComponent(img.tag)}`;
    let r = await this.get(url, { accept: MANIFEST_ACCEPT });
    const challenge = r.status === 401 ? bearerChallenge(r.headers['www-authenticate'] ?? '') : undefined;
    if (challenge) {
      const q = new URLSearchParams();
      if (challenge.service) q.set('service', challenge.service);
      q.set('scope', challenge.scope ?? `repository:${img.name}:pull`);
      // The realm comes from the registry's answer: it goes through the same policy as every other URL (get()).
      const t = await this.get(`${challenge.realm}${challenge.realm.includes('?') ? '&' : '?'}${q}`, {});
      const token = t.json as { token?: unknown; access_token?: unknown } | undefined;
      const bearer = typeof token?.token === 'string' ? token.token : typeof token?.access_token === 'string' ? token.access_token : undefined;
      if (bearer) r = await this.get(url, { accept: MANIFEST_ACCEPT, authorization: `Bearer ${bearer}` });
    }
    const digest = r.status === 200 ? r.headers['docker-content-digest'] : undefined;
    if (!digest || !/^sha256:[0-9a-f]{64}$/.test(digest)) throw new Error(`${img.host} gave no digest for ${ref} (HTTP ${r.status})`);
    return digest;
  }

  /** One GET under the policy; a refusal or network failure becomes the lookup's error. */
  private async get(url: string, headers: Record<string, string>): Promise<HttpResult> {
    const r = await httpGet(url, headers, this.policy, this.limits);
    if ('error' in r) throw new Error(r.error);
    return r;
  }
}

/** A path segment from workspace text, encoded so it stays one segment. */
function segment(s: string): string {
  return s === '.' || s === '..' ? '_' : encodeURIComponent(s);
}

function commitSha(r: HttpResult, what: string): string {
  const sha = (r.json as { sha?: unknown } | undefined)?.sha;
  if (r.status !== 200 || typeof sha !== 'string' || !/^[0-9a-f]{40}$/.test(sha)) throw new Error(`no commit found for ${what} (HTTP ${r.status})`);
  return sha;
}

/** The parameters of a `WWW-Authenticate: Bearer realm=...,service=...,scope=...` challenge, in any order. */
export function bearerChallenge(header: string): { realm: string; service?: string; scope?: string } | undefined {
  const m = /^\s*Bearer\s+(.*)$/i.exec(header.slice(0, 2000));
  if (!m) return undefined;
  const params: Record<string, string> = {};
  for (const p of m[1].matchAll(/([A-Za-z]+)="([^"]*)"/g)) params[p[1].toLowerCase()] = p[2];
  return params.realm ? { realm: params.realm, service: params.service, scope: params.scope } : undefined;
}
