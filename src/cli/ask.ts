import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { runInput, type CommandContext } from '../../commands/index.ts';
import { renderText } from '../adapters/console/render-text.ts';
import { createChartAttacher } from '../charts/chart-attacher.ts';
import { loadBaseConfig, loadDotEnv } from '../config.ts';
import { createLogger } from '../logger.ts';
import { openEngine } from '../open-engine.ts';

/**
 * `npm run --silent ask -- [--json] "<command or question>"`. Without a question, reads
 * one per line from standard input and answers each (one JSON object per line with
 * --json). This is the contract scripts and tests use.
 */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    allowPositionals: true,
  });
  if (values.help) {
    process.stdout.write('usage: npm run --silent ask -- [--json] ["<command or question>"]\n');
    return;
  }
  loadDotEnv();
  const { config } = loadBaseConfig();
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const engine = openEngine(config, logger);
  const charts = createChartAttacher({ dir: config.chartsDir, logger });
  const ctx: CommandContext = { engine, now: () => new Date(), logger, channel: { platform: 'console', id: 'cli' }, charts };
  const print = async (line: string) => {
    const answer = await runInput(line, ctx);
    process.stdout.write(values.json ? `${JSON.stringify(answer)}\n` : renderText(answer));
  };
  if (positionals.length > 0) {
    await print(positionals.join(' '));
    return;
  }
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) await print(line);
}

main().catch((error: unknown) => {
  process.stderr.write(`ask failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
