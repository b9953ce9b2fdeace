import { ask } from './ask.ts';
import { compare } from './compare.ts';
import { help } from './help.ts';
import { metric } from './metric.ts';
import { metrics } from './metrics.ts';
import { sources } from './sources.ts';
import { subscribe } from './subscribe.ts';
import { subscriptions } from './subscriptions.ts';
import { summary } from './summary.ts';
import { unsubscribe } from './unsubscribe.ts';
import type { Command } from './types.ts';

/** Every command, in the order help lists them. Adapters register exactly these. */
export const commands: ReadonlyArray<Command<any>> = [metric, compare, ask, sources, metrics, subscribe, unsubscribe, subscriptions, summary, help];

/** A command by name (without the slash). */
export function findCommand(name: string): Command<any> | undefined {
  const n = name.replace(/^\//u, '').toLowerCase();
  return commands.find((c) => c.name === n);
}

export { runCommand, runInput } from './run.ts';
export type { ChannelRef, Command, CommandContext, CommandOption, RawArgs } from './types.ts';
