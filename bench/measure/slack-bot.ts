/**
 * Child process of bench/slack-load.ts: the real Slack bot in HTTP mode on loopback,
 * its Web API pointed at the fake Slack the parent runs. Kept apart from the load
 * generator and the fake so they do not share the bot's event loop.
 *   node --import tsx bench/measure/slack-bot.ts --corpus <dir> --index <dir> --api-url <url>
 * Prints `{"port":N}` once listening; SIGTERM stops the bot (answers in flight drain)
 * and prints `{"errorLines":N}` before exiting.
 */
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { startSlackBot } from '../../src/adapters/slack/app.ts';
import { Engine } from '../../src/core/engine.ts';
import { createLogger } from '../../src/logger.ts';
import { corpusPaths } from '../generate/write.ts';
import { LOAD_BOT_TOKEN, LOAD_SIGNING_SECRET } from './slack-secrets.ts';

const { values } = parseArgs({ options: { corpus: { type: 'string' }, index: { type: 'string' }, 'api-url': { type: 'string' } } });
if (!values.corpus || !values.index || !values['api-url']) throw new Error('usage: slack-bot.ts --corpus <dir> --index <dir> --api-url <url>');
const paths = corpusPaths(values.corpus);
const engine = Engine.open({ documentsDir: paths.documentsDir, companiesFile: paths.companiesFile, indexDir: values.index });
let errorLines = 0;
const logger = createLogger(
  'warn',
  new Writable({
    write: (chunk, _e, done) => {
      if (/"level":(50|60)/u.test(String(chunk))) errorLines += 1;
      done();
    },
  }),
);
const bot = await startSlackBot(
  { mode: 'http', botToken: LOAD_BOT_TOKEN, signingSecret: LOAD_SIGNING_SECRET, apiUrl: values['api-url'], port: 0 },
  { logger, context: () => ({ engine, now: () => new Date('2025-12-01T09:00:00Z'), logger }) },
  { host: '127.0.0.1', clientOptions: { retryConfig: { retries: 0 }, timeout: 10_000 } },
);
process.stdout.write(`${JSON.stringify({ port: bot.port })}\n`);
process.once('SIGTERM', () => {
  void bot.stop().then(() => {
    engine.close();
    process.stdout.write(`${JSON.stringify({ errorLines })}\n`);
    process.exit(0);
  });
});
