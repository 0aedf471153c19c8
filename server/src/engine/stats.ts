// Optional per-phase time and byte counters (`mlsec scan --stats`); off by default, when each probe costs one branch.

/** One phase's totals: milliseconds, how often it ran and the bytes it was given. */
export interface PhaseStat {
  ms: number;
  calls: number;
  bytes: number;
}

/** Phase name -> totals. Names are `group:detail` (e.g. `parse:yaml`, `analyser:secrets`, `target:python`). */
export type Stats = Record<string, PhaseStat>;

let current: Stats | undefined;

/** Starts collecting in this thread (workers collect their own and send them to the main thread). */
export function enableStats(): void {
  current ??= {};
}

/** True while collecting: callers skip extra work (per-rule timing) otherwise. */
export function statsEnabled(): boolean {
  return current !== undefined;
}

/** Adds one measurement. */
export function addStat(phase: string, ms: number, bytes = 0, calls = 1): void {
  if (!current) return;
  const s = (current[phase] ??= { ms: 0, calls: 0, bytes: 0 });
  s.ms += ms;
  s.calls += calls;
  s.bytes += bytes;
}

/** Runs `fn` and, when collecting, adds its time to `phase`. */
export function measure<T>(phase: string, bytes: number, fn: () => T): T {
  if (!current) return fn();
  const t0 = performance.now();
  try {
    return fn();
  } finally {
    addStat(phase, performance.now() - t0, bytes);
  }
}

/** The async form of `measure`. */
export async function measureAsync<T>(phase: string, bytes: number, fn: () => Promise<T>): Promise<T> {
  if (!current) return fn();
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    addStat(phase, performance.now() - t0, bytes);
  }
}

/** Returns what was collected since the last call and starts afresh (undefined when not collecting). */
export function takeStats(): Stats | undefined {
  if (!current) return undefined;
  const out = current;
  current = {};
  return out;
}

/** Adds `from` into `into`. */
export function mergeStats(into: Stats, from: Stats | undefined): Stats {
  for (const [k, v] of Object.entries(from ?? {})) {
    const s = (into[k] ??= { ms: 0, calls: 0, bytes: 0 });
    s.ms += v.ms;
    s.calls += v.calls;
    s.bytes += v.bytes;
  }
  return into;
}

/** Adds figures collected elsewhere (a worker thread's) to this thread's. */
export function absorbStats(from: Stats | undefined): void {
  if (current) mergeStats(current, from);
}
