// Test helper: asserts that a function's running time grows linearly with its input size (two sizes compared, not absolute times).
import assert from 'node:assert/strict';

/** Best of `runs` wall-clock times of `fn()`, in ms (the minimum filters out pauses on a loaded machine). */
export function bestTime(fn: () => unknown, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    best = Math.min(best, performance.now() - t);
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
