// Secrets with structure around them: PEM private keys, credentials in URLs, Azure connection strings and SAS signatures.
import { isPlaceholder, isTemplateOrReference } from './placeholders';
import { sampleReason } from './samples';
import type { Hit } from './hit';

const PEM_BEGIN = /-----BEGIN ([A-Z0-9 ]{0,30}PRIVATE KEY(?: BLOCK)?)-----/g;

/** PEM private keys (also with literal `\n` escapes, as in service-account JSON); the range covers BEGIN..END. */
export function findPrivateKeys(text: string, out: Hit[]): void {
  PEM_BEGIN.lastIndex = 0;
  for (let m = PEM_BEGIN.exec(text); m; m = PEM_BEGIN.exec(text)) {
    const endMarker = `-----END ${m[1]}-----`;
    const endAt = text.indexOf(endMarker, m.index + m[0].length);
    const bodyEnd = endAt < 0 ? Math.min(text.length, m.index + m[0].length + 4096) : endAt;
    const body = text.slice(m.index + m[0].length, bodyEnd).replace(/\\n|\\r|\s|"|,|\+/g, '');
    // A real key body is long base64; "..." or a short stub is documentation.
    const base64 = body.replace(/[^A-Za-z0-9/=]/g, '');
    if (base64.length < 64 || isPlaceholder(body.slice(0, 200))) continue;
    const sa = /"type"\s*:\s*"service_account"/.test(text);
    out.push({
      start: m.index, end: endAt < 0 ? m.index + m[0].length : endAt + endMarker.length,
      provider: sa ? 'gcp-service-account' : 'private-key', label: sa ? 'GCP service-account private key' : 'private key', env: sa ? 'GOOGLE_APPLICATION_CREDENTIALS' : 'PRIVATE_KEY', evidence: 'format',
    });
    PEM_BEGIN.lastIndex = endAt < 0 ? m.index + m[0].length : endAt;
  }
}

// scheme://user:password@host — user and password without '/', '@', quotes or whitespace; bounded lengths keep it linear.
const URL_CREDS = /\b([a-z][a-z0-9+.-]{1,20}):\/\/([^\s:@/'"`<>{}]{0,100}):([^\s@/'"`<>]{1,200})@[\w.[\]-]/gi;
const DB_SCHEMES = /^(?:postgres(?:ql)?|mysql|mariadb|mssql|sqlserver|oracle|mongodb(?:\+srv)?|redis|rediss|amqps?|kafka|nats|clickhouse|cockroachdb|snowflake|jdbc)/i;

/** Passwords in URLs (`postgres://u:p@h`, `https://u:p@h`); the range is the password alone. */
export function findUrlCredentials(text: string, out: Hit[]): void {
  URL_CREDS.lastIndex = 0;
  for (let m = URL_CREDS.exec(text); m; m = URL_CREDS.exec(text)) {
    const password = m[3];
    const start = m.index + m[0].length - 2 - password.length;
    // A text mentioning the form (`user:password@host`) or a template is not a credential.
    if (isTemplateOrReference(password) || isPlaceholder(password) || password.length < 4 || /^(?:pass(?:word)?|pwd|secret|foo|bar|baz|qux|\*+|x+|\$\w+)$/i.test(password) || /^\d{1,5}$/.test(password)) continue;
    const db = DB_SCHEMES.test(m[1]);
    const sample = sampleReason(password);
    out.push({ start, end: start + password.length, provider: db ? 'database-url' : 'url-credentials', label: db ? `${m[1].toLowerCase()} URL password` : 'password in URL', env: db ? 'DATABASE_URL' : 'URL_PASSWORD', wholeUrl: true, evidence: 'context', ...(sample ? { sample } : {}) });
  }
}

const AZURE_KEY = /\b(AccountKey|SharedAccessKey|AccessKey)=([A-Za-z0-9+/]{30,100}={0,2})/g;
const SAS_SIG = /[?&;]sig=([A-Za-z0-9%+/]{30,120}(?:%3D|=){0,2})/g;

/** Azure storage/service-bus connection-string keys and SAS token signatures. */
export function findAzure(text: string, out: Hit[]): void {
  AZURE_KEY.lastIndex = 0;
  for (let m = AZURE_KEY.exec(text); m; m = AZURE_KEY.exec(text)) {
    if (isPlaceholder(m[2])) continue;
    const start = m.index + m[1].length + 1;
    out.push({ start, end: start + m[2].length, provider: 'azure-connection-string', label: 'Azure connection-string key', env: 'AZURE_STORAGE_CONNECTION_STRING', evidence: 'format' });
  }
  SAS_SIG.lastIndex = 0;
  for (let m = SAS_SIG.exec(text); m; m = SAS_SIG.exec(text)) {
    if (isPlaceholder(m[1])) continue;
    const start = m.index + 5;
    out.push({ start, end: start + m[1].length, provider: 'azure-sas', label: 'Azure SAS signature', env: 'AZURE_SAS_TOKEN', evidence: 'format' });
  }
}
