// A forward-only reader over a stream of byte chunks, so large files are scanned in bounded memory.
import * as fs from 'fs';

/**
 * Reads bytes from an async chunk source. Only the unread tail of the current chunk is kept,
 * so memory stays at about one chunk plus the largest `fill(n)` a caller asks for.
 * Synchronous accessors (`byte`, `take`) assume a preceding `fill` made the bytes available.
 */
export class ByteReader {
  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;
  private base = 0;
  private ended = false;

  constructor(private readonly chunks: AsyncIterator<Buffer>) {}

  /** Absolute offset of the next unread byte. */
  get offset(): number {
    return this.base + this.pos;
  }

  /** Bytes available without waiting. */
  available(): number {
    return this.buf.length - this.pos;
  }

  /** Waits until at least `n` bytes are available or the source ends; returns the number available. */
  async fill(n: number): Promise<number> {
    while (this.available() < n && !this.ended) {
      const r = await this.chunks.next();
      if (r.done) {
        this.ended = true;
        break;
      }
      const chunk = Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value);
      const rest = this.buf.subarray(this.pos);
      this.base += this.pos;
      this.buf = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
      this.pos = 0;
    }
    return this.available();
  }

  /** True when every byte has been read. */
  async atEnd(): Promise<boolean> {
    return (await this.fill(1)) === 0;
  }

  /** The next byte without consuming it (call `fill(1)` first). */
  peek(): number {
    return this.buf[this.pos];
  }

  /** Consumes one byte (call `fill(1)` first). */
  byte(): number {
    return this.buf[this.pos++];
  }

  /** Consumes `n` available bytes; the result is a view, valid until the next `fill`. */
  take(n: number): Buffer {
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** Discards up to `n` bytes without keeping them; returns how many were skipped (fewer at end of input). */
  async skip(n: number): Promise<number> {
    let left = n;
    while (left > 0) {
      if ((await this.fill(1)) === 0) break;
      const step = Math.min(left, this.available());
      this.pos += step;
      left -= step;
    }
    return n - left;
  }

  /** Releases the source (closes a file stream that was not read to its end). */
  async close(): Promise<void> {
    await this.chunks.return?.();
  }

  /**
   * Reads a `\n`-terminated line (without the newline). Returns undefined when no newline comes
   * within `max` bytes or before the end; nothing is consumed then.
   */
  async line(max: number): Promise<Buffer | undefined> {
    for (let want = Math.min(256, max); ; want = Math.min(want * 4, max)) {
      const have = await this.fill(want);
      const nl = this.buf.indexOf(0x0a, this.pos);
      if (nl >= 0 && nl - this.pos < max) {
        const out = this.buf.subarray(this.pos, nl);
        this.pos = nl + 1;
        return out;
      }
      if (have < want || want >= max) return undefined;
    }
  }
}

/** A reader over an in-memory buffer. */
export function bufferReader(buf: Buffer): ByteReader {
  return new ByteReader((async function* () {
    yield buf;
  })());
}

/** A reader over a file from `start`, in 1 MiB chunks. Stream errors surface from `fill`. */
export function fileReader(path: string, start = 0): ByteReader {
  const stream = fs.createReadStream(path, { start, highWaterMark: 1 << 20 });
  return new ByteReader(stream[Symbol.asyncIterator]());
}
