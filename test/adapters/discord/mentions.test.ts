import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, runInput } from '../../../commands/index.ts';
import { questionFromMention } from '../../../src/adapters/discord/mentions.ts';
import { bundledContext } from '../../helpers/engine.ts';
import { limitProblems } from './limits.ts';
import { startHarness, visibleText, type Harness } from './harness.ts';

/**
 * Mentions end to end: MESSAGE_CREATE from the fake gateway, and the reply the bot
 * posts to the channel (POST /channels/{id}/messages with a message_reference).
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The bot's reply to one message, once it has arrived. */
function replyTo(message: { id: string; channelId: string }) {
  return h.fake.waitFor(`the reply to message ${message.id}`, () => h.fake.posts(message.channelId).find((p) => p.body?.message_reference?.message_id === message.id));
}

describe('Discord mentions', () => {
  it('strips both mention forms and keeps everything else', () => {
    expect(questionFromMention('<@123456789012345678> what was revenue?', '123456789012345678')).toBe('what was revenue?');
    expect(questionFromMention('hey <@!123456789012345678>, 云从科技 2024 <@999999999999999999>', '123456789012345678')).toBe('hey , 云从科技 2024 <@999999999999999999>');
  });

  it('answers a question that mentions the bot as a reply to that message', async () => {
    const question = 'why is qingcloud losing money';
    const expected = await runInput(question, bundledContext());
    const id = h.fake.sendMessage(`<@${h.fake.bot.id}> ${question}`);
    const reply = await replyTo(id);
    expect(reply.auth).toBe('bot');
    expect(reply.body.allowed_mentions).toMatchObject({ parse: [] });
    expect(limitProblems(reply.body)).toEqual([]);
    const text = visibleText(reply.body);
    for (const p of expected.passages) expect(text).toContain(p.quote);
    for (const f of expected.figures) expect(text).toContain(f.source.quote);
  });

  it('runs a command typed after the nickname form of the mention', async () => {
    const expected = await runCommand('metric', { text: 'cloudwalk revenue 2024' }, bundledContext());
    const id = h.fake.sendMessage(`<@!${h.fake.bot.id}> /metric cloudwalk revenue 2024`);
    const text = visibleText((await replyTo(id)).body);
    if (expected.figures.length) for (const f of expected.figures) expect(text).toContain(f.display);
    else expect(text).toContain(expected.message.split('\n')[0]);
  });

  it('answers a bare mention with help', async () => {
    const id = h.fake.sendMessage(`<@${h.fake.bot.id}>`);
    expect(visibleText((await replyTo(id)).body)).toContain('/metric <company> <metric>');
  });

  it('ignores messages without a mention and messages from bots', async () => {
    const plain = h.fake.sendMessage('what was revenue in 2024?', { mention: false });
    const fromBot = h.fake.sendMessage(`<@${h.fake.bot.id}> /help`, { bot: true, userId: '1100000000000000999' });
    // Handled in order: once the later message is answered, the earlier ones were seen.
    const marker = h.fake.sendMessage(`<@${h.fake.bot.id}> /sources`);
    await replyTo(marker);
    const answered = h.fake.posts(h.fake.channelId).map((p) => p.body?.message_reference?.message_id);
    expect(answered).not.toContain(plain.id);
    expect(answered).not.toContain(fromBot.id);
  });

  it('answers a mention in a direct message (a channel the client has not cached)', async () => {
    const dm = h.fake.sendMessage(`<@${h.fake.bot.id}> /help`, { dm: true });
    expect(visibleText((await replyTo(dm)).body)).toContain('/metric <company> <metric>');
  });
});
