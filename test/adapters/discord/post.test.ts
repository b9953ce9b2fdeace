import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../commands/index.ts';
import { DiscordPostError } from '../../../src/adapters/discord/index.ts';
import { bundledContext } from '../../helpers/engine.ts';
import { answer, figure, limitProblems } from './limits.ts';
import { startHarness, unescape, visibleText, type Harness } from './harness.ts';

/** `RunningFrontEnd.post`: answers sent to a channel without a user's message (digests). */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const UNKNOWN = '1219999999999999999';
const HIDDEN = '1210000000000000002';
const READ_ONLY = '1210000000000000003';

describe('Discord post to a channel', () => {
  it('posts an answer from the core to a channel', async () => {
    const expected = await runCommand('sources', { options: {} }, bundledContext());
    await h.bot.post({ platform: 'discord', id: h.fake.channelId }, expected);
    const [post] = h.fake.posts(h.fake.channelId);
    expect(post!.auth).toBe('bot');
    expect(post!.body.message_reference).toBeUndefined();
    for (const d of expected.documents ?? []) expect(visibleText(post!.body)).toContain(d.title);
  });

  it('posts a long answer as several messages in order, with the chart attached to the first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'discord-post-'));
    const png = join(dir, 'chart.png');
    writeFileSync(png, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    const figures = Array.from({ length: 40 }, (_, i) => figure(`FY${2000 + i}`, `USD ${i + 1} million`, `In ${2000 + i} revenue was ${i + 1} million. ${'More made-up words. '.repeat(30)}`));
    const digest = answer({ status: 'answered', message: 'Weekly digest', figures, data: { layout: 'series' }, chart: { path: png, width: 10, height: 10, title: 'Example series', series: [] } });
    const channel = '1210000000000000001';
    const before = h.fake.posts(channel).length;
    await h.bot.post({ platform: 'discord', id: channel }, digest);
    const posts = h.fake.posts(channel).slice(before);
    expect(posts.length).toBeGreaterThan(1);
    for (const p of posts) expect(limitProblems(p.body)).toEqual([]);
    expect(posts[0]!.files).toEqual([{ field: 'files[0]', name: 'chart.png', size: 16, type: 'image/png' }]);
    expect(posts[0]!.body.attachments).toEqual([{ id: 0, filename: 'chart.png' }]);
    expect(posts.slice(1).every((p) => p.files.length === 0)).toBe(true);
    const periods = posts.flatMap((p) => p.body.embeds.flatMap((e: any) => (e.fields ?? []).map((f: any) => unescape(f.name))));
    expect(periods).toEqual(figures.map((f) => f.period));
  });

  it('rejects clearly when the channel is unknown or the bot may not post there', async () => {
    h.fake.denied.set(HIDDEN, 50001);
    h.fake.denied.set(READ_ONLY, 50013);
    const a = answer({ status: 'answered', message: 'hello' });
    const cases: Array<[string, number, RegExp]> = [
      [UNKNOWN, 10003, /does not exist \(Unknown Channel, 10003\)/u],
      [HIDDEN, 50001, /cannot see Discord channel .* \(Missing Access, 50001\)/u],
      [READ_ONLY, 50013, /may not post .* \(Missing Permissions, 50013\)/u],
    ];
    for (const [id, code, message] of cases) {
      const error = await h.bot.post({ platform: 'discord', id }, a).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DiscordPostError);
      expect((error as DiscordPostError).code).toBe(code);
      expect((error as DiscordPostError).channelId).toBe(id);
      expect((error as Error).message).toMatch(message);
    }
    await expect(h.bot.post({ platform: 'slack', id: 'C0123' }, a)).rejects.toThrow(/belongs to slack, not Discord/u);
    await expect(h.bot.post({ platform: 'discord', id: 'general' }, a)).rejects.toThrow(/not a Discord channel id/u);
  });
});
