// Model-file scanner entry point (pickle, PyTorch, NumPy, Keras/HDF5, safetensors); reads bytes, never loads.
import * as fs from 'fs';
import * as zlib from 'zlib';
import type { Problem } from '../engine/finding';
import { scanArchive } from './archive';
import { ByteReader, fileReader } from './byte-reader';
import { isHdf5, scanH5 } from './keras';
import { isNpy, scanNpy } from './numpy';
import { scanPickleStream } from './pickle-scan';
import { looksLikeSafetensors, scanSafetensors } from './safetensors';

/** Limits for one model file scan. */
export interface ModelScanOptions {
  /** Files larger than this are skipped with a problem. */
  maxBytes: number;
}

/** A model-file finding before the engine applies the card (severity, overrides). Always on line 1. */
export interface RawModelFinding {
  ruleId: string;
  message: string;
  /** Overrides the card severity when the evidence is weaker/stronger (e.g. unknown vs dangerous global). */
  severity?: 'error' | 'warning' | 'note';
  properties?: Record<string, unknown>;
}

/** What scanning one model file found. */
export interface ModelScanResult {
  findings: RawModelFinding[];
  problems: Problem[];
}

const PICKLE_EXT = ['.pkl', '.pickle', '.joblib', '.dat', '.data', '.dill'];
const TORCH_EXT = ['.pt', '.pth', '.bin', '.ckpt'];
// torch.save's legacy (pre-1.6) format starts with a protocol-2 pickle of this LONG1 magic number.
const LEGACY_TORCH = Buffer.from('80028a0a6cfc9c46f9206aa85019', 'hex');

const ext = (p: string) => {
  const base = p.replace(/^.*[\\/]/, '').toLowerCase();
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot);
};
const isZip = (h: Buffer) => h.length >= 4 && h[0] === 0x50 && h[1] === 0x4b && (h[2] === 3 || h[2] === 5) && (h[3] === 4 || h[3] === 6);
const isPickleMagic = (h: Buffer) => h.length >= 2 && h[0] === 0x80 && h[1] <= 5;
// joblib.dump(compress=...) wraps the pickle in one of these; reading it as opcodes would only report noise.
function compression(h: Buffer): string | undefined {
  if (h[0] === 0x78 && [0x01, 0x5e, 0x9c, 0xda].includes(h[1])) return 'zlib';
  if (h[0] === 0x1f && h[1] === 0x8b) return 'gzip';
  if (h.subarray(0, 3).toString('latin1') === 'BZh') return 'bz2';
  if (h.subarray(0, 6).equals(Buffer.from('fd377a585a00', 'hex'))) return 'xz';
  if (h.subarray(0, 4).equals(Buffer.from('04224d18', 'hex'))) return 'lz4';
  if (h.subarray(0, 2).toString('latin1') === 'ZF') return 'zlib';
  return undefined;
}
/** Extensions that pickle scanners claim but many other tools use for their own binary or text data. */
const AMBIGUOUS_EXT = ['.dat', '.data'];
/** Printable ASCII/UTF-8 text with line breaks and no NUL (a `.pth` path file, a config). */
const isText = (h: Buffer) => h.length > 0 && !h.includes(0) && h.every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127) || b >= 0xc2);
const skipped = (message: string): ModelScanResult => ({ findings: [], problems: [{ kind: 'skipped', message }] });

async function readHead(path: string, n: number): Promise<Buffer> {
  const fh = await fs.promises.open(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

async function scanPickleFile(path: string, head: Buffer): Promise<ModelScanResult> {
  const legacy = head.subarray(0, LEGACY_TORCH.length).equals(LEGACY_TORCH);
  const r = fileReader(path);
  try {
    const { findings, problems } = await scanPickleStream(r, {}, legacy ? { expectedPickles: 5, rawTail: true } : {});
    return { findings, problems };
  } finally {
    await r.close();
  }
}

/** Decompressed bytes scanned at most from a compressed pickle: a decompression bomb stops here. */
const MAX_INFLATED = 1 << 30;

/** joblib's zlib/gzip-compressed pickles: inflate as a stream (bounded) and disassemble what comes out. */
async function scanCompressedPickle(path: string, kind: 'zlib' | 'gzip'): Promise<ModelScanResult> {
  const src = fs.createReadStream(path, { highWaterMark: 1 << 20 });
  const inflate = kind === 'gzip' ? zlib.createGunzip() : zlib.createInflate();
  src.on('error', (e) => inflate.destroy(e));
  src.pipe(inflate);
  let total = 0;
  let capped = false;
  const chunks = async function* () {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > MAX_INFLATED) {
        capped = true;
        return;
      }
      yield chunk;
    }
  };
  const r = new ByteReader(chunks());
  try {
    const { findings, problems } = await scanPickleStream(r, {}, {});
    if (capped) problems.push({ kind: 'skipped', message: `${kind}-compressed pickle inflates past ${MAX_INFLATED / 1048576} MiB; scanned the first ${MAX_INFLATED / 1048576} MiB` });
    return { findings, problems };
  } catch (e) {
    return { findings: [], problems: [{ kind: 'parse-error', message: `${kind} stream is corrupt: ${(e as Error).message}` }] };
  } finally {
    src.destroy();
    inflate.destroy();
    await r.close();
  }
}

