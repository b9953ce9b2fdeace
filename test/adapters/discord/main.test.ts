import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../../fakes/fake-discord.ts';
import { bundledIndexDir } from '../../helpers/engine.ts';
import { APP_ID, TOKEN } from './harness.ts';

/**
 * `npm start` with the Discord variables set: the production entry point logs in to the
 * fake, answers a slash command and stops cleanly on SIGTERM.
 */

const ROOT = resolve(import.meta.dirname, '../../..');

describe('npm start with Discord configured', () => {
  let fake: FakeDiscord;
  let child: ChildProcess;
  let stdout = '';
  let stderr = '';
  beforeAll(async () => {
    fake = await FakeDiscord.start({ token: TOKEN, applicationId: APP_ID });
    const tmp = mkdtempSync(join(tmpdir(), 'discord-main-'));
    // tsx as an import hook: one process, which receives the SIGTERM itself.
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DISCORD_TOKEN: TOKEN,
        DISCORD_APPLICATION_ID: APP_ID,
        DISCORD_API_URL: fake.apiUrl,
        INDEX_DIR: bundledIndexDir(),
        DATABASE_PATH: join(tmp, 'bot.sqlite'),
        CHARTS_DIR: join(tmp, 'charts'),
        LOG_LEVEL: 'info',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (stdout += String(d)));
    child.stderr!.on('data', (d) => (stderr += String(d)));
  });
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGKILL');
      await exited;
    }
    await fake?.close();
  });

  it('logs in, answers /help, and exits 0 on SIGTERM after delivering the answer in flight', async () => {
    await fake.waitFor('discord: on in the banner', () => stdout.includes('discord: on'), 45_000);
    const { id } = fake.sendCommand('help');
    const cb = await fake.waitFor('the answer to /help', () => fake.callbacks(id)[0], 10_000);
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.embeds[0].description).toContain('/metric');
    // The reply to the next command is in flight (Discord is slow to take it) when SIGTERM
    // arrives: the bot must wait for it to complete before leaving.
    fake.callbackDelayMs = 1_500;
    const slow = fake.sendCommand('metric', { company: 'qingcloud', metric: 'revenue', period: '2021' });
    const reply = await fake.waitFor('the reply on its way', () => fake.callbacks(slow.id)[0], 10_000);
    expect(reply.respondedAt).toBeUndefined();
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    child.kill('SIGTERM');
    const code = await exited;
    const exitedAt = Date.now();
    expect(code).toBe(0);
    expect(reply.respondedAt).toBeDefined();
    expect(reply.respondedAt!).toBeLessThanOrEqual(exitedAt);
    expect(JSON.stringify(reply.body)).toContain('QingCloud');
    // With a chat platform and no console, the logs stay JSON lines on stderr.
    const logged = stderr.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { msg: string; command?: string });
    expect(logged.some((l) => l.msg === 'answered' && l.command === 'metric')).toBe(true);
    expect(stderr).not.toContain(TOKEN);
    expect(stdout).not.toContain(TOKEN);
  }, 60_000);
});
