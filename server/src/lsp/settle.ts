// Scheduling of analyses: coalesce changes within one event-loop turn, and a full analysis once a document is idle.
import type { PythonAnalysisCache } from '../engine/analyze';

/** How long a document must be idle before its full re-analysis. The keystroke path already published. */
const SETTLE_MS = 250;

const timers = new Map<string, NodeJS.Timeout>();

/**
 * If the last analysis took the one-statement fast path, runs `full` once no edit arrived for
 * SETTLE_MS: it re-parses the whole file, so statement boundaries and syntax errors are exact again.
 */
export function settleLater(key: string, cache: PythonAnalysisCache | undefined, full: () => void): void {
  clearTimeout(timers.get(key));
  timers.delete(key);
  if (!cache?.needsFullAnalysis) return;
  const t = setTimeout(() => {
    timers.delete(key);
    full();
  }, SETTLE_MS);
  t.unref();
  timers.set(key, t);
}

/** Forgets a pending full analysis (document closed). */
export function cancelSettle(key: string): void {
  clearTimeout(timers.get(key));
  timers.delete(key);
}

const pending = new Set<string>();

/**
 * Runs `fn` on the next turn of the event loop; calls for the same key in the same turn coalesce
 * into one run (which then sees the newest text). `setImmediate`, not a timer: no delay is added.
 */
export function coalesce(key: string, fn: () => void): void {
  if (pending.has(key)) return;
  pending.add(key);
  setImmediate(() => {
    pending.delete(key);
    fn();
  });
}
