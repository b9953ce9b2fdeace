import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadBaseConfig, loadDotEnv } from '../config.ts';
import { printable } from '../core/corpus/printable.ts';
import { createLogger } from '../logger.ts';
import { openEngine } from '../open-engine.ts';

/**
 * `npm run ingest [-- --force]`: re-index data/documents and report every file that
 * could not be read as it is. A running bot picks changes up by itself; this is for
 * checking a new document before it goes live, and for CI.
 */
function main(): void {
  const { values } = parseArgs({ options: { force: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } } });
  loadDotEnv();
  const { config } = loadBaseConfig();
  if (values.force) rmSync(join(config.indexDir, 'index.json'), { force: true });
  const engine = openEngine(config, createLogger(process.env.LOG_LEVEL ?? 'warn'));
  const { lastLoad, snapshot } = engine;
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ ...lastLoad, problems: snapshot.problems })}\n`);
  } else {
    process.stdout.write(
      `${lastLoad.origin === 'built' ? 'Indexed' : 'Index up to date:'} ${lastLoad.documents} documents, ${lastLoad.passages} passages, ${lastLoad.facts} figures in ${Math.round(lastLoad.ms)} ms.\n`,
    );
    for (const p of snapshot.problems) {
      // Names and messages are escaped: a file named with a newline prints one line.
      process.stdout.write(`${p.skipped ? 'SKIPPED' : 'WARNING'} ${printable(p.file)}${p.field ? ` (${printable(p.field)})` : ''}: ${printable(p.message.replace(/^skipped: /u, ''))}\n`);
    }
  }
  if (snapshot.problems.some((p) => p.skipped)) process.exitCode = 2;
}

main();
