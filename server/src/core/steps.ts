/**
 * Work in steps: a generator that yields between pieces of work, so that the language server can
 * answer requests in between (server/slices.ts); elsewhere `drain` runs it to the end.
 */
export type Steps<T = void> = Generator<void, T, void>;

/** Runs `steps` to the end; their value. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
  }
}

/** Items (records, SPF candidates…) handled between two yields of a long loop. */
export const ITEMS_PER_STEP = 500;
