/**
 * Deadlines. Discord drops an interaction not acknowledged within 3 seconds, so the
 * adapter defers when an answer may be slow. Answers are mostly computed synchronously,
 * and a timer cannot interrupt synchronous work: so besides racing a timer, commands
 * seen to be slow recently are deferred before they start.
 */

/** Remembers how long each command took lately. */
export class LatencyTracker {
  private readonly recent = new Map<string, number[]>();

  constructor(
    /** A command that took longer than this in one of its last runs is deferred up front. */
    readonly slowMs = 800,
    private readonly window = 5,
  ) {}

  record(command: string, ms: number): void {
    const list = this.recent.get(command) ?? [];
    list.push(ms);
    if (list.length > this.window) list.shift();
    this.recent.set(command, list);
  }

  expectSlow(command: string): boolean {
    return (this.recent.get(command) ?? []).some((ms) => ms > this.slowMs);
  }
}

/**
 * Wait for `pending`, calling `onSlow` (and waiting for it) if it is not settled within
 * `ms`. Returns the result and whether `onSlow` ran.
 */
export async function withDeadline<T>(pending: Promise<T>, ms: number, onSlow: () => Promise<unknown>): Promise<{ value: T; slow: boolean }> {
  let timer: NodeJS.Timeout | undefined;
  const late = Symbol('late');
  const timeout = new Promise<typeof late>((resolve) => {
    timer = setTimeout(() => resolve(late), Math.max(0, ms));
  });
  try {
    const first = await Promise.race([pending, timeout]);
    if (first !== late) return { value: first as T, slow: false };
  } finally {
    clearTimeout(timer);
  }
  await onSlow();
  return { value: await pending, slow: true };
}
