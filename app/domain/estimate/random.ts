// Seeded randomness for the Monte Carlo: the same seed always gives the same ranges, so plans stay reproducible.

/** mulberry32: a tiny, fast 32-bit PRNG with good enough statistics for sampling triangular ranges. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Inverse-CDF sample of a triangular distribution (low ≤ mode ≤ high) from u ∈ [0, 1). */
export function triangular(u: number, low: number, mode: number, high: number): number {
  if (high <= low) return mode;
  const c = (mode - low) / (high - low);
  return u < c ? low + Math.sqrt(u * (high - low) * (mode - low)) : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
}

/** Nearest-rank percentile of an ascending-sorted array. */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const idx = Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1));
  return sorted[idx];
}

/**
 * The nearest-rank percentiles `percentileSorted` would read after sorting `values`, found by quickselect instead
 * of a full sort (the Monte Carlo needs three order statistics per month, not 400 sorted values). Reorders `values`.
 * Values must not be NaN.
 */
export function percentilesInPlace(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return ps.map(() => NaN);
  const ranks = ps.map((p) => Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1)));
  const order = ranks.map((_, i) => i).sort((a, b) => ranks[a] - ranks[b]);
  const out = new Array<number>(ps.length);
  let lo = 0;
  let last = -1;
  for (const i of order) {
    const k = ranks[i];
    // Everything after the previous order statistic is ≥ it, so the next one lies in that part.
    if (k !== last) {
      select(values, k, lo, n);
      lo = k + 1;
      last = k;
    }
    out[i] = values[k];
  }
  return out;
}

/** Hoare quickselect: afterwards a[k] is the k-th smallest of a[lo..hi), smaller ones before it, larger after. */
function select(a: Float64Array, k: number, lo: number, hi: number): void {
  let l = lo;
  let r = hi - 1;
  while (r > l) {
    const m = (l + r) >>> 1;
    const x = a[l];
    const y = a[m];
    const z = a[r];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = l;
    let j = r;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) r = j;
    else if (k >= i) l = i;
    else return;
  }
}
