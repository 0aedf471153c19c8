// Test helpers for the model scanner: pickle byte builders, a minimal zip writer and temp files.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { bufferReader } from '../../../server/src/models/byte-reader';
import { disassemblePickle, type Disassembly } from '../../../server/src/models/pickle-disassembler';

/** Concatenates strings (latin-1) and buffers into one Buffer. */
export const bytes = (...parts: (string | Buffer | number[])[]): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

/** SHORT_BINUNICODE opcode with its argument. */
export const sbu = (s: string) => bytes([0x8c, Buffer.byteLength(s)], Buffer.from(s));
/** BINUNICODE opcode with its argument. */
export const binu = (s: string) => { const b = Buffer.alloc(5); b[0] = 0x58; b.writeUInt32LE(Buffer.byteLength(s), 1); return bytes(b, Buffer.from(s)); };
/** GLOBAL opcode with module and name lines. */
export const glob = (m: string, n: string) => bytes(`c${m}\n${n}\n`);

/** Disassembles an in-memory pickle. */
export const dis = (b: Buffer): Promise<Disassembly> => disassemblePickle(bufferReader(b));

/** `module.name` of every import, in order. */
export const names = (d: Disassembly) => d.imports.map((i) => `${i.module}.${i.name}`);

/** A fresh temp directory, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsec-models-'));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** One zip entry: data as stored (already compressed for method 8), with the sizes to declare. */
export interface RawZipEntry {
  name: string;
  data: Buffer;
  method: 0 | 8;
  declaredSize: number;
}

/** Writes a zip with exactly the given (possibly lying) headers; CRCs are 0 (yauzl does not check them). */
export function makeZip(entries: RawZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0); lh.writeUInt16LE(20, 4); lh.writeUInt16LE(e.method, 8);
    lh.writeUInt32LE(e.data.length, 18); lh.writeUInt32LE(e.declaredSize, 22); lh.writeUInt16LE(name.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0); ch.writeUInt16LE(20, 4); ch.writeUInt16LE(20, 6); ch.writeUInt16LE(e.method, 10);
    ch.writeUInt32LE(e.data.length, 20); ch.writeUInt32LE(e.declaredSize, 24); ch.writeUInt16LE(name.length, 28); ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, e.data);
    centrals.push(ch, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0); eocd.writeUInt16LE(entries.length, 8); eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12); eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}
