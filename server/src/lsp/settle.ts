// After keystroke (fast-path) analyses, one full analysis once the document has been idle for a moment.
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
