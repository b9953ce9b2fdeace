import { loadBaseConfig } from './config.ts';
import type { FrontEndDeps, FrontEndFactory, RunningFrontEnd } from './front-end.ts';
import { createLogger } from './logger.ts';
import { openEngine } from './open-engine.ts';
import { startConsole } from './adapters/console/console-adapter.ts';

/** Chat platforms `npm start` can run; each is enabled by its own environment variables. */
const CHAT_FRONT_ENDS: FrontEndFactory[] = [];

async function main(): Promise<void> {
  const { config, problems } = loadBaseConfig();
  const logger = createLogger(config.logLevel);
  for (const p of problems) logger.warn({ variable: p.variable }, p.message);
  const say = (line: string) => process.stdout.write(`${line}\n`);

  const started = performance.now();
  const engine = openEngine(config, logger);
  const stats = engine.lastLoad;
  say(
    `Corpus: ${stats.documents} documents, ${stats.passages} passages, ${stats.facts} figures (${stats.origin === 'loaded' ? 'index loaded' : 'index built'} in ${Math.round(performance.now() - started)} ms).`,
  );
  for (const p of engine.snapshot.problems) say(`  ! ${p.file}${p.field ? ` (${p.field})` : ''}: ${p.message}`);
  engine.watch();

  const deps: FrontEndDeps = {
    engine,
    config,
    logger,
    now: () => new Date(),
    context: () => ({ engine, now: () => new Date(), logger }),
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
  say(`console: ${consoleOn ? 'on' : 'off (a chat platform is running; set CONSOLE=1 to use both)'}`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await Promise.allSettled(running.map((r) => r.stop()));
    engine.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  if (consoleOn) {
    await startConsole({ input: process.stdin, output: process.stdout, context: deps.context, interactive: Boolean(process.stdin.isTTY) });
    if (running.length === 0) await shutdown('console closed');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`The bot could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
