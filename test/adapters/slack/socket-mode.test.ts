import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackBlockProblems } from '../../fakes/fake-slack.ts';
import { APP_TOKEN, BOT_TOKEN, blockTexts, expectedAnswer, expectedSnippets, fixture, startHarness, type Harness } from './harness.ts';

/**
 * End to end in Socket Mode: the real Bolt opens the connection through
 * `apps.connections.open`, the fake says hello and sends envelopes, and the bot acks on
 * the socket and answers at the response URL.
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness('socket');
});

afterAll(async () => {
  await h?.close();
});

describe('Socket Mode', () => {
  it('connects with the app token through apps.connections.open, and checks the bot token', () => {
    const open = h.fake.calls('apps.connections.open');
    expect(open.length).toBeGreaterThanOrEqual(1);
    expect(open[0]!.token).toBe(APP_TOKEN);
    expect(h.fake.calls('auth.test')[0]!.token).toBe(BOT_TOKEN);
    expect(h.fake.socketConnections).toBe(1);
  });

  it('acks a slash command envelope on the socket and answers at the response URL', async () => {
    const envelope = fixture('socket-envelope-slash.json');
    envelope.payload.response_url = h.fake.responseUrl('socket-help');
    h.fake.sendEnvelope(envelope);
    const ack = await h.fake.waitFor('the ack envelope', () => h.fake.socketFrames.find((f) => f.envelope_id === envelope.envelope_id));
    expect(ack.envelope_id).toBe(envelope.envelope_id);
    const reply = await h.fake.waitFor('the answer', () => h.fake.responsesTo('socket-help')[0]);
    expect(reply.body.response_type).toBe('ephemeral');
    expect(slackBlockProblems(reply.body.blocks)).toEqual([]);
    const shown = blockTexts(reply.body.blocks);
    for (const snippet of expectedSnippets(await expectedAnswer('help', ''))) expect(shown).toContain(snippet);
  });

  it('answers a figure question sent as a slash command envelope, with the figure and its quote', async () => {
    const envelope = fixture('socket-envelope-slash.json');
    envelope.envelope_id = 'env-metric-1';
    envelope.payload = { ...envelope.payload, command: '/metric', text: 'cloudwalk revenue 2024', trigger_id: '777.1.metric', response_url: h.fake.responseUrl('socket-metric') };
    h.fake.sendEnvelope(envelope);
    const reply = await h.fake.waitFor('the answer', () => h.fake.responsesTo('socket-metric')[0]);
    const shown = blockTexts(reply.body.blocks);
    for (const snippet of expectedSnippets(await expectedAnswer('metric', 'cloudwalk revenue 2024'))) expect(shown).toContain(snippet);
  });

  it('acks a redelivered envelope (retry_attempt) but answers it once', async () => {
    const envelope = fixture('socket-envelope-slash.json');
    envelope.payload = { ...envelope.payload, trigger_id: '888.1.retry', response_url: h.fake.responseUrl('socket-retry') };
    h.fake.sendEnvelope({ ...envelope, envelope_id: 'env-retry-0', retry_attempt: 0 });
    await h.fake.waitFor('the first answer', () => h.fake.responsesTo('socket-retry')[0]);
    h.fake.sendEnvelope({ ...envelope, envelope_id: 'env-retry-1', retry_attempt: 1, retry_reason: 'timeout' });
    await h.fake.waitFor('the ack of the retry', () => h.fake.socketFrames.find((f) => f.envelope_id === 'env-retry-1'));
    await h.fake.settle(400);
    expect(h.fake.responsesTo('socket-retry')).toHaveLength(1);
  });

  it('answers a mention delivered as an events_api envelope in its thread', async () => {
    const mention = fixture('app-mention.json');
    mention.event_id = 'EvSocket1';
    mention.event = { ...mention.event, text: '<@UBOT> /help', ts: '1715509999.000100', event_ts: '1715509999.000100' };
    h.fake.sendEnvelope({ envelope_id: 'env-event-1', type: 'events_api', payload: mention, accepts_response_payload: false, retry_attempt: 0, retry_reason: '' });
    await h.fake.waitFor('the event ack', () => h.fake.socketFrames.find((f) => f.envelope_id === 'env-event-1'));
    const post = await h.fake.waitFor('the threaded answer', () => h.fake.calls('chat.postMessage').find((c) => c.params.thread_ts === '1715509999.000100'));
    expect(post.token).toBe(BOT_TOKEN);
    expect(post.params.channel).toBe('C0001');
  });

  it('never wrote a token to the log', () => {
    expect(h.logs.lines.length).toBeGreaterThan(0);
    expect(h.logs.text).not.toContain(APP_TOKEN);
    expect(h.logs.text).not.toContain(BOT_TOKEN);
  });
});
