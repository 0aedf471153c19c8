// Finds secrets in one text: provider formats, structured secrets, then credential-named assignments; overlapping hits keep the first.
import { validTokenChecksum } from './checksum';
import { looksLikeCredential, stripAuthScheme } from './generic';
import type { Hit } from './hit';
import { credentialKind, envNameFor, providerFromName } from './names';
import { hasLongSequence, isDocumentedExample, isTemplateOrReference } from './placeholders';
import { PROVIDERS } from './providers';
import { findAzure, findPrivateKeys, findUrlCredentials } from './structured';
import { findKubernetesSecretData, type Claimed } from './k8s-secret';
import { sampleReason } from './samples';
import { keepNonOverlapping, overlapsAny } from '../../engine/intervals';

/** How values are written in the scanned text. */
export interface ScanOptions {
  /** Python source: only quoted literals are values (anything else is an expression). */
  python?: boolean;
  /** Only provider formats and structured secrets (prose: Markdown). */
  providersOnly?: boolean;
  /** Dockerfile `ENV NAME value` / `ARG` forms. */
  dockerfile?: boolean;
  /** `.netrc`-style `password value` pairs. */
  netrc?: boolean;
}

// Placeholder checks for provider tokens: filler words and repeated characters (long hand-typed sequences are checked separately).
const FILLER = /your|example|placeholder|dummy|redacted|xxxx|fake|sample|test_?token|0{8}|(.)\1{6,}/i;

function providerHits(text: string, out: Hit[]): void {
  for (const p of PROVIDERS) {
    p.pattern.lastIndex = 0;
    for (let m = p.pattern.exec(text); m; m = p.pattern.exec(text)) {
      const token = m[0];
      if (FILLER.test(token) || isDocumentedExample(token) || hasLongSequence(token) || new Set(token).size < 10) continue;
      if (p.validate && !p.validate(token)) continue;
      const hit: Hit = { start: m.index, end: m.index + token.length, provider: p.id, label: p.label, env: p.env, evidence: 'format' };
      if (p.checksum) hit.checksum = validTokenChecksum(token) ? 'valid' : 'invalid';
      out.push(hit);
    }
  }
}

/** After an AWS access key id, a 40-character secret key nearby (positional arguments, `aws configure` output). */
function awsSecretNear(text: string, hits: Hit[], out: Hit[]): void {
  for (const h of hits) {
    if (h.provider !== 'aws-access-key-id') continue;
    const window = text.slice(h.end, h.end + 160);
    const m = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/.exec(window);
    if (m && /[0-9]/.test(m[0]) && /[a-z]/.test(m[0]) && /[A-Z]/.test(m[0]) && !isDocumentedExample(m[0])) {
      out.push({ start: h.end + m.index, end: h.end + m.index + 40, provider: 'aws-secret-access-key', label: 'AWS secret access key', env: 'AWS_SECRET_ACCESS_KEY', evidence: 'format' });
    }
  }
}

/** The longest value looksLikeCredential accepts. */
const MAX_VALUE = 8192;

/** The last bare word readValue measured (its start and end offsets). */
interface BareWord {
  start: number;
  end: number;
}

