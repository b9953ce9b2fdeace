import { createInterface } from 'node:readline';
import type { QueryContext } from '../../core/answer.ts';
import { runInput, type CommandContext } from '../../../commands/index.ts';
import { renderText } from './render-text.ts';

/** Options of the console front end. */
export interface ConsoleOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Builds the command context for each line (engine, clock, logger). */
  context: () => CommandContext;
  /** Show a prompt and a greeting (interactive terminal). */
  interactive: boolean;
}

/**
 * The console chat: one line in, one answer out, the same commands as in chat. A
 * follow-up may leave out what the previous answer established ("and 2023?").
 */
export function startConsole(options: ConsoleOptions): Promise<void> {
  const rl = createInterface({ input: options.input, output: options.interactive ? options.output : undefined, terminal: options.interactive });
  let conversation: QueryContext | undefined;
  const write = (text: string) => options.output.write(`${text}\n`);
  if (options.interactive) {
    write('Type a question or a command (/help lists them). /quit ends.');
    rl.setPrompt('> ');
    rl.prompt();
  }
  let queue = Promise.resolve();
  return new Promise((resolveDone) => {
    rl.on('line', (line) => {
      queue = queue.then(async () => {
        const trimmed = line.trim();
        if (trimmed === '/quit' || trimmed === '/exit') {
          rl.close();
          return;
        }
        if (trimmed) {
          const ctx = { ...options.context(), conversation };
          const answer = await runInput(trimmed, ctx);
          if (answer.context && (answer.context.company || answer.context.metric)) conversation = answer.context;
          write(renderText(answer));
        }
        if (options.interactive) rl.prompt();
      });
    });
    rl.on('close', () => {
      void queue.then(() => resolveDone());
    });
  });
}
