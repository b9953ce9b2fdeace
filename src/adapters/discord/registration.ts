import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  SlashCommandBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { commands as allCommands, type Command } from '../../../commands/index.ts';
import { clip } from './embed-limits.ts';

/**
 * Application (slash) command JSON generated from `commands/`: every command, its
 * options as typed string options, autocomplete where the option completes companies
 * or metrics. A command added to `commands/` is registered without a change here.
 */

/** One command as Discord's API takes it. */
export type CommandPayload = RESTPostAPIChatInputApplicationCommandsJSONBody;

/** Discord's rules for chat-input commands (checked before anything is sent). */
export const COMMAND_RULES = {
  name: /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u,
  descriptionMax: 100,
  optionsMax: 25,
  choicesMax: 25,
  stringLengthMax: 6000,
  /** Name, description and every option's name, description and choices of one command. */
  totalCharsMax: 4000,
  /** Chat-input commands per scope (global, or one guild). */
  commandsMax: 100,
} as const;

/** The JSON of one command. Required options go first (Discord demands it; options are named, so order does not matter to users). */
export function commandPayload(command: Command<any>): CommandPayload {
  const builder = new SlashCommandBuilder()
    .setName(command.name.toLowerCase())
    .setDescription(clip(command.description, COMMAND_RULES.descriptionMax))
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
  const ordered = [...command.options.filter((o) => o.required), ...command.options.filter((o) => !o.required)];
  for (const option of ordered) {
    builder.addStringOption((s) =>
      s
        .setName(option.name.toLowerCase())
        .setDescription(clip(option.description, COMMAND_RULES.descriptionMax))
        .setRequired(option.required)
        .setAutocomplete(option.autocomplete === 'company' || option.autocomplete === 'metric')
        .setMaxLength(Math.min(Math.max(1, option.maxLength), COMMAND_RULES.stringLengthMax)),
    );
  }
  return builder.toJSON();
}

/** The JSON of every command in `commands/`. */
export function commandPayloads(list: ReadonlyArray<Command<any>> = allCommands): CommandPayload[] {
  return list.map(commandPayload);
}

/** Every way the payloads break Discord's rules, as sentences; empty when they are valid. */
export function validateCommandPayloads(payloads: readonly CommandPayload[]): string[] {
  const problems: string[] = [];
  if (payloads.length > COMMAND_RULES.commandsMax) problems.push(`${payloads.length} commands; Discord allows ${COMMAND_RULES.commandsMax}`);
  const names = new Set<string>();
  for (const p of payloads) {
    const where = `/${p.name}`;
    if (names.has(p.name)) problems.push(`${where}: the name is used twice`);
    names.add(p.name);
    if ((p.type ?? ApplicationCommandType.ChatInput) !== ApplicationCommandType.ChatInput) problems.push(`${where}: not a chat-input command`);
    problems.push(...nameProblems(where, p.name), ...descriptionProblems(where, p.description));
    const options = p.options ?? [];
    if (options.length > COMMAND_RULES.optionsMax) problems.push(`${where}: ${options.length} options; at most ${COMMAND_RULES.optionsMax}`);
    let total = p.name.length + p.description.length;
    let optionalSeen = false;
    const optionNames = new Set<string>();
    for (const o of options) {
      const at = `${where} option ${o.name}`;
      problems.push(...nameProblems(at, o.name), ...descriptionProblems(at, o.description));
      if (optionNames.has(o.name)) problems.push(`${at}: the name is used twice`);
      optionNames.add(o.name);
      total += o.name.length + o.description.length;
      if (o.type !== ApplicationCommandOptionType.String) {
        problems.push(`${at}: type ${o.type}; commands/ options are text, type ${ApplicationCommandOptionType.String}`);
        continue;
      }
      if (o.required) {
        if (optionalSeen) problems.push(`${at}: a required option after an optional one`);
      } else {
        optionalSeen = true;
      }
      const choices = 'choices' in o ? (o.choices ?? []) : [];
      if (o.autocomplete && choices.length) problems.push(`${at}: autocomplete and choices together`);
      if (choices.length > COMMAND_RULES.choicesMax) problems.push(`${at}: ${choices.length} choices; at most ${COMMAND_RULES.choicesMax}`);
      for (const c of choices) total += c.name.length + String(c.value).length;
      const max = o.max_length;
      const min = o.min_length;
      if (max !== undefined && (!Number.isInteger(max) || max < 1 || max > COMMAND_RULES.stringLengthMax)) problems.push(`${at}: max_length ${max} outside 1-${COMMAND_RULES.stringLengthMax}`);
      if (min !== undefined && (!Number.isInteger(min) || min < 0 || min > COMMAND_RULES.stringLengthMax || (max !== undefined && min > max))) problems.push(`${at}: min_length ${min} invalid`);
    }
    if (total > COMMAND_RULES.totalCharsMax) problems.push(`${where}: ${total} characters of names and descriptions; at most ${COMMAND_RULES.totalCharsMax}`);
  }
  return problems;
}

function nameProblems(where: string, name: string): string[] {
  if (!COMMAND_RULES.name.test(name)) return [`${where}: name "${name}" must be 1-32 letters, digits, - or _`];
  if (name !== name.toLowerCase()) return [`${where}: name "${name}" must be lower case`];
  return [];
}

function descriptionProblems(where: string, description: string): string[] {
  if (description.length < 1 || description.length > COMMAND_RULES.descriptionMax) return [`${where}: description of ${description.length} characters; 1-${COMMAND_RULES.descriptionMax}`];
  return [];
}
