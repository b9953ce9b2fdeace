/**
 * Acknowledgements before answers. A chat platform wants its acknowledgement within
 * seconds while the answer may come a little later; when many commands arrive together,
 * answering them as they come would hold back the acknowledgements of the next ones.
 *
 * Answers take turns: one per turn of the event loop, and none while requests are still
 * arriving (a burst), so every request of a burst is acknowledged first. No answer waits
 * longer than `maxDelayMs` for a burst to end.
 */
export interface AnswerLaneOptions {
  /** A request within this long means a burst is on. */
  quietMs?: number;
  /** The longest an answer waits for a burst to end. */
  maxDelayMs?: number;
  now?: () => number;
}

export class AnswerLane {
  private readonly queue: Array<{ release: () => void; since: number }> = [];
  private scheduled = false;
  private lastArrival = Number.NEGATIVE_INFINITY;
  private readonly quietMs: number;
  private readonly maxDelayMs: number;
  private readonly now: () => number;

  constructor(options: AnswerLaneOptions = {}) {
    this.quietMs = options.quietMs ?? 25;
    this.maxDelayMs = options.maxDelayMs ?? 5000;
    this.now = options.now ?? (() => performance.now());
  }

  /** Call when a request arrives (before acknowledging it). */
  noteArrival(): void {
    this.lastArrival = this.now();
  }

  /** Resolves when it is this caller's turn to do its answer work. */
  turn(): Promise<void> {
    return new Promise((release) => {
      this.queue.push({ release, since: this.now() });
      this.schedule();
    });
  }

  /** Callers waiting for their turn. */
  get waiting(): number {
    return this.queue.length;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.pump());
  }

  private pump(): void {
    this.scheduled = false;
    const head = this.queue[0];
    if (!head) return;
    const now = this.now();
    if (now - this.lastArrival < this.quietMs && now - head.since < this.maxDelayMs) {
      // A burst is on: look again shortly, after the event loop has taken new requests.
      this.scheduled = true;
      setTimeout(() => this.pump(), this.quietMs);
      return;
    }
    this.queue.shift()!.release();
    if (this.queue.length) this.schedule();
  }
}
