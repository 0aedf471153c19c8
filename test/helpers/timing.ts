// Test helper: asserts that a function's running time grows linearly with its input size (two sizes compared, not absolute times).
import assert from 'node:assert/strict';

/** CPU time this process has used so far, in ms: unlike wall-clock time it does not grow while the machine is busy elsewhere. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Best of `runs` CPU times of `fn()`, in ms (CPU, not wall clock, and the minimum: a loaded shared machine must not fail a linearity check). */
export function bestTime(fn: () => unknown, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = cpuMs();
    fn();
    best = Math.min(best, cpuMs() - t);
  }
  return best;
}

/**
 * Times `run(make(n))` at `n` and at `factor * n` and fails when the larger input costs more than
 * `maxRatio` times the smaller one. With factor 16 a linear cost grows ~16x and a quadratic one ~256x,
 * so the default bound of 64 separates them with room for noise. Below `floorMs` at the larger size
 * nothing super-linear can be hiding (every quadratic shape fixed so far took a minute or more there), so it passes; the
 * smaller time counts as at least `minSmallMs`, since timings of a few ms are mostly noise. A failing
 * ratio is measured again (three tries) before it counts, so a pause of the shared 2-core machine
 * during one measurement does not fail the test.
 */
export function assertLinear(label: string, make: (n: number) => string, run: (input: string) => unknown, n: number, { factor = 16, maxRatio = 64, floorMs = 1000, minSmallMs = 10 } = {}): { small: number; large: number } {
  const a = make(n);
  const b = make(n * factor);
  run(a); // warm-up: JIT and caches, so the first timing is not the slow one
  let small = Infinity;
  let large = Infinity;
  for (let attempt = 0; attempt < 3; attempt++) {
    large = Math.min(large, bestTime(() => run(b), 1));
    if (large <= floorMs) return { small, large };
    small = Math.min(small, bestTime(() => run(a)));
    if (large / Math.max(small, minSmallMs) < maxRatio) return { small, large };
  }
  assert.fail(`${label}: ${small.toFixed(1)} ms at ${a.length} chars but ${large.toFixed(1)} ms at ${b.length} chars (×${(large / Math.max(small, minSmallMs)).toFixed(1)} for ×${factor} input): super-linear`);
}
