// Opt-in online lookups for pinning fixes (mlsec.network.enabled): image digests (OCI v2), Action commit SHAs (GitHub REST),
// Hugging Face commits and PyPI versions with hashes; cached, deduplicated, with timeouts. Analysers only peek synchronously.
import { httpGet, type HttpResult } from './http';

/** Where each registry lives; tests point these at a local server. */
export interface Endpoints {
  github: string;
  huggingface: string;
  pypi: string;
  /** Registry host -> base URL (default `https://<host>`; Docker Hub is registry-1.docker.io). */
  registries: Record<string, string>;
}

/** The public endpoints. */
export const PUBLIC_ENDPOINTS: Endpoints = { github: 'https://api.github.com', huggingface: 'https://huggingface.co', pypi: 'https://pypi.org', registries: { 'docker.io': 'https://registry-1.docker.io' } };

/** A PyPI release: version and the sha256 of its files. */
export interface PypiPin {
  version: string;
  hashes: string[];
}

type Value = string | PypiPin;
const MANIFEST_ACCEPT = ['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json', 'application/vnd.oci.image.manifest.v1+json', 'application/vnd.docker.distribution.manifest.v2+json'].join(', ');

/** Splits `ghcr.io/org/img:tag` into host, repository path and tag (Docker Hub names get `library/`). */
export function splitImage(ref: string): { host: string; name: string; tag: string } | undefined {
  const m = /^(?:([^/]+\.[^/]+|localhost(?::\d+)?|[^/]+:\d+)\/)?([a-z0-9._/-]+?)(?::([\w][\w.-]{0,127}))?$/.exec(ref);
  if (!m) return undefined;
  const host = m[1] ?? 'docker.io';
  const name = host === 'docker.io' && !m[2].includes('/') ? `library/${m[2]}` : m[2];
  return { host, name, tag: m[3] ?? 'latest' };
}

/** The resolver: `peek` answers from the cache; `request` starts a lookup and calls the listeners when it lands. */
export class PinResolver {
  private cache = new Map<string, { value?: Value; at: number }>();
  private inflight = new Map<string, Promise<Value | undefined>>();
  private listeners: (() => void)[] = [];
  /** Set by the server from mlsec.network.enabled, for rules that see no settings (Python rules). */
  enabled = false;

  constructor(public endpoints: Endpoints = PUBLIC_ENDPOINTS, public timeoutMs = 5000, private ttlMs = 60 * 60 * 1000) {}

  /** Called after any lookup finishes (the server re-analyses so fixes pick the value up). */
  onResolved(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** The cached value for `key` (`image:<ref>`, `action:<owner/repo>@<ref>`, `hf:<kind>/<repo>@<rev>`, `pypi:<name>`), if any. */
  peek(key: string): Value | undefined {
    const hit = this.cache.get(key);
    return hit && Date.now() - hit.at < this.ttlMs ? hit.value : undefined;
  }

  /** Looks `key` up (once at a time per key; failures are cached too, so a dead network is not hammered). */
  request(key: string): Promise<Value | undefined> {
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < this.ttlMs) return Promise.resolve(hit.value);
    let p = this.inflight.get(key);
    if (!p) {
      p = this.lookup(key).catch(() => undefined).then((value) => {
        this.cache.set(key, { value, at: Date.now() });
        this.inflight.delete(key);
        for (const l of this.listeners) l();
        return value;
      });
      this.inflight.set(key, p);
    }
    return p;
  }

  private async lookup(key: string): Promise<Value | undefined> {
    const [kind, rest] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    if (kind === 'image') return this.imageDigest(rest);
    if (kind === 'action') {
      const [repo, ref] = rest.split('@');
      const [owner, name] = repo.split('/');
      const r = await this.get(`${this.endpoints.github}/repos/${owner}/${name}/commits/${encodeURIComponent(ref)}`, { accept: 'application/vnd.github+json' });
      const sha = (r?.json as { sha?: unknown } | undefined)?.sha;
      return typeof sha === 'string' && /^[0-9a-f]{40}$/.test(sha) ? sha : undefined;
    }
    if (kind === 'hf') {
      const [path, rev] = rest.split('@');
      const [type, ...repo] = path.split('/');
      const r = await this.get(`${this.endpoints.huggingface}/api/${type}/${repo.join('/')}/revision/${encodeURIComponent(rev || 'main')}`, {});
      const sha = (r?.json as { sha?: unknown } | undefined)?.sha;
      return typeof sha === 'string' && /^[0-9a-f]{40}$/.test(sha) ? sha : undefined;
    }
    if (kind === 'pypi') {
      const r = await this.get(`${this.endpoints.pypi}/pypi/${encodeURIComponent(rest)}/json`, { accept: 'application/json' });
      const j = r?.json as { info?: { version?: unknown }; urls?: { digests?: { sha256?: unknown } }[] } | undefined;
      if (typeof j?.info?.version !== 'string') return undefined;
      const hashes = (j.urls ?? []).map((u) => u.digests?.sha256).filter((h): h is string => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h)).map((h) => `sha256:${h}`);
      return { version: j.info.version, hashes };
    }
    return undefined;
  }

  /** OCI distribution v2: the manifest's `Docker-Content-Digest`, with the anonymous bearer-token dance when asked (401). */
  private async imageDigest(ref: string): Promise<string | undefined> {
    const img = splitImage(ref);
    if (!img) return undefined;
    const base = this.endpoints.registries[img.host] ?? `https://${img.host}`;
    const url = `${base}/v2/${img.name}/manifests/${img.tag}`;
    let r = await this.get(url, { accept: MANIFEST_ACCEPT });
    const challenge = r?.status === 401 ? /Bearer\s+realm="([^"]+)"(?:,\s*service="([^"]+)")?(?:,\s*scope="([^"]+)")?/i.exec(r.headers['www-authenticate'] ?? '') : undefined;
    if (challenge) {
      const q = new URLSearchParams();
      if (challenge[2]) q.set('service', challenge[2]);
      q.set('scope', challenge[3] ?? `repository:${img.name}:pull`);
      const t = await this.get(`${challenge[1]}?${q}`, {});
      const token = (t?.json as { token?: unknown; access_token?: unknown } | undefined);
      const bearer = typeof token?.token === 'string' ? token.token : typeof token?.access_token === 'string' ? token.access_token : undefined;
      if (bearer) r = await this.get(url, { accept: MANIFEST_ACCEPT, authorization: `Bearer ${bearer}` });
    }
    const digest = r?.status === 200 ? r.headers['docker-content-digest'] : undefined;
    return digest && /^sha256:[0-9a-f]{64}$/.test(digest) ? digest : undefined;
  }

  private async get(url: string, headers: Record<string, string>): Promise<HttpResult | undefined> {
    const r = await httpGet(url, headers, this.timeoutMs);
    return 'error' in r ? undefined : r;
  }
}

/** The process-wide resolver the analysers consult (only when `mlsec.network.enabled` is on). */
export const pinResolver = new PinResolver();
