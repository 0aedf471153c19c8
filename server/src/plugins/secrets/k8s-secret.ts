// Kubernetes `kind: Secret` manifests: literal values under `data:` (base64) and `stringData:` are secrets whatever their key.
import { looksLikeCredential } from './generic';
import type { Hit } from './hit';
import { credentialKind } from './names';
import { isPlaceholder, isTemplateOrReference } from './placeholders';
import { sampleReason } from './samples';

// Keys of a Secret that usually hold configuration rather than a credential.
// `*_ID`/`*Id` keys (AWS_ACCESS_KEY_ID, client_id) hold the public half of a credential pair.
const NOT_SECRET_KEYS = /^(?:user(?:name)?|host(?:name)?|port|database|db|db_?name|namespace|email|name|region|url|endpoint|server|bucket|project|account|cluster|ca\.crt|tls\.crt)$/i;
const ID_KEY = /(?:_id|_ID|[a-z]Id|-id)$/;

/** A region of the text a detector owns: other (name-based) detectors do not report inside it. */
export interface Claimed {
  start: number;
  end: number;
}

/**
 * Adds a hit per credential-like value under `data:`/`stringData:` of each `kind: Secret` document, and
 * claims those blocks: their values are judged decoded, here, not by name on their base64 form.
 */
export function findKubernetesSecretData(text: string, out: Hit[], claimed: Claimed[] = []): void {
  if (!/^kind:[ \t]*Secret\b/m.test(text)) return;
  // Document boundaries: every `---` line starts a new YAML document.
  const starts = [0];
  const sep = /^---[^\n]*$/gm;
  for (let m = sep.exec(text); m; m = sep.exec(text)) starts.push(m.index + m[0].length);
  starts.forEach((start, i) => {
    const doc = text.slice(start, i + 1 < starts.length ? starts[i + 1] : text.length);
    if (/^kind:[ \t]*Secret\b/m.test(doc)) scanDoc(doc, start, out, claimed);
  });
}

function scanDoc(doc: string, base: number, out: Hit[], claimed: Claimed[]): void {
  const lines = doc.split('\n');
  let pos = 0;
  let block: { indent: number; base64: boolean } | undefined;
  for (const line of lines) {
    const lineStart = pos;
    pos += line.length + 1;
    const indent = /^[ \t]*/.exec(line)![0].length;
    const head = /^([ \t]*)(data|stringData):[ \t]*$/.exec(line);
    if (head) {
      block = { indent, base64: head[2] === 'data' };
      continue;
    }
    if (!block || line.trim() === '' || line.trim().startsWith('#')) continue;
    if (indent <= block.indent) {
      block = undefined;
      continue;
    }
    claimed.push({ start: base + lineStart, end: base + lineStart + line.length });
    const kv = /^[ \t]*["']?([\w.-]+)["']?:[ \t]*(["']?)([^"'\s#][^"'\s]*)\2[ \t]*$/.exec(line);
    if (!kv || NOT_SECRET_KEYS.test(kv[1]) || ID_KEY.test(kv[1])) continue;
    const value = kv[3];
    const plain = block.base64 ? decodeBase64(value) : value;
    if (plain === undefined || isTemplateOrReference(value) || isTemplateOrReference(plain) || isPlaceholder(plain)) continue;
    const kind = credentialKind(kv[1]) ?? 'password';
    if (!looksLikeCredential(plain, kind === 'weak-key' ? 'key' : kind) && !(block.base64 && plain.length >= 8 && !isPlaceholder(plain))) continue;
    const start = base + lineStart + line.indexOf(value, kv[1].length + 1);
    const sample = sampleReason(plain);
    out.push({ start, end: start + value.length, provider: 'kubernetes-secret', label: `Kubernetes Secret value (${kv[1]})`, env: kv[1].toUpperCase().replace(/[^A-Z0-9]+/g, '_'), evidence: 'format', ...(sample ? { sample } : {}) });
  }
}

function decodeBase64(v: string): string | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(v) || v.length % 4 !== 0) return undefined;
  const s = Buffer.from(v, 'base64').toString('utf8');
  // eslint-disable-next-line no-control-regex
  return /[\x00-\x08\x0e-\x1f]/.test(s) ? undefined : s.trim();
}
