// HTTP GET for the opt-in pin lookups under the network policy: checked URL, checked address, same-origin redirects only, bounded; never throws.
import * as http from 'http';
import * as https from 'https';
import type { LookupFunction } from 'net';
import { guardedLookup, type NetworkPolicy, refusal } from './policy';

/** A response: status, lower-cased headers and the parsed JSON body (undefined when not JSON). */
export interface HttpResult {
  status: number;
  headers: Record<string, string>;
  json?: unknown;
}

/** Limits of one GET. */
export interface GetLimits {
  timeoutMs: number;
  /** Largest body read (PyPI's JSON for big projects runs to megabytes). */
  maxBytes: number;
  /** Same-origin redirects followed (a registry may redirect a renamed repository). */
  maxRedirects: number;
}

export const DEFAULT_LIMITS: GetLimits = { timeoutMs: 5000, maxBytes: 16 * 1024 * 1024, maxRedirects: 3 };

/** GETs `url` under `policy`; resolves to the response or `{ error }` (refusal, network failure, timeout, oversize). */
export async function httpGet(url: string, headers: Record<string, string>, policy: NetworkPolicy, limits: GetLimits = DEFAULT_LIMITS): Promise<HttpResult | { error: string }> {
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return { error: `refused: not a URL` };
  }
  const deadline = Date.now() + limits.timeoutMs;
  for (let hop = 0; ; hop++) {
    const refused = refusal(current, policy);
    if (refused) return { error: refused };
    const r = await getOnce(current, headers, policy, Math.max(1, deadline - Date.now()), limits.maxBytes);
    if ('error' in r) return r;
    const location = r.status >= 300 && r.status < 400 ? r.headers.location : undefined;
    if (!location) return r;
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      return { error: `refused redirect from ${current.host}: bad Location` };
    }
    // A registry has no reason to send an anonymous metadata lookup to another host.
    if (next.origin !== current.origin) return { error: `refused redirect from ${current.host} to another host (${next.host})` };
    if (hop >= limits.maxRedirects) return { error: `too many redirects from ${current.host}` };
    current = next;
  }
}

function getOnce(url: URL, headers: Record<string, string>, policy: NetworkPolicy, timeoutMs: number, maxBytes: number): Promise<HttpResult | { error: string }> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (v: HttpResult | { error: string }) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(v);
    };
    // Only a test origin (see TestingHooks) is ever plain http; refusal() turned every other http URL away.
    const lib = url.protocol === 'http:' ? http : https;
    const req = lib.request(url, { method: 'GET', headers: { 'user-agent': 'mlsec', ...headers }, lookup: guardedLookup(policy) as unknown as LookupFunction, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > maxBytes) {
          req.destroy();
          finish({ error: `response from ${url.host} larger than ${maxBytes} bytes` });
        } else chunks.push(c);
      });
      res.on('error', (e) => finish({ error: e.message }));
      res.on('end', () => {
        const out: HttpResult = { status: res.statusCode ?? 0, headers: {} };
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out.headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          out.json = text ? JSON.parse(text) : undefined;
        } catch {
          out.json = undefined;
        }
        finish(out);
      });
    });
    const timer = setTimeout(() => {
      req.destroy();
      finish({ error: `timed out after ${timeoutMs} ms` });
    }, timeoutMs);
    req.on('error', (e) => finish({ error: e.message }));
    req.end();
  });
}
