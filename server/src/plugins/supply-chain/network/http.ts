// Minimal HTTP GET with a timeout for the opt-in pin lookups; never throws (errors are values).
/** A response: status, lower-cased headers and the parsed JSON body (undefined when not JSON). */
export interface HttpResult {
  status: number;
  headers: Record<string, string>;
  json?: unknown;
}

/** GETs `url`; resolves to the response or `{ error }` on network failure or timeout. */
export async function httpGet(url: string, headers: Record<string, string>, timeoutMs: number): Promise<HttpResult | { error: string }> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  try {
    const res = await fetch(url, { headers: { 'user-agent': 'mlsec', ...headers }, signal: ctrl.signal, redirect: 'follow' });
    const out: HttpResult = { status: res.status, headers: {} };
    res.headers.forEach((v, k) => (out.headers[k.toLowerCase()] = v));
    const text = await res.text();
    try {
      out.json = text ? JSON.parse(text) : undefined;
    } catch {
      out.json = undefined;
    }
    return out;
  } catch (e) {
    return { error: ctrl.signal.aborted ? `timed out after ${timeoutMs} ms` : (e as Error).message };
  } finally {
    clearTimeout(timer);
  }
}
