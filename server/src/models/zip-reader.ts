// Reads zip-based model containers (.pt, .npz, .keras) with yauzl under limits, so bombs and liar headers cannot exhaust memory.
import type { Readable } from 'stream';
import * as yauzl from 'yauzl';
import { ByteReader } from './byte-reader';

/** Limits applied to every archive. */
export const ZIP_LIMITS = {
  /** Central-directory entries looked at. */
  maxEntries: 100_000,
  /** Declared uncompressed size of one entry mlsec reads. */
  maxEntryBytes: 1024 * 1024 * 1024,
  /** Declared uncompressed size of the whole archive. */
  maxTotalBytes: 256 * 1024 * 1024 * 1024,
  /** Declared uncompressed/compressed ratio above which a compressed entry counts as a bomb. */
  maxRatio: 200,
  /** Entries smaller than this are never called bombs, whatever their ratio. */
  ratioFloor: 64 * 1024 * 1024,
};

/** One central-directory entry, with what mlsec needs. */
export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  entry: yauzl.Entry;
}

/** An opened archive: its entries (up to the limit) and the limit violations seen in the directory. */
export interface OpenedZip {
  zip: yauzl.ZipFile;
  entries: ZipEntryInfo[];
  /** Human-readable limit violations from the central directory (entry count, total size, ratios, duplicates). */
  violations: string[];
  /** Entries whose declared size or ratio is over the limits; they are never read. */
  refused: Set<string>;
}

function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | undefined> {
  return new Promise((resolve, reject) => {
    const onEntry = (e: yauzl.Entry) => { cleanup(); resolve(e); };
    const onEnd = () => { cleanup(); resolve(undefined); };
    const onError = (err: Error) => { cleanup(); reject(err); };
    const cleanup = () => { zip.off('entry', onEntry); zip.off('end', onEnd); zip.off('error', onError); };
    zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
    zip.readEntry();
  });
}

/** Opens an archive and reads its central directory. Throws on a zip yauzl cannot parse (callers turn that into a problem). */
export async function openZip(path: string): Promise<OpenedZip> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false });
  const entries: ZipEntryInfo[] = [];
  const violations: string[] = [];
  const refused = new Set<string>();
  const seen = new Set<string>();
  let total = 0;
  if (zip.entryCount > ZIP_LIMITS.maxEntries) violations.push(`${zip.entryCount} entries (limit ${ZIP_LIMITS.maxEntries}); only the first ${ZIP_LIMITS.maxEntries} were examined`);
  for (let i = 0; i < ZIP_LIMITS.maxEntries; i++) {
    const e = await nextEntry(zip);
    if (!e) break;
    const info = { name: e.fileName, compressedSize: e.compressedSize, uncompressedSize: e.uncompressedSize, entry: e };
    total += e.uncompressedSize;
    if (seen.has(e.fileName)) violations.push(`two entries are named \`${e.fileName}\`; zip readers disagree on which one is loaded`);
    seen.add(e.fileName);
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > ZIP_LIMITS.ratioFloor && ratio > ZIP_LIMITS.maxRatio) {
      violations.push(`\`${e.fileName}\` inflates ${e.compressedSize} bytes to ${e.uncompressedSize} (ratio ${Math.round(ratio)}:1, limit ${ZIP_LIMITS.maxRatio}:1): a zip bomb`);
      refused.add(e.fileName);
    } else if (e.uncompressedSize > ZIP_LIMITS.maxEntryBytes) {
      refused.add(e.fileName);
    }
    entries.push(info);
  }
  if (total > ZIP_LIMITS.maxTotalBytes) violations.push(`entries declare ${total} bytes uncompressed in total (limit ${ZIP_LIMITS.maxTotalBytes})`);
  return { zip, entries, violations, refused };
}

/** A reader over one entry's decompressed bytes. yauzl errors (liar sizes, bad data) surface from `fill`. */
export async function entryReader(opened: OpenedZip, info: ZipEntryInfo): Promise<ByteReader> {
  const stream: Readable = await opened.zip.openReadStreamPromise(info.entry);
  return new ByteReader(stream[Symbol.asyncIterator]());
}

/** Reads a whole (small) entry into memory, refusing more than `max` bytes. */
export async function readEntry(opened: OpenedZip, info: ZipEntryInfo, max: number): Promise<Buffer | undefined> {
  if (info.uncompressedSize > max) return undefined;
  const r = await entryReader(opened, info);
  try {
    const n = await r.fill(max + 1);
    return n > max ? undefined : Buffer.from(r.take(n));
  } finally {
    await r.close();
  }
}

/** True when an error came from yauzl's size validation: the entry inflates past its declared size. */
export function isSizeLie(e: unknown): boolean {
  return e instanceof Error && /too many bytes in the stream|expected \d+\. got|size mismatch/i.test(e.message);
}
