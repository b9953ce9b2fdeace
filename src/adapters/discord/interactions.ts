import { ApplicationCommandOptionType, MessageFlags, type AutocompleteInteraction, type ChatInputCommandInteraction, type Interaction } from 'discord.js';
import type { Logger } from 'pino';
import { findCommand, runCommand, type CommandContext, type RawArgs } from '../../../commands/index.ts';
import { errorAnswer, newErrorId } from '../../../commands/run.ts';
import type { Answer } from '../../core/answer.ts';
import { rateLimitMessage, type RateDecision } from '../shared/rate-limit.ts';
import { completionChoices } from './autocomplete.ts';
import { ConversationStore } from './conversation.ts';
import { renderAnswer } from './render.ts';
import { describeError } from './safe-log.ts';
import { sendToInteraction } from './send.ts';
import { withDeadline, type LatencyTracker } from './timing.ts';

/** What the interaction handlers share with the rest of the adapter. */
export interface HandlerDeps {
  /** Base command context (engine, clock, logger); the handler adds channel, user and conversation. */
  context: () => CommandContext;
  logger: Logger;
  /** Per-user budget of questions (in the shared store when there is one). */
  limiter: { take(key: string): RateDecision | Promise<RateDecision> };
  conversations: ConversationStore;
  latency: LatencyTracker;
  /** Defer when no answer is ready this long after the interaction was created (Discord allows 3,000 ms). */
  deferAfterMs: number;
}

/** Route an interaction: slash commands and their autocomplete; anything else is not ours. */
export async function handleInteraction(interaction: Interaction, deps: HandlerDeps): Promise<void> {
  if (interaction.isAutocomplete()) return answerAutocomplete(interaction, deps);
  if (interaction.isChatInputCommand()) return answerCommand(interaction, deps);
}

/** Option values as the text arguments `runCommand` takes. */
function readOptions(interaction: ChatInputCommandInteraction): RawArgs {
  const raw: RawArgs = {};
  for (const o of interaction.options.data) {
    if (o.type === ApplicationCommandOptionType.String || o.type === ApplicationCommandOptionType.Integer || o.type === ApplicationCommandOptionType.Number) {
      if (o.value !== undefined && o.value !== null) raw[o.name] = String(o.value);
    }
  }
  return raw;
}

async function answerCommand(interaction: ChatInputCommandInteraction, deps: HandlerDeps): Promise<void> {
  const started = Date.now();
  const user = interaction.user;
  const log = deps.logger.child({ platform: 'discord', command: interaction.commandName, user: user.id, channel: interaction.channelId });
  let deferred = false;
  try {
    const decision = await deps.limiter.take(`discord:${user.id}`);
    if (!decision.ok) {
      log.info({ retryAfterMs: decision.retryAfterMs }, 'rate limited');
      await interaction.reply({ content: rateLimitMessage(decision.retryAfterMs), flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
      return;
    }
    const key = ConversationStore.key(interaction.channelId, user.id);
    const ctx: CommandContext = {
      ...deps.context(),
      channel: { platform: 'discord', id: interaction.channelId, workspace: interaction.guildId ?? undefined },
      user: { id: user.id, name: user.username },
      conversation: deps.conversations.get(key),
    };
    const run = () => runCommand(interaction.commandName, { options: readOptions(interaction) }, ctx);
    const defer = async () => {
      await interaction.deferReply();
      deferred = true;
    };
    // Time already spent since Discord created the interaction counts against the 3 s.
    const age = Math.min(Math.max(0, Date.now() - interaction.createdTimestamp), deps.deferAfterMs);
    let answer: Answer;
    if (deps.deferAfterMs - age <= 0 || deps.latency.expectSlow(interaction.commandName)) {
      await defer();
      answer = await run();
    } else {
      answer = (await withDeadline(run(), deps.deferAfterMs - age, defer)).value;
    }
    const ms = Date.now() - started;
    deps.latency.record(interaction.commandName, ms);
    deps.conversations.remember(key, answer);
    log.info({ status: answer.status, ms, deferred, errorId: answer.errorId }, 'answered');
    await sendToInteraction(interaction, renderAnswer(answer), deferred);
  } catch (error) {
    await apologize(interaction, error, log);
  }
}

/** An internal failure of the adapter itself: logged with a reference id, shown to the asker only. */
async function apologize(interaction: ChatInputCommandInteraction, error: unknown, log: Logger): Promise<void> {
  const errorId = newErrorId();
  log.error({ errorId, err: describeError(error) }, 'discord command failed');
  const apology = { content: errorAnswer(interaction.commandName, interaction.commandName, errorId).message, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } } as const;
  try {
    if (interaction.replied || interaction.deferred) await interaction.followUp(apology);
    else await interaction.reply(apology);
  } catch (sendError) {
    log.warn({ errorId, err: describeError(sendError) }, 'could not send the apology either');
  }
}

async function answerAutocomplete(interaction: AutocompleteInteraction, deps: HandlerDeps): Promise<void> {
  const log = deps.logger.child({ platform: 'discord', command: interaction.commandName, autocomplete: true });
  try {
    const focused = interaction.options.getFocused(true);
    const kind = findCommand(interaction.commandName)?.options.find((o) => o.name === focused.name)?.autocomplete;
    let choices: ReturnType<typeof completionChoices> = [];
    if (kind) {
      const others: Record<string, string | undefined> = {};
      for (const o of interaction.options.data) if (o.name !== focused.name && typeof o.value === 'string') others[o.name] = o.value.slice(0, 100);
      choices = completionChoices(deps.context().engine.snapshot, kind, String(focused.value).slice(0, 100), others);
    }
    await interaction.respond(choices);
  } catch (error) {
    log.warn({ err: describeError(error) }, 'autocomplete failed');
    // An empty list still closes the request; the user can type freely.
    if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
  }
}
