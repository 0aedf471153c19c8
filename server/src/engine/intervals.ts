// Overlap filtering for ranges in O(n log n): keeps a file with thousands of hits from costing the square of them.

/** A half-open range of offsets. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Keeps each item, in the given (priority) order, that overlaps no item kept before it; returns them
 * in that order. Empty ranges are dropped. Comparing each item with every kept one was
 * quadratic in the number of hits, which workspace text controls.
 */
export function keepNonOverlapping<T extends Span>(items: readonly T[]): T[] {
  if (items.length < 64) {
    const kept: T[] = [];
    for (const h of items) if (h.end > h.start && !kept.some((k) => h.start < k.end && k.start < h.end)) kept.push(h);
    return kept;
  }
  // Kept ranges are disjoint, so they are ordered by start; a Fenwick tree over the sorted distinct
  // starts counts kept starts in a range and finds the nearest kept start before a point.
  const starts = [...new Set(items.map((i) => i.start))].sort((a, b) => a - b);
  const tree = new Int32Array(starts.length + 1);
  const endAt = new Map<number, number>();
  const add = (i: number) => {
    for (let x = i + 1; x <= starts.length; x += x & -x) tree[x]++;
  };
  const prefix = (i: number) => {
    let s = 0;
    for (let x = i; x > 0; x -= x & -x) s += tree[x];
    return s;
  };
  // The k-th kept start (1-based) in sorted order.
  const kth = (k: number) => {
    let pos = 0;
    for (let step = 1 << Math.floor(Math.log2(starts.length)); step > 0; step >>= 1) {
      if (pos + step <= starts.length && tree[pos + step] < k) {
        pos += step;
        k -= tree[pos];
      }
    }
    return starts[pos];
  };
  // Number of distinct starts below `v`.
  const below = (v: number) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const kept: T[] = [];
  for (const h of items) {
    if (h.end <= h.start) continue;
    const from = below(h.start);
    // A kept range starting inside [start, end), or the nearest one starting before `start` reaching past it.
    if (prefix(below(h.end)) - prefix(from) > 0) continue;
    const before = prefix(from);
    if (before > 0 && endAt.get(kth(before))! > h.start) continue;
    add(from);
    endAt.set(h.start, h.end);
    kept.push(h);
  }
  return kept;
}

/**
 * A test "does this range overlap any of `spans`?" answered by binary search over the spans sorted by
 * start with a running maximum of their ends (spans may overlap each other), instead of a scan per query.
 */
export function overlapsAny(spans: readonly Span[]): (r: Span) => boolean {
  if (spans.length === 0) return () => false;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  for (const [i, s] of sorted.entries()) maxEnd.push(Math.max(s.end, i > 0 ? maxEnd[i - 1] : -Infinity));
  return (r) => {
    // The last span starting before r.end; some span up to it must end after r.start.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].start < r.end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnd[lo - 1] > r.start;
  };
}
