import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliver, slackBlockProblems } from '../../fakes/fake-slack.ts';
import { blockTexts, expectedAnswer, expectedSnippets, fixture, SIGNING_SECRET, startHarness, type Harness } from './harness.ts';

/**
 * End to end in HTTP mode for mentions, direct messages and posts made without a user
 * message: signed events to the real Bolt over loopback, answers asserted on what the
 * fake Slack received.
 */
let h: Harness;
let seq = 0;

beforeAll(async () => {
  h = await startHarness('http', { rateLimit: { capacity: 3, refillMs: 60_000 } });
});

afterAll(async () => {
  await h?.close();
});

describe('mentions and direct messages', () => {
  it('answers a mention in its thread, and a follow-up in that thread uses what the thread established', async () => {
    const mention = fixture('app-mention.json');
    const first = { ...mention, event_id: `EvM${++seq}`, event: { ...mention.event, ts: `1715500700.${seq}`, event_ts: `1715500700.${seq}` } };
    expect((await deliver(h.eventsUrl, SIGNING_SECRET, JSON.stringify(first), 'json')).status).toBe(200);
    const root = first.event.ts;
    const answer1 = await h.fake.waitFor('the answer to the mention', () => h.fake.calls('chat.postMessage').find((c) => c.params.thread_ts === root));
    expect(answer1.params.channel).toBe('C0001');
    const expected1 = await expectedAnswer('ask', 'what was qingcloud revenue in 2022?');
    const shown1 = blockTexts(answer1.params.blocks);
    for (const snippet of expectedSnippets(expected1)) expect(shown1).toContain(snippet);

    const followUp = {
      ...mention,
      event_id: `EvM${++seq}`,
      event: { ...mention.event, text: '<@UBOT> and in 2023?', ts: `1715500701.${seq}`, event_ts: `1715500701.${seq}`, thread_ts: root },
    };
    expect((await deliver(h.eventsUrl, SIGNING_SECRET, JSON.stringify(followUp), 'json')).status).toBe(200);
    const answer2 = await h.fake.waitFor('the answer to the follow-up', () => h.fake.calls('chat.postMessage').filter((c) => c.params.thread_ts === root)[1]);
    const withContext = await expectedAnswer('ask', 'and in 2023?', expected1.context);
    const withoutContext = await expectedAnswer('ask', 'and in 2023?');
    // The test only proves something if the thread context changes the answer.
    expect(withContext.message).not.toBe(withoutContext.message);
    const shown2 = blockTexts(answer2.params.blocks);
    for (const snippet of expectedSnippets(withContext)) expect(shown2).toContain(snippet);
  });

  it('answers an event redelivered with retry headers once', async () => {
    const mention = fixture('app-mention.json');
    const event = { ...mention, event_id: `EvR${++seq}`, event: { ...mention.event, user: 'URETRY', text: '<@UBOT> /help', ts: `1715500800.${seq}`, event_ts: `1715500800.${seq}` } };
    const body = JSON.stringify(event);
    expect((await deliver(h.eventsUrl, SIGNING_SECRET, body, 'json')).status).toBe(200);
    expect((await deliver(h.eventsUrl, SIGNING_SECRET, body, 'json', { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } })).status).toBe(200);
    expect((await deliver(h.eventsUrl, SIGNING_SECRET, body, 'json', { headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_error' } })).status).toBe(200);
    await h.fake.waitFor('the answer', () => h.fake.calls('chat.postMessage').find((c) => c.params.thread_ts === event.event.ts));
    await h.fake.settle(400);
    expect(h.fake.calls('chat.postMessage').filter((c) => c.params.thread_ts === event.event.ts)).toHaveLength(1);
    // Not answered once because the user was rate limited instead.
    expect(h.fake.calls('chat.postEphemeral').filter((c) => c.params.user === 'URETRY')).toHaveLength(0);
  });

  it('tells a user who mentions the bot too fast to wait, privately in the thread', async () => {
    const mention = fixture('app-mention.json');
    const events = [1, 2, 3, 4].map(() => {
      const n = ++seq;
      return { ...mention, event_id: `EvL${n}`, event: { ...mention.event, user: 'UMRATE', text: '<@UBOT> /help', ts: `1715500850.${n}`, event_ts: `1715500850.${n}` } };
    });
    for (const e of events) expect((await deliver(h.eventsUrl, SIGNING_SECRET, JSON.stringify(e), 'json')).status).toBe(200);
    const notice = await h.fake.waitFor('the rate limit notice', () => h.fake.calls('chat.postEphemeral').find((c) => c.params.user === 'UMRATE'));
    expect(notice.params.channel).toBe('C0001');
    expect(notice.params.text).toMatch(/faster than I can keep up/u);
    await h.fake.settle(300);
    const answered = h.fake.calls('chat.postMessage').filter((c) => events.some((e) => e.event.ts === c.params.thread_ts));
    expect(answered).toHaveLength(3);
  });

  it('answers a direct message in its thread', async () => {
    const dm = fixture('message-im.json');
    const event = { ...dm, event_id: `EvD${++seq}`, event: { ...dm.event, ts: `1715500900.${seq}`, event_ts: `1715500900.${seq}` } };
    expect((await deliver(h.eventsUrl, SIGNING_SECRET, JSON.stringify(event), 'json')).status).toBe(200);
    const post = await h.fake.waitFor('the DM answer', () => h.fake.calls('chat.postMessage').find((c) => c.params.thread_ts === event.event.ts));
    expect(post.params.channel).toBe('D0001');
    expect(slackBlockProblems(post.params.blocks)).toEqual([]);
    const expected = await expectedAnswer('sources', '');
    const shown = blockTexts(post.params.blocks);
    for (const d of expected.documents ?? []) expect(shown).toContain(d.title.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;'));
  });

  it('ignores the bot\'s own messages and message edits', async () => {
    const dm = fixture('message-im.json');
    const own = { ...dm, event_id: `EvO${++seq}`, event: { ...dm.event, user: 'UBOT', ts: `1715501000.${seq}` } };
    const edit = { ...dm, event_id: `EvE${++seq}`, event: { ...dm.event, subtype: 'message_changed', ts: `1715501001.${seq}` } };
    await deliver(h.eventsUrl, SIGNING_SECRET, JSON.stringify(own), 'json');
    await deliver(h.eventsUrl, SIGNING_SECRET, JSON.stringify(edit), 'json');
    await h.fake.settle(400);
    const threads = h.fake.calls('chat.postMessage').map((c) => c.params.thread_ts);
    expect(threads).not.toContain(own.event.ts);
    expect(threads).not.toContain(edit.event.ts);
  });

  it('answers url_verification with its challenge', async () => {
    const res = await deliver(h.eventsUrl, SIGNING_SECRET, JSON.stringify({ token: 'x', challenge: 'c-123', type: 'url_verification' }), 'json');
    expect(res.status).toBe(200);
    expect(res.text).toContain('c-123');
  });
});

describe('posting without a user message (digests)', () => {
  it('posts an answer to a channel with chat.postMessage', async () => {
    const answer = await expectedAnswer('help', '');
    await h.bot.post({ platform: 'slack', id: 'C0DIGEST' }, answer);
    const call = h.fake.calls('chat.postMessage').find((c) => c.params.channel === 'C0DIGEST');
    expect(call).toBeDefined();
    expect(slackBlockProblems(call!.params.blocks)).toEqual([]);
  });

  it.each([
    ['CGONE', /CGONE.*channel_not_found/u],
    ['CNOTIN', /CNOTIN.*not_in_channel/u],
    ['CARCH', /CARCH.*is_archived/u],
  ])('rejects with a clear error when Slack refuses channel %s', async (channel, message) => {
    const answer = await expectedAnswer('help', '');
    await expect(h.bot.post({ platform: 'slack', id: channel }, answer)).rejects.toThrow(message);
  });
});

describe('secrets', () => {
  it('never wrote a secret to the log', () => {
    expect(h.logs.lines.length).toBeGreaterThan(0);
    expect(h.logs.text).not.toContain('xoxb-1111111111');
    expect(h.logs.text).not.toContain(SIGNING_SECRET);
  });
});
