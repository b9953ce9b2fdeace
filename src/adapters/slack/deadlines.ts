/**
 * Slack's clocks. A command or interaction must be acknowledged within 3 s; the
 * response URL then stays valid for 30 minutes. The bot acks first and answers after,
 * and gives up on an answer that takes far longer than any real one should.
 */

/** How long Slack waits for an acknowledgement. */
export const SLACK_ACK_DEADLINE_MS = 3_000;

/** How long an answer may take before the user gets an apology instead of silence. */
export const DEFAULT_ANSWER_DEADLINE_MS = 25_000;

/** Thrown when work outlives its deadline. */
export class DeadlineExceededError extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'DeadlineExceededError';
  }
}

/** Resolve with the work's result, or reject with `DeadlineExceededError` after `ms`. */
export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceededError(ms)), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
