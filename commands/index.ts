/** The commands' public face for front ends: the list, the runner and the types. */
export { commands, findCommand } from './registry.ts';
export { runCommand, runInput } from './run.ts';
export type { ChannelRef, Command, CommandContext, CommandOption, RawArgs } from './types.ts';
