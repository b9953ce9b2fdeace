import { ask } from './ask.ts';
import { compare } from './compare.ts';
import { helpCommand } from './help.ts';
import { metric } from './metric.ts';
import { metrics } from './metrics.ts';
import { rank } from './rank.ts';
import { sources } from './sources.ts';
import { subscribe } from './subscribe.ts';
import { subscriptions } from './subscriptions.ts';
import { summary } from './summary.ts';
import type { Command } from './types.ts';
import { unsubscribe } from './unsubscribe.ts';

/**
 * The one list of commands. Help is given the list rather than importing it, and the
 * runner imports this module, so no command module imports another in a circle.
 */

/** Every command, in the order help lists them. Adapters register exactly these. */
export const commands: ReadonlyArray<Command<any>> = [metric, compare, rank, ask, sources, metrics, subscribe, unsubscribe, subscriptions, summary, helpCommand(() => commands)];

/** A command by name (without the slash). */
export function findCommand(name: string): Command<any> | undefined {
  const n = name.replace(/^\//u, '').toLowerCase();
  return commands.find((c) => c.name === n);
}
