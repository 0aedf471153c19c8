// Validates a safetensors header (length, JSON, dtypes, shapes, data offsets); a valid file holds only tensors.
import * as fs from 'fs';
import type { ModelScanResult } from './scan-model';

// Bits per element for every dtype the safetensors format defines.
const DTYPE_BITS: Record<string, number> = {
  BOOL: 8, U8: 8, I8: 8, F8_E5M2: 8, F8_E4M3: 8, F8_E8M0: 8, I16: 16, U16: 16, F16: 16, BF16: 16,
  I32: 32, U32: 32, F32: 32, F64: 64, I64: 64, U64: 64, C64: 64, F4: 4, F6_E2M3: 6, F6_E3M2: 6,
};
// The reference implementation refuses headers over 100 MB.
const MAX_HEADER = 100_000_000;

/** True when `head` plausibly starts a safetensors file (sane length, then `{`). */
export function looksLikeSafetensors(head: Uint8Array, size: number): boolean {
  if (head.length < 9) return false;
  const n = Buffer.from(head).readBigUInt64LE(0);
  return n >= 2n && n <= BigInt(Math.min(MAX_HEADER, size - 8)) && head[8] === 0x7b;
}

const isUint = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** Problems with a parsed header object, given the size of the data section. */
export function headerIssues(header: unknown, dataLen: number): string[] {
  if (!header || typeof header !== 'object' || Array.isArray(header)) return ['header is not a JSON object'];
  const issues: string[] = [];
  const spans: [number, number, string][] = [];
  for (const [name, v] of Object.entries(header)) {
    if (name === '__metadata__') {
      if (!v || typeof v !== 'object' || Array.isArray(v) || !Object.values(v).every((x) => typeof x === 'string')) issues.push('__metadata__ must map strings to strings');
      continue;
    }
    const t = v as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
    if (!t || typeof t !== 'object') { issues.push(`\`${name}\` is not a tensor entry`); continue; }
    const bits = typeof t.dtype === 'string' ? DTYPE_BITS[t.dtype] : undefined;
    if (bits === undefined) issues.push(`\`${name}\` has unknown dtype ${JSON.stringify(t.dtype)}`);
    if (!Array.isArray(t.shape) || !t.shape.every(isUint)) { issues.push(`\`${name}\` has an invalid shape`); continue; }
    const offs = t.data_offsets;
    if (!Array.isArray(offs) || offs.length !== 2 || !offs.every(isUint) || offs[0] > offs[1]) { issues.push(`\`${name}\` has invalid data_offsets`); continue; }
    if (offs[1] > dataLen) issues.push(`\`${name}\` data_offsets end ${offs[1]} is past the end of the data (${dataLen} bytes)`);
    const count = (t.shape as number[]).reduce((a, b) => a * b, 1);
    if (bits !== undefined && Math.ceil((count * bits) / 8) !== offs[1] - offs[0]) issues.push(`\`${name}\` shape ${JSON.stringify(t.shape)} × ${String(t.dtype)} does not match its ${offs[1] - offs[0]} data bytes`);
    spans.push([offs[0], offs[1], name]);
  }
  // Tensors must tile the data section exactly: no overlaps (aliasing) and no hidden gaps.
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let end = 0;
  for (const [s, e, name] of spans) {
    if (s !== end) issues.push(s < end ? `\`${name}\` overlaps the previous tensor` : `${s - end} unreferenced bytes before \`${name}\``);
    end = Math.max(end, e);
  }
  if (spans.length && end < dataLen) issues.push(`${dataLen - end} unreferenced bytes after the last tensor`);
  return issues;
}

/** Validates the safetensors header of the file at `path` (only the header is read). */
export async function scanSafetensors(path: string, size: number): Promise<ModelScanResult> {
  const bad = (issues: string[]): ModelScanResult => ({
    findings: [{ ruleId: 'safetensors-invalid-header', message: `invalid safetensors header: ${issues.slice(0, 4).join('; ')}${issues.length > 4 ? ` (and ${issues.length - 4} more)` : ''}. Loaders reject it, or different loaders read it differently.`, properties: { issues: issues.slice(0, 50) } }],
    problems: [],
  });
  if (size < 8) return bad([`file is ${size} bytes, shorter than the 8-byte length prefix`]);
  const fh = await fs.promises.open(path, 'r');
  try {
    const pre = Buffer.alloc(8);
    await fh.read(pre, 0, 8, 0);
    const n = pre.readBigUInt64LE(0);
    if (n > BigInt(MAX_HEADER)) return bad([`header length ${n} is over the ${MAX_HEADER}-byte limit`]);
    if (Number(n) > size - 8) return bad([`header length ${n} runs past the end of the ${size}-byte file`]);
    const text = Buffer.alloc(Number(n));
    await fh.read(text, 0, text.length, 8);
    if (text[0] !== 0x7b) return bad(['header does not start with `{`']);
    let header: unknown;
    try {
      header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(text));
    } catch (e) {
      return bad([`header is not valid UTF-8 JSON (${(e as Error).message})`]);
    }
    const issues = headerIssues(header, size - 8 - Number(n));
    return issues.length ? bad(issues) : { findings: [], problems: [] };
  } finally {
    await fh.close();
  }
}