async function dispatch(path: string, size: number): Promise<ModelScanResult> {
  const head = await readHead(path, 64);
  const e = ext(path);
  if (size === 0) return skipped('empty file');
  if (isZip(head)) return scanArchive(path, e === '.keras' ? 'keras' : e === '.npz' ? 'npz' : TORCH_EXT.includes(e) ? 'torch' : 'zip');
  if (isNpy(head)) {
    const r = fileReader(path);
    try {
      return await scanNpy(r);
    } finally {
      await r.close();
    }
  }
  if (isHdf5(head)) return scanH5(path);
  // A safetensors length prefix can start with 0x80, so safetensors is recognised before pickle magic.
  if (e === '.safetensors' || looksLikeSafetensors(head, size)) return scanSafetensors(path, size);
  if (isPickleMagic(head)) return scanPickleFile(path, head);
  const packed = compression(head);
  if ((packed === 'zlib' || packed === 'gzip') && PICKLE_EXT.includes(e) && head.subarray(0, 2).toString('latin1') !== 'ZF') return scanCompressedPickle(path, packed);
  if (packed && PICKLE_EXT.includes(e)) return skipped(`${packed}-compressed pickle (joblib compress=...); only zlib and gzip are decompressed`);
  // site-packages-style `.pth` files are text (paths and `import` lines), not PyTorch checkpoints.
  if (e === '.pth' && isText(head)) return skipped('text .pth file (Python path configuration), not a PyTorch checkpoint');
  // Protocol 0/1 pickles have no magic; trust the extension, but `.dat`/`.data` are also generic data
  // formats: there a stream that imports nothing and breaks is "not a pickle", not a malformed one.
  if (PICKLE_EXT.includes(e) || ['.pt', '.pth', '.ckpt'].includes(e)) {
    const r = await scanPickleFile(path, head);
    if (AMBIGUOUS_EXT.includes(e) && r.findings.length > 0 && r.findings.every((f) => f.ruleId === 'pickle-malformed')) {
      return skipped(`no pickle protocol header and no valid pickle stream: ${e} file treated as non-pickle data`);
    }
    return r;
  }
  if (['.npz', '.keras'].includes(e)) return { findings: [], problems: [{ kind: 'parse-error', message: `${e} file is not a zip archive` }] };
  if (['.h5', '.hdf5'].includes(e)) return { findings: [], problems: [{ kind: 'parse-error', message: 'no HDF5 signature at the start of the file' }] };
  if (e === '.npy') return { findings: [], problems: [{ kind: 'parse-error', message: 'not a valid .npy file: missing \\x93NUMPY magic' }] };
  return skipped('not a zip, pickle, NumPy, HDF5 or safetensors file; not scanned');
}

/** Scans a model file by path. Never throws: unreadable or malformed input becomes findings/problems. */
export async function scanModelFile(path: string, opts: ModelScanOptions): Promise<ModelScanResult> {
  try {
    const stat = await fs.promises.stat(path);
    if (!stat.isFile()) return skipped('not a regular file');
    if (stat.size > opts.maxBytes) {
      return skipped(`model file is ${(stat.size / 1048576).toFixed(1)} MB, over the ${(opts.maxBytes / 1048576).toFixed(1)} MB limit (setting maxModelFileSize)`);
    }
    return await dispatch(path, stat.size);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return skipped(`cannot scan: ${err.code ?? err.message}`);
  }
}
