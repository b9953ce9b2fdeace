import { loadBaseConfig, loadDotEnv } from './config.ts';
import type { FrontEndDeps, FrontEndFactory, RunningFrontEnd } from './front-end.ts';
import { printable } from './core/corpus/printable.ts';
import { createLogger } from './logger.ts';
import { LogDestination } from './log-destination.ts';
import { installProcessGuards } from './process-guards.ts';
import { openEngine } from './open-engine.ts';
import { openConfiguredStore, startDigestScheduler } from './scheduler/start-digests.ts';
import { startConsole } from './adapters/console/console-adapter.ts';
import { consoleFrontEnd } from './adapters/console/console-front-end.ts';
import { createChartAttacher } from './charts/chart-attacher.ts';
import { slackFrontEnd } from './adapters/slack/index.ts';
import { discordFrontEnd } from './adapters/discord/index.ts';

/** How long a shutdown waits for answers in flight before the process leaves. */
const SHUTDOWN_BOUND_MS = 20_000;

/** Chat platforms `npm start` can run; each is enabled by its own environment variables. */
const CHAT_FRONT_ENDS: FrontEndFactory[] = [slackFrontEnd, discordFrontEnd];

async function main(): Promise<void> {
  const dotEnvProblem = loadDotEnv();
  const { config, problems } = loadBaseConfig();
  if (dotEnvProblem) problems.push(dotEnvProblem);
  // The console is on when no chat platform is configured (or CONSOLE=1): its logs go to a
  // file from the first line, so they never land between the console's answers.
  const logs = new LogDestination();
  if (config.console || CHAT_FRONT_ENDS.every((fe) => !fe.check(process.env).enabled)) logs.toFile(config.logFile);
  const logger = createLogger(config.logLevel, logs);
  for (const p of problems) logger.warn({ variable: p.variable }, p.message);
  const say = (line: string) => process.stdout.write(`${line}\n`);

  const started = performance.now();
  const engine = openEngine(config, logger);
  const stats = engine.lastLoad;
  say(
    `Corpus: ${stats.documents} documents, ${stats.passages} passages, ${stats.facts} figures (${stats.origin === 'loaded' ? 'index loaded' : 'index built'} in ${Math.round(performance.now() - started)} ms).`,
  );
  for (const p of engine.snapshot.problems) say(`  ! ${printable(p.file)}${p.field ? ` (${printable(p.field)})` : ''}: ${printable(p.message)}`);
  engine.watch();
  // Subscriptions, the send log and the state replicas share: PostgreSQL at DATABASE_URL, else SQLite at DATABASE_PATH.
  const { store, banner } = await openConfiguredStore(config, logger);
  say(banner);

  const charts = createChartAttacher({ dir: config.chartsDir, logger });
  const deps: FrontEndDeps = {
    engine,
    config,
    logger,
    now: () => new Date(),
    context: () => ({ engine, now: () => new Date(), logger, charts, subscriptions: store?.subscriptions }),
    store: store ?? undefined,
    storeHealth: store ? () => store.health() : undefined,
  };
  const running: RunningFrontEnd[] = [];
  for (const fe of CHAT_FRONT_ENDS) {
    const check = fe.check(process.env);
    if (!check.enabled) {
      say(`${fe.name}: off (${check.reason})`);
      continue;
    }
    try {
      running.push(await fe.start(process.env, deps));
      say(`${fe.name}: on`);
    } catch (error) {
      say(`${fe.name}: failed to start (${error instanceof Error ? error.message : String(error)})`);
      logger.error({ frontEnd: fe.name, err: String(error) }, 'front end failed to start');
    }
  }
  const consoleOn = running.length === 0 || config.console;
  // Every chat platform failed to start: the console comes on, and its logs go to the file.
  if (consoleOn) logs.toFile(config.logFile);
  say(`console: ${consoleOn ? `on (logs in ${config.logFile})` : 'off (a chat platform is running; set CONSOLE=1 to use both)'}`);
  // The console takes digests for its own channel the same way the chat platforms do.
  const posting = consoleOn ? [...running, consoleFrontEnd(say)] : running;
  const scheduler = store ? startDigestScheduler({ store, engine, running: posting, logger, config }) : null;

  let stopping = false;
  const shutdown = async (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: no new questions, finishing those in flight');
    // Front ends drain their answers in flight; past this bound the process leaves anyway.
    const bound = setTimeout(() => {
      logger.warn({ boundMs: SHUTDOWN_BOUND_MS }, 'shutdown took too long; exiting');
      process.exit(code);
    }, SHUTDOWN_BOUND_MS);
    await scheduler?.stop();
    await Promise.allSettled(running.map((r) => r.stop()));
    await store?.close().catch(() => undefined);
    engine.close();
    clearTimeout(bound);
    logger.info({ signal }, 'stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  installProcessGuards(logger, (reason, code) => void shutdown(reason, code));

  if (consoleOn) {
    const consoleContext = () => ({ ...deps.context(), channel: { platform: 'console' as const, id: 'console' } });
    await startConsole({ input: process.stdin, output: process.stdout, context: consoleContext, interactive: Boolean(process.stdin.isTTY) });
    if (running.length === 0) await shutdown('console closed');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`The bot could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
