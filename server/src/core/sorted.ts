/** Search in sorted data. */

/**
 * The first index in `[0, count)` for which `ok` holds, where `ok` is false up to some index and
 * true from it on (a binary search); `count` when it holds for none.
 */
export function firstIndex(count: number, ok: (i: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ok(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
