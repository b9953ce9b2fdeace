/**
 * When to delete expired rows (delivery keys, idle buckets, old threads): at most once a
 * minute per table and process, so the tables stay small without a job to run.
 */
export class ExpirySweeper {
  private last = 0;

  constructor(private readonly everyMs = 60_000) {}

  /** True at most once per `everyMs`; the caller then sweeps. */
  due(now: number): boolean {
    if (now - this.last < this.everyMs) return false;
    this.last = now;
    return true;
  }
}
