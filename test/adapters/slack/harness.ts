import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { runCommand, type CommandContext } from '../../../commands/index.ts';
import type { Answer, QueryContext } from '../../../src/core/answer.ts';
import { startSlackBot, type SlackAppOptions, type SlackBot } from '../../../src/adapters/slack/app.ts';
import { escapeMrkdwn } from '../../../src/adapters/slack/markup.ts';
import type { SlackSettings } from '../../../src/adapters/slack/settings.ts';
import { createChartAttacher, type ChartAttacher } from '../../../src/charts/chart-attacher.ts';
import { createLogger } from '../../../src/logger.ts';
import { FakeSlack } from '../../fakes/fake-slack.ts';
import { bundledContext, bundledEngine } from '../../helpers/engine.ts';

/** Test secrets, shaped like the real ones so the log scrubbing is exercised. */
export const BOT_TOKEN = 'xoxb-1111111111-2222222222-TESTtestTESTtestTESTtest';
export const APP_TOKEN = 'xapp-1-A0001-3333333333-abcdefabcdefabcdefabcdefabcdef';
export const SIGNING_SECRET = '8f742231b10e8888abcd99eeeeee85a5';

/** Read a recorded payload from test/fixtures/slack. */
export function fixture<T = any>(name: string): T {
  return JSON.parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/slack', name), 'utf8')) as T;
}

/** Every log line the bot wrote, for asserting that no secret leaks. */
export class LogCapture {
  readonly lines: string[] = [];
  readonly logger = createLogger(
    'debug',
    new Writable({
      write: (chunk, _enc, done) => {
        this.lines.push(String(chunk));
        done();
      },
    }),
  );

  get text(): string {
    return this.lines.join('');
  }
}

/** A fake Slack and the real bot pointed at it. */
export interface Harness {
  fake: FakeSlack;
  bot: SlackBot;
  logs: LogCapture;
  /** HTTP mode: the bot's `/slack/events` URL. */
  eventsUrl: string;
  close(): Promise<void>;
}

/** Start the fake, then the bot in the given mode; `close` stops the bot first. */
export async function startHarness(mode: SlackSettings['mode'], options: SlackAppOptions = {}, context?: (logger: LogCapture['logger']) => CommandContext): Promise<Harness> {
  // Built before the bot starts, as `main` does: the first answer must not pay for it.
  bundledEngine();
  const fake = await FakeSlack.start({ botTokens: [BOT_TOKEN], appTokens: [APP_TOKEN], failingChannels: { CGONE: 'channel_not_found', CNOTIN: 'not_in_channel', CARCH: 'is_archived' } });
  const logs = new LogCapture();
  const settings: SlackSettings =
    mode === 'http'
      ? { mode, botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, port: 0 }
      : { mode, botToken: BOT_TOKEN, appToken: APP_TOKEN, apiUrl: fake.apiUrl, port: 0 };
  let bot: SlackBot;
  try {
    bot = await startSlackBot(settings, { logger: logs.logger, context: () => (context ? context(logs.logger) : bundledContext({ logger: logs.logger })) }, {
      host: '127.0.0.1',
      clientOptions: { retryConfig: { retries: 0 }, timeout: 5_000 },
      unhandledRequestTimeoutMillis: 1_000,
      drainMs: 2_000,
      ...options,
    });
  } catch (error) {
    await fake.close();
    throw error;
  }
  return {
    fake,
    bot,
    logs,
    eventsUrl: `http://127.0.0.1:${bot.port}/slack/events`,
    async close() {
      await bot.stop();
      await fake.close();
    },
  };
}

/** A real chart attacher drawing into a fresh temp folder, and a bot context that has it. */
export interface ChartsSetup {
  dir: string;
  attacher: ChartAttacher;
  /** For `startHarness`: the bundled context with `charts`, as `main` builds it. */
  context: (logger: LogCapture['logger']) => CommandContext;
}

/** Charts as `main` wires them (`createChartAttacher` into the base context), in a temp folder. */
export function chartsSetup(): ChartsSetup {
  const dir = mkdtempSync(join(tmpdir(), 'finqa-slack-charts-'));
  const attacher = createChartAttacher({ dir });
  return { dir, attacher, context: (logger) => bundledContext({ logger, charts: createChartAttacher({ dir, logger }) }) };
}

/** The answer the bot should give, computed the same way a console user would get it. */
export function expectedAnswer(command: string, text: string, conversation?: QueryContext): Promise<Answer> {
  return runCommand(command, { text }, bundledContext({ conversation }));
}

/**
 * Pieces of an answer that its Slack rendering must contain, escaped as mrkdwn: the
 * figure's value and the start of its quote, or the start of each passage quote, or the
 * message's first line.
 */
export function expectedSnippets(answer: Answer): string[] {
  if (answer.figures.length) return answer.figures.flatMap((f) => [escapeMrkdwn(f.display), escapeMrkdwn(f.source.quote.slice(0, 60))]);
  if (answer.passages.length) return answer.passages.map((p) => escapeMrkdwn(p.quote.slice(0, 60)));
  return [escapeMrkdwn(answer.message.split('\n')[0]!)];
}

/** The `text` of every text object in blocks, joined: what a reader sees. */
export function blockTexts(blocks: any[]): string {
  const out: string[] = [];
  const walk = (node: any) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      if (typeof node.text === 'string') out.push(node.text);
      Object.values(node).forEach(walk);
    }
  };
  walk(blocks);
  return out.join('\n');
}
