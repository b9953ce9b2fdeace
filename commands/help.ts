import { z } from 'zod';
import { exampleCommands } from '../src/core/answers/examples.ts';
import { makeAnswer } from '../src/core/answers/make.ts';
import { defineCommand, type Command } from './types.ts';

/**
 * `/help [command]`: the commands and how to use them; `/help <command>` shows that
 * command's own examples. The list comes from the registry as a function, so this module
 * does not import the registry that lists it.
 */
export function helpCommand(listing: () => ReadonlyArray<Command<any>>) {
  return defineCommand({
    name: 'help',
    description: 'How to use the bot: commands and examples',
    usage: '/help [command]',
    options: [{ name: 'command', description: 'A command to explain', required: false, maxLength: 40 }],
    schema: z.object({ command: z.string().trim().max(40).optional() }),
    parseText: (text) => ({ command: text.replace(/^\//u, '') || undefined }),
    examples: () => ['/help', '/help metric', '/help subscribe'],
    run: (args, ctx) => {
      const commands = listing();
      const snapshot = ctx.engine.snapshot;
      const wanted = args.command ? commands.find((c) => c.name === args.command?.replace(/^\//u, '').toLowerCase()) : undefined;
      const shown = wanted ? [wanted] : commands;
      // The overview shows figure look-ups; a command's own help shows its own examples.
      const examples = wanted ? wanted.examples(snapshot) : exampleCommands(snapshot);
      const lines = wanted
        ? [`${wanted.usage}`, wanted.description, ...wanted.options.map((o) => `  ${o.name}${o.required ? '' : ' (optional)'}: ${o.description}`)]
        : [
            'Ask about the companies in the corpus; every figure comes with the sentence it is quoted from.',
            ...shown.map((c) => `${c.usage} — ${c.description}`),
            'Or just type a question, in English or Chinese. /help <command> explains one command.',
          ];
      if (examples.length) lines.push('', 'Examples:', ...examples.map((e) => `  ${e}`));
      return makeAnswer({
        query: args.command ?? '',
        command: 'help',
        status: args.command && !wanted ? 'not_found' : 'answered',
        message: args.command && !wanted ? `There is no command /${args.command}.\n${lines.join('\n')}` : lines.join('\n'),
        suggestions: examples,
        data: { commands: shown.map((c) => ({ name: c.name, usage: c.usage, description: c.description })) },
      });
    },
  });
}