/** Reads the value starting at `at`: a quoted string on the line, or (outside Python) a bare word. */
function readValue(text: string, at: number, python: boolean, word: BareWord): { start: number; end: number } | undefined {
  let i = at;
  // Values longer than any credential are never one (looksLikeCredential): a quoted value is read no
  // further than that, so `password="password="…` does not re-read the rest of the line at every `=`.
  const limit = Math.min(text.length, at + MAX_VALUE + 3);
  const pre = /^[rRbBuUfF]{1,2}(?=["'])/.exec(text.slice(i, i + 3));
  if (pre) i += pre[0].length;
  const q = text[i];
  if (q === '"' || q === "'" || q === '`') {
    if (text.startsWith(q.repeat(3), i)) return undefined;
    let j = i + 1;
    while (j < limit && text[j] !== q && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
    return text[j] === q ? { start: i + 1, end: j } : undefined;
  }
  if (python) return undefined;
  // A bare word ends where the word around `i` ends: `password=password=…` asks about one word many times.
  if (!(word.start <= i && i < word.end)) {
    let e = i;
    while (e < text.length && !/[\s'"`]/.test(text[e])) e++;
    word.start = i;
    word.end = e;
  }
  let j = Math.min(word.end, limit);
  // `Authorization: Bearer <token>`: the scheme and the credential are one value.
  if (/^(?:Bearer|Basic|Token|bearer|token)$/.test(text.slice(i, j)) && text[j] === ' ') {
    j++;
    while (j < limit && !/[\s'"`]/.test(text[j])) j++;
  }
  while (j > i && /[,;)\]}]/.test(text[j - 1])) j--;
  return j > i ? { start: i, end: j } : undefined;
}

// name (optionally quoted, optionally `]`-closed as in os.environ["X"], optionally annotated `: str`) then an assignment operator.
// No two quantifiers may share characters (`[ \t]*\]?[ \t]*` was quadratic on a name followed by a long run of spaces).
const KV = /(?<![\w.$-])(["'`]?)([A-Za-z_][\w.-]{0,80})\1[ \t]*(?:\][ \t]*)?(?::[ \t]*(?:str|bytes|SecretStr|Optional\[str\])[ \t]*)?(:=|=>|:|=)[ \t]*/g;
// A quoted name and a quoted value as a call's first two arguments: os.environ.setdefault("X", "v"), set_key(..., "X", "v").
const PAIR = /(["'])([A-Za-z_][\w.-]{0,80})\1[ \t]*,[ \t]*/g;
// Kubernetes/compose env entries: `name: X` then `value: v` on the next line.
const K8S_ENV = /name:[ \t]*["']?([A-Za-z_][\w.-]{0,80})["']?[ \t]*\r?\n[ \t]*(?:-[ \t]*)?value:[ \t]*/g;
// Command-line flags: --password=v, --api-key v.
const FLAG = /(?<![\w-])--([A-Za-z][\w-]{1,40})(?:=|[ \t]+)/g;
// Clients whose first positional argument is the API key (`cohere.Client("...")`).
const KEY_ARG = /\b(cohere\.(?:Async)?Client(?:V2)?)\(\s*/g;
// A password as the second value of a (user, password) pair: `auth=("u", "p")`, `HTTPBasicAuth("u", "p")`, `smtp.login(user, "p")`.
const USER_PASSWORD = /(?:\bauth[ \t]*=[ \t]*\(|\bHTTP(?:Basic|Digest|Proxy)Auth\(|\.login\()[ \t]*(?:["'][^"'\n]{0,80}["']|[\w.[\]"']{1,80})[ \t]*,[ \t]*/g;
const DOCKER_ENV = /^[ \t]*(?:ENV|ARG)[ \t]+([A-Za-z_]\w*)[ \t]+(?!=)/gm;
const NETRC = /(?<![\w-])(password|passwd)[ \t]+/g;
// Terraform variables: the block's name names the credential, `default` holds it.
const TF_VARIABLE = /variable[ \t]+"([\w-]{1,80})"[ \t]*\{[^}]{0,400}?\bdefault[ \t]*=[ \t]*/g;

/** True when `key:` at `at` is the key *name* inside a `secretKeyRef`/`configMapKeyRef` (a reference to a secret, not its value). */
function isReferenceKey(text: string, name: string, at: number): boolean {
  if (name !== 'key') return false;
  const before = text.slice(Math.max(0, at - 240), at);
  return /(?:secretKeyRef|configMapKeyRef|secretRef|keyRef|valueFrom)\b[^\n]*\n(?:[^\n]*\n){0,3}[^\n]*$|(?:secretKeyRef|configMapKeyRef)[ \t]*:[ \t]*\{[^}\n]*$/.test(before);
}

function genericHits(text: string, opts: ScanOptions, out: Hit[]): void {
  const word: BareWord = { start: 0, end: 0 };
  const consider = (name: string, valueAt: number, python: boolean) => {
    const kind = credentialKind(name);
    if (!kind || isReferenceKey(text, name, valueAt)) return;
    const r = readValue(text, valueAt, python, word);
    if (!r) return;
    const raw = text.slice(r.start, r.end);
    const { value, offset } = stripAuthScheme(raw);
    if (!looksLikeCredential(value, kind)) return;
    // `wandb.login(key=...)`: the call names the provider when the argument does not.
    // The 60 characters before the value on its line (a bounded look-back: `lastIndexOf('\n')` from every
    // hit walked back over the whole of a long line).
    const before = text.slice(Math.max(0, valueAt - 60), valueAt);
    const provider = providerFromName(name) ?? providerFromName(before.slice(before.lastIndexOf('\n') + 1));
    const sample = sampleReason(value);
    out.push({
      start: r.start + offset, end: r.end, name, evidence: 'context', ...(sample ? { sample } : {}),
      provider: provider?.id ?? 'generic', label: provider?.label ?? (kind === 'password' ? 'password' : 'credential'),
      // A name that itself looks like a token never becomes an env var name (it would land in fix titles and edits).
      env: looksLikeCredential(name, 'weak-key') ? provider?.env ?? 'SECRET' : /^[A-Z][A-Z0-9_]*$/.test(name) ? name : provider?.env ?? envNameFor(name.replace(/^.*\./, '')),
    });
  };
  const python = !!opts.python;
  KV.lastIndex = 0;
  for (let m = KV.exec(text); m; m = KV.exec(text)) {
    const after = m.index + m[0].length;
    // `==` is a comparison, `=>`/`:=` are fine; in Python a bare `:` after a name only matters inside a dict (quoted name).
    if (m[3] === '=' && text[after] === '=') continue;
    if (python && m[3] === ':' && !m[1]) continue;
    // `http://dex.auth.svc:5556/dex/token`: a host inside a URL, not a key (`host:port` reads like `name: value`).
    if (m.index > 0 && /[/@]/.test(text[m.index - 1])) continue;
    consider(m[2], after, python);
  }
  USER_PASSWORD.lastIndex = 0;
  for (let m = USER_PASSWORD.exec(text); m; m = USER_PASSWORD.exec(text)) consider('password', m.index + m[0].length, true);
  KEY_ARG.lastIndex = 0;
  for (let m = KEY_ARG.exec(text); m; m = KEY_ARG.exec(text)) consider('cohere_api_key', m.index + m[0].length, true);
  PAIR.lastIndex = 0;
  for (let m = PAIR.exec(text); m; m = PAIR.exec(text)) {
    // Only a setter's arguments (`setdefault("X", "v")`, `set_key(path, "X", "v")`), never lists or sets of names, nor getters' defaults.
    const before = text.slice(Math.max(0, m.index - 80), m.index);
    const call = /(?<!\w)([A-Za-z_]\w*)\s*\(\s*(?:["'][^"'\n]{0,60}["']\s*,\s*)?$/.exec(before);
    if (!call || /^(?:get|getenv|pop|get_secret|getpass|input|print|log|info|debug|warning|error|format|join|split|replace|startswith|endswith)$/.test(call[1])) continue;
    consider(m[2], m.index + m[0].length, true);
  }
  if (python) return;
  for (const [re, group] of [[K8S_ENV, 1], [FLAG, 1], [TF_VARIABLE, 1], ...(opts.dockerfile ? [[DOCKER_ENV, 1]] : []), ...(opts.netrc ? [[NETRC, 1]] : [])] as [RegExp, number][]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) consider(m[group], m.index + m[0].length, false);
  }
}

/** Excluded regions: data URIs (inline images) hold long base64 that can look like anything. */
function excludedRanges(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /data:[\w/+.-]{1,60};base64,[A-Za-z0-9+/=]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** All secrets in `text`, sorted, without overlaps. Never throws on any input. */
export function scanText(text: string, opts: ScanOptions = {}): Hit[] {
  const hits: Hit[] = [];
  providerHits(text, hits);
  awsSecretNear(text, [...hits], hits);
  findPrivateKeys(text, hits);
  findAzure(text, hits);
  findUrlCredentials(text, hits);
  const claimed: Claimed[] = [];
  if (!opts.providersOnly) {
    findKubernetesSecretData(text, hits, claimed);
    genericHits(text, opts, hits);
  }
  // Excluded regions go first so they block every hit they overlap, then earlier detectors win overlaps
  // (provider formats before names); keepNonOverlapping keeps this O(n log n) in the number of hits.
  const inClaimed = overlapsAny(claimed);
  const candidates = hits.filter((h) => h.end > h.start && !isTemplateOrReference(text.slice(h.start, h.end)) && !(h.name && h.evidence === 'context' && inClaimed(h)));
  const items = [...excludedRanges(text).map((x) => ({ ...x, hit: undefined as Hit | undefined })), ...candidates.map((h) => ({ start: h.start, end: h.end, hit: h }))];
  const kept = keepNonOverlapping(items).flatMap((x) => (x.hit ? [x.hit] : []));
  return kept.sort((a, b) => a.start - b.start);
}
