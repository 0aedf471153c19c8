// IPv4/IPv6 addresses: public unicast only (private, loopback, link-local, documentation, multicast and well-known resolvers excluded).
import { isIPv6 } from 'net';
import type { Recognizer } from './recognizer';

/** True for IPv4 ranges that identify no person: RFC 1918, loopback, CGNAT, link-local, TEST-NETs, benchmarking, multicast, reserved. */
export function ipv4NotPersonal(o: number[]): boolean {
  const [a, b, c] = o;
  return a === 0 || a === 10 || a === 127 || a >= 224 ||
    (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) || (a === 192 && b === 0 && (c === 0 || c === 2)) || (a === 198 && (b === 18 || b === 19)) ||
    (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113);
}

// Public DNS resolvers (infrastructure, not a person's address) and the placeholder addresses docs use.
const RESOLVERS = new Set(['123.45.67.89', '12.34.56.78', '98.76.54.32', '8.8.8.8', '8.8.4.4', '1.1.1.1', '1.0.0.1', '9.9.9.9', '149.112.112.112', '208.67.222.222', '208.67.220.220']);

// Lines whose dotted quads are versions or servers, never a person's address: pip's install log (`nvidia-cufft-cu12==11.0.2.54 ...
// (11.0.2.54)`) and name resolution / connection output of wget, curl, ping, nslookup and dig, and mail relays' `Received: from` headers.
const NOT_PERSONAL_LINE = /^\s*(?:Requirement already satisfied|Collecting|Downloading|Installing collected|Successfully installed|Using cached|Obtaining|Building wheel|Created wheel|Attempting uninstall|Found existing installation|Uninstalling|Successfully uninstalled)\b|\b(?:Resolving|Connecting to|Trying|Connected to|PING|bytes from|nameserver|Non-authoritative answer|Server:|Address:|IN\s+A)\b|^\s*Received\s*:\s*from\b/;

/** The line of `text` around offset `at`. */
function lineAround(text: string, at: number): string {
  const start = text.lastIndexOf('\n', at) + 1;
  let end = text.indexOf('\n', at);
  if (end < 0) end = text.length;
  return text.slice(start, Math.min(end, start + 2000));
}

/** Public IPv4 addresses; version-like contexts (`v1.2.3.4`, `version 1.2.3.4`, `==1.2.3.4`) are not addresses. */
export const ipv4: Recognizer = {
  entity: 'ip-address',
  pattern: /(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)/g,
  context: ['ip', 'ip_address', 'ipaddress', 'client', 'remote', 'addr', 'x-forwarded-for', 'src', 'host'],
  score(value, text, start) {
    const parts = value.split('.');
    if (parts.some((p) => p.length > 1 && p.startsWith('0'))) return 0;
    const o = parts.map(Number);
    if (o.some((n) => n > 255) || ipv4NotPersonal(o) || RESOLVERS.has(value)) return 0;
    // ASN.1 object identifiers (2.5.4.3, 1.3.6.1) and dotted versions (3.1.4.1) share the shape:
    // OID arcs start at 0-2 with a second arc below 40, and mostly single-digit quads are versions.
    if ((o[0] <= 2 && o[1] < 40) || o.filter((n) => n < 10).length >= 3) return 0;
    const before = text.slice(Math.max(0, start - 12), start).toLowerCase();
    if (/(v|version|ver|release|[=<>~^]=?)\s*$/.test(before)) return 0;
    if (NOT_PERSONAL_LINE.test(lineAround(text, start))) return 0;
    return 0.6;
  },
};

/** Global-unicast IPv6 addresses (2000::/3) outside the documentation prefix 2001:db8::/32. */
export const ipv6: Recognizer = {
  entity: 'ip-address',
  pattern: /(?<![\w:.])[23][0-9A-Fa-f]{3}:[0-9A-Fa-f:]{2,}[0-9A-Fa-f](?![\w:])/g,
  context: ['ip', 'ipv6', 'ip_address', 'client', 'remote', 'addr'],
  score(value) {
    if (!isIPv6(value)) return 0;
    if (/^2001:0?db8:/i.test(value)) return 0;
    if ((value.match(/[0-9a-f]+/gi) ?? []).length < 4) return 0;
    return 0.6;
  },
};
