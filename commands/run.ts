import { randomUUID } from 'node:crypto';
import { distance } from 'fastest-levenshtein';
import type { Answer } from '../src/core/answer.ts';
import { makeAnswer, sanitizeInput, tooLongAnswer } from '../src/core/answers/make.ts';
import { withPages } from '../src/core/answers/source-pages.ts';
import { commands, findCommand } from './registry.ts';
import type { CommandContext, RawArgs } from './types.ts';

/** How a command arrives: free text (Slack, console) or typed options (Discord). */
export type CommandInput = { text: string } | { options: RawArgs };

/** Short reference id for an internal error, shown to the user and written to the log. */
export function newErrorId(): string {
  return randomUUID().slice(0, 8);
}

/** The answer to an internal failure: an apology and the id that finds it in the log. */
export function errorAnswer(query: string, command: string, errorId: string): Answer {
  return makeAnswer({
    query,
    command,
    status: 'error',
    message: `Sorry, something went wrong while answering. If it happens again, give this reference to the team: ${errorId}.`,
    errorId,
  });
}

/**
 * Run a command by name. Validation errors come back as `invalid` answers naming the
 * usage; internal errors as `error` answers with a reference id that is also logged.
 * Every call is logged once with a request id, the command, its latency and outcome.
 * It never throws.
 */
export async function runCommand(name: string, input: CommandInput, ctx: CommandContext): Promise<Answer> {
  const requestId = ctx.requestId ?? randomUUID().slice(0, 8);
  const started = performance.now();
  let answer: Answer;
  try {
    answer = await dispatch(name, input, { ...ctx, requestId });
  } catch (error) {
    // dispatch catches what commands throw; this is the guard for anything else.
    answer = failed(name, '', error, { ...ctx, requestId });
  }
  ctx.logger?.info(
    {
      requestId,
      command: answer.command,
      platform: ctx.channel?.platform,
      latencyMs: Math.round((performance.now() - started) * 100) / 100,
      status: answer.status,
      figures: answer.figures.length,
      passages: answer.passages.length,
      errorId: answer.errorId,
    },
    'answered',
  );
  return answer;
}

async function dispatch(name: string, input: CommandInput, ctx: CommandContext): Promise<Answer> {
  const command = findCommand(name);
  const shownText = 'text' in input ? input.text : Object.values(input.options).filter(Boolean).join(' ');
  if (!command) {
    const near = commands.map((c) => c.name).filter((c) => distance(c, name.toLowerCase()) <= 2);
    return makeAnswer({
      query: `/${name} ${shownText}`.slice(0, 200),
      command: 'unknown',
      status: 'invalid',
      message: `There is no command /${name.slice(0, 40)}.${near.length ? ` Did you mean /${near[0]}?` : ''} Commands: ${commands.map((c) => `/${c.name}`).join(', ')}.`,
      suggestions: near.map((n) => `/${n}`),
    });
  }
  let raw: RawArgs;
  let query: string;
  if ('text' in input) {
    const { text, tooLong } = sanitizeInput(input.text);
    if (tooLong) return tooLongAnswer(command.name, text, input.text.length);
    query = text;
    try {
      raw = command.parseText(text, ctx);
    } catch (error) {
      return failed(command.name, query, error, ctx);
    }
  } else {
    raw = {};
    for (const [key, value] of Object.entries(input.options)) {
      if (value === undefined) continue;
      const { text, tooLong } = sanitizeInput(String(value));
      if (tooLong) return tooLongAnswer(command.name, text, String(value).length);
      raw[key] = text;
    }
    query = Object.values(raw).filter(Boolean).join(' ');
  }
  const parsed = command.schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => i.message).join('; ');
    return makeAnswer({
      query,
      command: command.name,
      status: 'invalid',
      message: `${problems}.\nUsage: ${command.usage}`,
      suggestions: [command.usage],
    });
  }
  let answer: Answer;
  // The snapshot the command answers from (a re-index may swap it meanwhile).
  const snapshot = ctx.engine.snapshot;
  try {
    answer = await command.run(parsed.data, ctx);
    if (!answer.query) answer = { ...answer, query };
    // Quotes from PDFs cite their page, whichever part of the core built them.
    answer = withPages(answer, snapshot);
  } catch (error) {
    return failed(command.name, query, error, ctx);
  }
  if (ctx.charts) {
    // A chart is an extra: when drawing fails, the answer still goes out, without it.
    try {
      answer = await ctx.charts.attach(answer);
    } catch (error) {
      ctx.logger?.error({ command: command.name, err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error) }, 'chart failed; answering without it');
    }
  }
  return answer;
}

function failed(command: string, query: string, error: unknown, ctx: CommandContext): Answer {
  const errorId = newErrorId();
  ctx.logger?.error({ errorId, requestId: ctx.requestId, command, err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error) }, 'command failed');
  return errorAnswer(query, command, errorId);
}

/**
 * Run a line as typed in a chat or the console: `/name args` runs that command; any
 * other text is a question for `/ask`.
 */
export async function runInput(line: string, ctx: CommandContext): Promise<Answer> {
  const trimmed = line.trimStart();
  const m = trimmed.match(/^\/([\p{L}\p{N}_-]{1,40})(?:\s+([\s\S]*))?$/u);
  if (m) return runCommand(m[1]!, { text: m[2] ?? '' }, ctx);
  return runCommand('ask', { text: line }, ctx);
}
