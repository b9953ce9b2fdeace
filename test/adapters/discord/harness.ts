import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { CommandContext } from '../../../commands/index.ts';
import { startDiscord, type DiscordRunOptions, type RunningDiscord } from '../../../src/adapters/discord/index.ts';
import { createChartAttacher } from '../../../src/charts/chart-attacher.ts';
import { loadBaseConfig } from '../../../src/config.ts';
import type { Engine } from '../../../src/core/engine.ts';
import type { CorpusSnapshot } from '../../../src/core/snapshot.ts';
import type { FrontEndDeps } from '../../../src/front-end.ts';
import { createLogger } from '../../../src/logger.ts';
import { FakeDiscord, type FakeDiscordOptions } from '../../fakes/fake-discord.ts';
import { bundledEngine } from '../../helpers/engine.ts';

/** Shaped like a real bot token (and like what scrubSecrets looks for), but not one. */
export const TOKEN = `MTMwMDAwMDAwMDAwMDAwMDAwMQ.GfAkEd.${'t0kEn-Not-ReAl_'.repeat(3)}`;
export const APP_ID = '1300000000000000001';
export const CLOCK = () => new Date('2025-05-12T09:00:00Z');

/** A fake Discord, the bot logged in to it, and what the bot logged. */
export interface Harness {
  fake: FakeDiscord;
  bot: RunningDiscord;
  /** Every log line so far, raw JSON text. */
  logText(): string;
  logLines(): Array<Record<string, unknown>>;
  /** The engine the bot reads; `broken` makes its snapshot throw, `slowMs` makes reading it block. */
  engine: { broken: boolean; slowMs: number };
  close(): Promise<void>;
}

/**
 * Start the fake, then the bot against it, and wait until the bot is ready and has the
 * guild (its channel is where mentions arrive). Close with `close()` in afterAll.
 */
export async function startHarness(options: { run?: DiscordRunOptions; fake?: Partial<FakeDiscordOptions>; engine?: Engine; charts?: boolean } = {}): Promise<Harness> {
  const fake = await FakeDiscord.start({ token: TOKEN, applicationId: APP_ID, ...options.fake });
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = createLogger('debug', sink);
  const real = options.engine ?? bundledEngine();
  const control = { broken: false, slowMs: 0 };
  // A stand-in for the engine, so a test can make the core fail or be slow; the commands, adapter and discord.js are real.
  const engine = {
    get snapshot(): CorpusSnapshot {
      if (control.broken) throw new Error('index file unreadable');
      if (control.slowMs) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, control.slowMs);
      return real.snapshot;
    },
  };
  // Real charts (PNG files in a temp folder), as main wires them.
  const charts = options.charts ? createChartAttacher({ dir: mkdtempSync(join(tmpdir(), 'discord-charts-')), logger }) : undefined;
  const context = (): CommandContext => ({ engine, now: CLOCK, logger, charts });
  const deps: FrontEndDeps = { engine: real, config: loadBaseConfig({}).config, logger, now: CLOCK, context };
  let bot: RunningDiscord;
  try {
    bot = await startDiscord({ token: TOKEN, applicationId: APP_ID, apiUrl: fake.apiUrl }, deps, { rest: { retries: 0 }, ...options.run });
    await fake.waitFor('the guild in the client cache', () => bot.client.guilds.cache.has(fake.guildId));
  } catch (error) {
    await fake.close();
    throw error;
  }
  return {
    fake,
    bot,
    engine: control,
    logText: () => lines.join(''),
    logLines: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
    async close() {
      await bot.stop();
      await fake.close();
    },
  };
}

/** Discord markdown escapes undone, to compare rendered text with the answer's own. */
export function unescape(text: string): string {
  return text.replace(/\\([\\*_`~|>#-])/gu, '$1');
}

/** Everything visible in a message body: content, embed titles, descriptions, fields, footers. */
export function visibleText(body: { content?: string; embeds?: Array<Record<string, any>> } | undefined): string {
  if (!body) return '';
  const parts: string[] = [body.content ?? ''];
  for (const e of body.embeds ?? []) {
    parts.push(e.title ?? '', e.description ?? '', e.footer?.text ?? '');
    for (const f of e.fields ?? []) parts.push(f.name, f.value);
  }
  return unescape(parts.join('\n')).replace(/^> /gmu, '');
}
