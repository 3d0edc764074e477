/**
 * Long work in slices: a job written as a generator that yields between units of work (the core's
 * `validateSteps` yields after each rule) runs for about `sliceMs` at a time and then gives the
 * event loop back, so that the server reads and answers the messages that came meanwhile.
 */
export interface SliceOptions {
  /** Work at least this long (ms) before giving the event loop back. */
  sliceMs: number;
  /**
   * Runs the next slice later. Default: two `setImmediate` hops. The message reader queues the
   * handling of what it read with `setImmediate` too; one hop would put the next slice ahead of a
   * request that came during this one, two let the request through first.
   */
  defer?: (next: () => void) => void;
  now?: () => number;
}

export interface SlicedJob<T> {
  /** Asked before every slice; when false, the job is dropped (nothing else is called). */
  wanted(): boolean;
  /** The job's value and the time spent working on it (ms, pauses not counted). */
  done(value: T, busyMs: number): void;
  /** The job (or `wanted`, or `done`) threw; it is dropped. */
  failed(error: unknown): void;
}

/** Starts `steps` at once; the first slice runs before this returns. */
export function runInSlices<T>(steps: Iterator<void, T, void>, job: SlicedJob<T>, options: SliceOptions): void {
  const defer = options.defer ?? ((next) => void setImmediate(() => setImmediate(next)));
  const now = options.now ?? (() => performance.now());
  let busy = 0;
  const slice = (): void => {
    try {
      if (!job.wanted()) return;
      const start = now();
      let step: IteratorResult<void, T>;
      do step = steps.next();
      while (!step.done && now() - start < options.sliceMs);
      busy += now() - start;
      if (step.done) job.done(step.value, busy);
      else defer(slice);
    } catch (e) {
      job.failed(e);
    }
  };
  slice();
}

/**
 * For a job on the current version of a document that is updated in place: whether the document
 * is still at the version it had when this was called (its object alone cannot tell, its
 * `version` moves with it).
 */
export function stillAt(doc: { readonly version: number }, current: () => { readonly version: number } | undefined): () => boolean {
  const version = doc.version;
  return () => current()?.version === version;
}
