// NumPy .npy scanning: parses the header; an object dtype means the body is a pickle, which is disassembled.
import type { ByteReader } from './byte-reader';
import { scanPickleStream } from './pickle-scan';
import type { PickleOrigin } from './pickle-verdict';
import type { ModelScanResult } from './scan-model';

/** What an .npy header says. */
export interface NpyHeader {
  version: number;
  descr: string;
  /** True when the dtype (or any field of a structured dtype) is `O`: the body is a pickle. */
  object: boolean;
}

const MAGIC = Buffer.from('\x93NUMPY', 'latin1');
// numpy refuses headers over 10000 bytes unless max_header_size is raised; allow some slack.
const MAX_HEADER = 1 << 20;

/** True when `head` starts with the .npy magic. */
export function isNpy(head: Uint8Array): boolean {
  return Buffer.from(head.subarray(0, 6)).equals(MAGIC);
}

/** Reads and parses an .npy header from `r`; returns an error string when it is not a valid header. */
export async function readNpyHeader(r: ByteReader): Promise<NpyHeader | string> {
  if ((await r.fill(10)) < 10) return 'file too short for an .npy header';
  const pre = r.take(10);
  if (!pre.subarray(0, 6).equals(MAGIC)) return 'missing \\x93NUMPY magic';
  const version = pre[6];
  if (version < 1 || version > 3) return `unsupported .npy format version ${version}.${pre[7]}`;
  let len = pre.readUInt16LE(8);
  if (version > 1) {
    if ((await r.fill(2)) < 2) return 'truncated header length';
    len = pre.readUInt16LE(8) + r.take(2).readUInt16LE(0) * 65536;
  }
  if (len > MAX_HEADER) return `header length ${len} is over ${MAX_HEADER} bytes`;
  if ((await r.fill(len)) < len) return 'truncated header';
  const text = r.take(len).toString(version === 3 ? 'utf8' : 'latin1');
  if (!/^\s*\{/.test(text) || !/'descr'\s*:/.test(text) || !/'shape'\s*:/.test(text)) return 'header is not a dict with descr and shape';
  const simple = /'descr'\s*:\s*'([^']*)'/.exec(text);
  const list = /'descr'\s*:\s*(\[.*\])\s*,\s*'(fortran_order|shape)'/s.exec(text);
  const descr = simple?.[1] ?? list?.[1];
  if (descr === undefined) return 'cannot read descr';
  // A structured dtype with an object field also pickles the whole array.
  const object = simple ? /^[|<>=]?O\d*$/.test(simple[1]) : /'[|<>=]?O\d*'/.test(descr);
  return { version, descr, object };
}

/** Scans an .npy stream: header, then (object dtype only) the pickle body. */
export async function scanNpy(r: ByteReader, origin: PickleOrigin = {}): Promise<ModelScanResult> {
  const header = await readNpyHeader(r);
  if (typeof header === 'string') {
    return { findings: [], problems: [{ kind: 'parse-error', message: `${origin.entry ? `${origin.entry}: ` : ''}not a valid .npy file: ${header}` }] };
  }
  if (!header.object) return { findings: [], problems: [] };
  const { findings, problems } = await scanPickleStream(r, { ...origin, what: `object array (dtype ${header.descr}) pickle` });
  return { findings, problems };
}
