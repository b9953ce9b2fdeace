import type { z } from 'zod';
import type { Answer, QueryContext } from '../src/core/answer.ts';
import type { ChannelRef } from '../src/core/channel.ts';
import type { CoreLogger } from '../src/core/logger.ts';
import type { CorpusSnapshot } from '../src/core/snapshot.ts';
import type { SubscriptionService } from '../src/core/subscriptions.ts';

/** What a command handler may use. Front ends build it; handlers never see a platform. */
export interface CommandContext {
  /** The current corpus snapshot (re-read on every call: re-indexing swaps it). */
  engine: { readonly snapshot: CorpusSnapshot };
  now: () => Date;
  channel?: ChannelRef;
  user?: { id: string; name?: string };
  /** What earlier messages of the same thread established, for follow-ups. */
  conversation?: QueryContext;
  logger?: CoreLogger;
  /** Id tying the log lines of one question together; generated when absent. */
  requestId?: string;
  /** Draws a chart for series and comparisons (src/charts); absent means answers carry no chart. */
  charts?: { attach(answer: Answer): Promise<Answer> };
  /** Weekly summary subscriptions; absent when the bot runs without its database. */
  subscriptions?: SubscriptionService;
}

/** One argument of a command: a typed option on Discord, a word of free text elsewhere. */
export interface CommandOption {
  name: string;
  description: string;
  required: boolean;
  /** Offer completions from the corpus. */
  autocomplete?: 'company' | 'metric';
  maxLength: number;
}

/** Raw arguments before validation: option name to text. */
export type RawArgs = Record<string, string | undefined>;

/** A command, defined once and used by every front end. */
export interface Command<A = unknown> {
  name: string;
  description: string;
  /** `/metric <company> <metric> [period]` */
  usage: string;
  options: readonly CommandOption[];
  /** Validates raw arguments (free text already split, or Discord options). */
  schema: z.ZodType<A, RawArgs>;
  /** Split free text (Slack, console, mentions) into raw arguments. */
  parseText(text: string, ctx: CommandContext): RawArgs;
  /**
   * Examples of this command that answer over the given corpus (`/help <command>` shows
   * them); drawn from the snapshot, so they never go stale and never hold a figure.
   */
  examples(snapshot: CorpusSnapshot): string[];
  run(args: A, ctx: CommandContext): Answer | Promise<Answer>;
}

/** Helper that keeps the argument type of a command definition. */
export function defineCommand<A>(command: Command<A>): Command<A> {
  return command;
}

export type { ChannelRef } from '../src/core/channel.ts';
