import type { Logger } from 'pino';
import type { CommandContext } from '../../../../commands/index.ts';
import { errorAnswer, newErrorId, runCommand } from '../../../../commands/run.ts';
import type { Answer } from '../../../core/answer.ts';
import { rateLimitMessage, type RateLimitOptions } from '../../shared/rate-limit.ts';
import { SharedDedupe, SharedRateLimiter, SharedThreads, type SharedStateOptions } from '../../shared/shared-state.ts';
import type { BotStore } from '../../../store/types.ts';
import { safeError } from '../bolt-logger.ts';
import type { AnswerRequest } from '../button-value.ts';
import type { ChartUploader } from '../chart-upload.ts';
import { sendWithChart, type RenderWithChart } from '../chart-send.ts';
import { withDeadline } from '../deadlines.ts';
import { DeliveryDedupe } from '../dedupe.ts';
import { ThreadMemory } from '../thread-memory.ts';
import { AnswerLane } from '../../shared/answer-lane.ts';

/** Where a request came from on Slack. */
export interface SlackOrigin {
  team?: string;
  channel: string;
  user: string;
}

/** The store behind the state replicas share, and its timing. */
export interface SharedStateWiring {
  store?: Pick<BotStore, 'deliveries' | 'rateLimits' | 'threads'>;
  options?: SharedStateOptions;
}

/**
 * What the handlers share: the base command context (with the chart attacher `main`
 * gives it), the delivery de-duplication, the rate limiter, thread memories (all three
 * in the store when there is one, with the in-process ones in front), the chart
 * uploader, and the work in flight (so `stop` can let it finish).
 */
export class HandlerState {
  readonly dedupe: SharedDedupe;
  readonly threads: SharedThreads;
  readonly limiter: SharedRateLimiter;
  private readonly inFlight = new Set<Promise<unknown>>();
  /** Answers wait for bursts of requests to be acknowledged first. */
  readonly lane = new AnswerLane();

  constructor(
    readonly logger: Logger,
    private readonly baseContext: () => CommandContext,
    readonly answerDeadlineMs: number,
    rateLimit: RateLimitOptions,
    readonly charts: ChartUploader,
    shared: SharedStateWiring = {},
  ) {
    this.dedupe = new SharedDedupe(shared.store?.deliveries, new DeliveryDedupe(), logger, shared.options);
    this.threads = new SharedThreads(shared.store?.threads, new ThreadMemory(), logger, shared.options);
    this.limiter = new SharedRateLimiter(shared.store?.rateLimits, rateLimit, logger, shared.options);
  }

  /**
   * Take one question's budget for a user. Returns the polite refusal when over the
   * limit, undefined when the question may go ahead.
   */
  async refusal(origin: SlackOrigin): Promise<string | undefined> {
    const decision = await this.limiter.take(`${origin.team ?? '-'}:${origin.user}`);
    return decision.ok ? undefined : rateLimitMessage(decision.retryAfterMs);
  }

  /**
   * Answer a request. Never throws: a failure or an answer past the deadline becomes an
   * apology with a reference id, which is also logged.
   */
  async answer(request: AnswerRequest, origin: SlackOrigin): Promise<Answer> {
    const ctx: CommandContext = {
      ...this.baseContext(),
      channel: { platform: 'slack', id: origin.channel, workspace: origin.team },
      user: { id: origin.user },
      conversation: request.conversation,
    };
    try {
      // Acknowledgements first: answers take turns, one per turn of the event loop.
      await this.lane.turn();
      return await withDeadline(runCommand(request.command, { text: request.text }, ctx), this.answerDeadlineMs);
    } catch (error) {
      const errorId = newErrorId();
      this.logger.error({ errorId, command: request.command, err: safeError(error) }, 'slack answer failed');
      return errorAnswer(request.text.slice(0, 200), request.command, errorId);
    }
  }

  /**
   * Send an answer, with its chart uploaded and shown when it has one (see
   * `chart-send.ts`). Rejects only when the answer itself is refused.
   */
  send(answer: Answer, origin: SlackOrigin, render: RenderWithChart, send: (message: ReturnType<RenderWithChart>) => Promise<unknown>): Promise<void> {
    return sendWithChart({ answer, team: origin.team, charts: this.charts, logger: this.logger, render, send });
  }

  /** Run work to completion in the background of a handler, and remember it until done. */
  track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    void work.then(
      () => this.inFlight.delete(work),
      () => this.inFlight.delete(work),
    );
    return work;
  }

  /** Wait for the work in flight, at most `ms`. */
  async drain(ms: number): Promise<void> {
    if (!this.inFlight.size) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    });
    await Promise.race([Promise.allSettled([...this.inFlight]), timeout]);
    clearTimeout(timer);
  }
}

/**
 * A line typed in a mention or DM as a request: `/metric ...` names a command, anything
 * else is a question for `/ask` (the same reading as `runInput`).
 */
export function requestFromLine(line: string): { command: string; text: string } {
  const m = line.trimStart().match(/^\/([\p{L}\p{N}_-]{1,40})(?:\s+([\s\S]*))?$/u);
  return m ? { command: m[1]!, text: m[2] ?? '' } : { command: 'ask', text: line };
}
