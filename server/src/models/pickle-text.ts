// Decodes the text arguments of protocol-0 pickle opcodes (STRING quoting, UNICODE raw-unicode-escape).

const latin1 = (b: Buffer): string => b.toString('latin1');

/** Decodes a STRING argument (a Python repr: quoted, backslash escapes); undefined when not quoted. */
export function decodeStringArg(raw: Buffer): string | undefined {
  const s = latin1(raw).replace(/\r$/, '');
  if (s.length < 2 || (s[0] !== "'" && s[0] !== '"') || s[s.length - 1] !== s[0]) return undefined;
  const body = s.slice(1, -1);
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '0': '\0' };
  return body.replace(/\\(x[0-9a-fA-F]{2}|[0-7]{1,3}|.)/g, (m, e: string) => {
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (/^[0-7]+$/.test(e)) return String.fromCharCode(parseInt(e, 8) & 0xff);
    return simple[e] ?? m;
  });
}

/** Decodes a UNICODE argument (raw-unicode-escape: latin-1 with \uXXXX and \UXXXXXXXX escapes). */
export function decodeUnicodeArg(raw: Buffer): string {
  return latin1(raw).replace(/\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})/g, (m, u4?: string, u8?: string) => {
    const cp = parseInt((u4 ?? u8)!, 16);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  });
}

/** Decodes a GLOBAL/INST module or name line (UTF-8, as CPython does). */
export function decodeNameLine(raw: Buffer): string {
  return raw.toString('utf8');
}

/** Parses a decimal memo index (PUT/GET argument); undefined when not a non-negative integer. */
export function decodeIndexArg(raw: Buffer): number | undefined {
  const s = latin1(raw).trim();
  return /^\d{1,15}$/.test(s) ? Number(s) : undefined;
}
