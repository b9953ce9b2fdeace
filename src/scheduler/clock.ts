/** The scheduler's notion of now: the system clock in production, a settable one in tests. */
export interface Clock {
  now(): Date;
}

/** The system clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to, so tests never wait in real time. */
export class ManualClock implements Clock {
  private ms: number;

  constructor(start: Date | string) {
    this.ms = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.ms);
  }

  /** Jump to an instant. */
  set(to: Date | string): void {
    this.ms = new Date(to).getTime();
  }

  /** Move forward by `ms`. */
  advance(ms: number): void {
    this.ms += ms;
  }
}
