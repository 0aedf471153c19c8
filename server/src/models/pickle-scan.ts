// Scans a byte stream that holds one pickle (or, for legacy PyTorch files, a known sequence) and what follows it.
import type { Problem } from '../engine/finding';
import { ByteReader } from './byte-reader';
import { disassemblePickle, type Disassembly } from './pickle-disassembler';
import { pickleFindings, type PickleOrigin } from './pickle-verdict';
import type { ModelScanResult } from './scan-model';

/** How many pickles to read before the remainder is judged as trailing data. */
export interface PickleScanOptions {
  /** Legacy torch.save files hold 5 pickles (magic, version, sys info, object, storage keys) and raw storage bytes. */
  expectedPickles?: number;
  /** Raw data after the expected pickles is normal (legacy PyTorch storages). */
  rawTail?: boolean;
}

// Extra pickles after the first are examined up to this many, so a file of many tiny pickles stays cheap.
const MAX_TRAILING_PICKLES = 16;

function isPadding(b: Buffer): boolean {
  return b.every((x) => x === 0x0a || x === 0x0d || x === 0x20 || x === 0x00);
}

/** Scans pickles from `r` and judges any data after them. Never throws for malformed bytes. */
export async function scanPickleStream(r: ByteReader, origin: PickleOrigin = {}, opts: PickleScanOptions = {}): Promise<ModelScanResult & { streams: Disassembly[] }> {
  const expected = opts.expectedPickles ?? 1;
  const findings: ModelScanResult['findings'] = [];
  const problems: Problem[] = [];
  const streams: Disassembly[] = [];
  const label = origin.entry ? ` in ${origin.entry}` : '';
  for (let i = 0; i < expected; i++) {
    const d = await disassemblePickle(r);
    streams.push(d);
    // joblib writes raw array bytes inside the pickle right after each NumpyArrayWrapper; the walk cannot
    // step over them (their length lives in the wrapper's state), so it stops there and says so.
    const joblib = d.error && d.imports.some((g) => /^joblib\.numpy_pickle(_compat)?$/.test(g.module));
    const found = pickleFindings(joblib ? { ...d, error: undefined } : d, i === 0 ? origin : { ...origin, what: `pickle #${i + 1} at offset ${d.start}` });
    findings.push(...found);
    if (joblib) problems.push({ kind: 'skipped', message: `joblib array data at offset ${d.error!.offset}${label}: the pickle after the first embedded array was not scanned` });
    if (d.error?.kind === 'limit') problems.push({ kind: 'skipped', message: `pickle scan stopped at offset ${d.error.offset}${label}: ${d.error.message}; the rest was not checked` });
    if (d.error) return { findings, problems, streams };
  }
  if (opts.rawTail) return { findings, problems, streams };
  const tailStart = r.offset;
  if (await r.atEnd()) return { findings, problems, streams };
  await r.fill(16);
  const headCopy = Buffer.from(r.take(Math.min(16, r.available())));
  if (isPadding(headCopy) && (await r.atEnd())) return { findings, problems, streams };
  // Re-read the tail as pickles: the bytes just looked at are replayed in front of the rest.
  const replay = new ByteReader((async function* () {
    yield headCopy;
    while ((await r.fill(1)) > 0) yield Buffer.from(r.take(r.available()));
  })());
  const extra: Disassembly[] = [];
  for (let n = 0; n < MAX_TRAILING_PICKLES; n++) {
    const d = await disassemblePickle(replay);
    if (d.error || d.opcodes < 2) break;
    extra.push({ ...d, start: d.start + tailStart, end: d.end + tailStart });
    if (await replay.atEnd()) break;
  }
  await replay.skip(Number.MAX_SAFE_INTEGER);
  const tailBytes = replay.offset;
  if (extra.length) {
    for (const d of extra) findings.push(...pickleFindings({ ...d, error: undefined }, { ...origin, what: `hidden pickle at offset ${d.start}` }));
    findings.push({
      ruleId: 'pickle-trailing-data',
      message: `${origin.entry ? `\`${origin.entry}\`: ` : ''}${extra.length} more pickle stream(s) follow the first STOP at offset ${tailStart} (${tailBytes} bytes); a loader that reads on (a second pickle.load, a polyglot reader) runs them, and scanners that stop at STOP miss them.`,
      properties: { globals: [...new Set(extra.flatMap((d) => d.imports.map((g) => `${g.module}.${g.name}`)))], offset: tailStart, bytes: tailBytes, ...(origin.entry ? { entry: origin.entry } : {}) },
    });
  } else {
    findings.push({
      ruleId: 'pickle-trailing-data',
      severity: 'warning',
      message: `${origin.entry ? `\`${origin.entry}\`: ` : ''}${tailBytes} bytes of non-pickle data follow STOP at offset ${tailStart}; pickle.load ignores them, so the file may be a polyglot hiding another format.`,
      properties: { globals: [], offset: tailStart, bytes: tailBytes, ...(origin.entry ? { entry: origin.entry } : {}) },
    });
  }
  return { findings, problems, streams };
}
