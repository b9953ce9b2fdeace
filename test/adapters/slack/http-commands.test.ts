import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_MORE_SOURCES, ACTION_POST_TO_CHANNEL } from '../../../src/adapters/slack/render.ts';
import { encodeButtonValue } from '../../../src/adapters/slack/button-value.ts';
import { deliver, formBody, interactionBody, slackBlockProblems, type ResponseCall } from '../../fakes/fake-slack.ts';
import { blockTexts, expectedAnswer, expectedSnippets, fixture, SIGNING_SECRET, startHarness, type Harness } from './harness.ts';

/**
 * End to end in HTTP mode for slash commands and buttons: signed requests to the real
 * Bolt over loopback, answers asserted on what the fake Slack received.
 */
let h: Harness;
let seq = 0;

beforeAll(async () => {
  h = await startHarness('http', { rateLimit: { capacity: 3, refillMs: 60_000 } });
});

afterAll(async () => {
  await h?.close();
});

/** A slash command from the fixture, with its own trigger id, user and response URL. */
function slashCommand(command: string, text: string, user?: string) {
  const n = ++seq;
  const id = `cmd-${n}-${command.slice(1)}`;
  const fields = { ...fixture('slash-command.json'), command, text, user_id: user ?? `U${n}`, trigger_id: `${n}.0001.${id}`, response_url: h.fake.responseUrl(id) };
  return { id, fields, body: formBody(fields) };
}

async function answerAt(id: string): Promise<ResponseCall> {
  return h.fake.waitFor(`an answer at response URL ${id}`, () => h.fake.responsesTo(id)[0]);
}

describe('slash commands over HTTP', () => {
  it('acks at once and answers privately at the response URL with the figure and quote (or the passages)', async () => {
    const cmd = slashCommand('/metric', 'cloudwalk revenue 2024');
    const ack = await deliver(h.eventsUrl, SIGNING_SECRET, cmd.body, 'form');
    expect(ack.status).toBe(200);
    expect(ack.ms).toBeLessThan(1_500);
    // The ack is empty: nothing of the question is shown in the channel.
    expect(ack.text).toBe('');
    const reply = await answerAt(cmd.id);
    const expected = await expectedAnswer('metric', 'cloudwalk revenue 2024');
    expect(reply.body.response_type).toBe('ephemeral');
    expect(slackBlockProblems(reply.body.blocks)).toEqual([]);
    const shown = blockTexts(reply.body.blocks);
    for (const snippet of expectedSnippets(expected)) expect(shown).toContain(snippet);
    expect(reply.body.text.length).toBeGreaterThan(0);
  });

  it('answers a question with passages, each quote shown, and offers Post to channel', async () => {
    const cmd = slashCommand('/ask', 'cloudwalk layoffs');
    const ack = await deliver(h.eventsUrl, SIGNING_SECRET, cmd.body, 'form');
    expect(ack.status).toBe(200);
    const expected = await expectedAnswer('ask', 'cloudwalk layoffs');
    expect(expected.status).toBe('answered');
    const reply = await answerAt(cmd.id);
    const shown = blockTexts(reply.body.blocks);
    for (const snippet of expectedSnippets(expected)) expect(shown).toContain(snippet);
    const buttons = reply.body.blocks.filter((b: any) => b.type === 'actions').flatMap((b: any) => b.elements);
    expect(buttons.map((b: any) => b.action_id)).toContain(ACTION_POST_TO_CHANNEL);
  });

  it('answers a mistyped command with the commands that exist', async () => {
    const cmd = slashCommand('/metirc', 'cloudwalk revenue');
    await deliver(h.eventsUrl, SIGNING_SECRET, cmd.body, 'form');
    const reply = await answerAt(cmd.id);
    expect(blockTexts(reply.body.blocks)).toContain('Did you mean /metric?');
  });

  it('refuses a stale timestamp and a bad signature with 401, and answers neither', async () => {
    const stale = slashCommand('/help', '');
    const old = Math.floor(Date.now() / 1000) - 10 * 60;
    expect((await deliver(h.eventsUrl, SIGNING_SECRET, stale.body, 'form', { timestamp: old })).status).toBe(401);
    const forged = slashCommand('/help', '');
    expect((await deliver(h.eventsUrl, SIGNING_SECRET, forged.body, 'form', { signingSecret: 'ffffffffffffffffffffffffffffffff' })).status).toBe(401);
    await h.fake.settle(400);
    expect(h.fake.responsesTo(stale.id)).toHaveLength(0);
    expect(h.fake.responsesTo(forged.id)).toHaveLength(0);
  });

  it('answers a redelivered command once', async () => {
    const cmd = slashCommand('/help', '');
    expect((await deliver(h.eventsUrl, SIGNING_SECRET, cmd.body, 'form')).status).toBe(200);
    const retry = await deliver(h.eventsUrl, SIGNING_SECRET, cmd.body, 'form', { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.status).toBe(200);
    await answerAt(cmd.id);
    await h.fake.settle(400);
    expect(h.fake.responsesTo(cmd.id)).toHaveLength(1);
  });

  it('tells a user who asks too fast to wait, politely and privately', async () => {
    const user = 'URATE';
    const sent = [1, 2, 3, 4].map(() => slashCommand('/help', '', user));
    const acks = [];
    for (const s of sent) acks.push(await deliver(h.eventsUrl, SIGNING_SECRET, s.body, 'form'));
    expect(acks.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    const refusal = JSON.parse(acks[3]!.text);
    expect(refusal.response_type).toBe('ephemeral');
    expect(refusal.text).toMatch(/faster than I can keep up.*try again in \d+ seconds?/u);
    for (const s of sent.slice(0, 3)) await answerAt(s.id);
    await h.fake.settle(300);
    expect(h.fake.responsesTo(sent[3]!.id)).toHaveLength(0);
  });

  it('refuses a giant body before reading it as a command', async () => {
    const cmd = slashCommand('/ask', 'x'.repeat(600 * 1024));
    const res = await deliver(h.eventsUrl, SIGNING_SECRET, cmd.body, 'form');
    expect(res.status).toBe(413);
  });

  it('answers an over-long question with the length limit instead of a search', async () => {
    const cmd = slashCommand('/ask', 'revenue '.repeat(300));
    await deliver(h.eventsUrl, SIGNING_SECRET, cmd.body, 'form');
    const reply = await answerAt(cmd.id);
    expect(blockTexts(reply.body.blocks)).toMatch(/up to 1,000 characters/u);
  });
});

describe('buttons', () => {
  it('Post to channel shares the same answer in the channel, attributed, and removes the private copy', async () => {
    const cmd = slashCommand('/ask', 'cloudwalk layoffs', 'USHARE');
    await deliver(h.eventsUrl, SIGNING_SECRET, cmd.body, 'form');
    const reply = await answerAt(cmd.id);
    const button = reply.body.blocks.flatMap((b: any) => (b.type === 'actions' ? b.elements : [])).find((e: any) => e.action_id === ACTION_POST_TO_CHANNEL);
    expect(button).toBeDefined();

    const clickId = `click-${++seq}`;
    const base = fixture('block-actions.json');
    const payload = {
      ...base,
      user: { ...base.user, id: 'USHARE' },
      response_url: h.fake.responseUrl(clickId),
      actions: [{ ...base.actions[0], value: button.value, action_ts: `1715500400.${seq}` }],
    };
    const ack = await deliver(h.eventsUrl, SIGNING_SECRET, interactionBody(payload), 'form');
    expect(ack.status).toBe(200);
    const posts = await h.fake.waitFor('the shared answer and the removal of the private one', () => {
      const r = h.fake.responsesTo(clickId);
      return r.length >= 2 ? r : undefined;
    });
    const shared = posts.find((p) => p.body.response_type === 'in_channel');
    expect(shared).toBeDefined();
    expect(slackBlockProblems(shared!.body.blocks)).toEqual([]);
    const shown = blockTexts(shared!.body.blocks);
    expect(shown).toContain('<@USHARE> shared');
    for (const snippet of expectedSnippets(await expectedAnswer('ask', 'cloudwalk layoffs'))) expect(shown).toContain(snippet);
    // No second Post button in the channel copy.
    expect(JSON.stringify(shared!.body.blocks)).not.toContain(ACTION_POST_TO_CHANNEL);
    expect(posts.some((p) => p.body.delete_original === true)).toBe(true);
  });

  it('More sources answers privately with the sources of every figure', async () => {
    const clickId = `more-${++seq}`;
    const base = fixture('block-actions.json');
    const value = encodeButtonValue({ command: 'metric', text: 'cloudwalk revenue 2024' })!;
    const payload = {
      ...base,
      user: { ...base.user, id: 'UMORE' },
      response_url: h.fake.responseUrl(clickId),
      actions: [{ ...base.actions[0], action_id: ACTION_MORE_SOURCES, text: { type: 'plain_text', text: 'More sources' }, value, action_ts: `1715500500.${seq}` }],
    };
    expect((await deliver(h.eventsUrl, SIGNING_SECRET, interactionBody(payload), 'form')).status).toBe(200);
    const reply = await h.fake.waitFor('more sources', () => h.fake.responsesTo(clickId)[0]);
    expect(reply.body.response_type).toBe('ephemeral');
    expect(slackBlockProblems(reply.body.blocks)).toEqual([]);
    const shown = blockTexts(reply.body.blocks);
    expect(shown).toContain('More sources');
    const expected = await expectedAnswer('metric', 'cloudwalk revenue 2024');
    for (const f of expected.figures) for (const c of [f.source, ...f.corroborating]) expect(shown).toContain(c.quote.slice(0, 40).replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;'));
    if (!expected.figures.length) expect(shown).toContain('No further sources');
  });

  it('a button with a value that is not ours gets a clear message, not a crash', async () => {
    const clickId = `bad-${++seq}`;
    const base = fixture('block-actions.json');
    const payload = { ...base, user: { ...base.user, id: 'UBAD' }, response_url: h.fake.responseUrl(clickId), actions: [{ ...base.actions[0], value: '{"not":"ours"}', action_ts: `1715500600.${seq}` }] };
    expect((await deliver(h.eventsUrl, SIGNING_SECRET, interactionBody(payload), 'form')).status).toBe(200);
    const reply = await h.fake.waitFor('the expired-button message', () => h.fake.responsesTo(clickId)[0]);
    expect(reply.body.text).toMatch(/no longer works/u);
  });
});

describe('health and secrets', () => {
  it('GET /healthz answers 200', async () => {
    const res = await fetch(`http://127.0.0.1:${h.bot.port}/healthz`, { signal: AbortSignal.timeout(5_000) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it('sent every Web API call with the bot token, and never wrote a secret to the log', async () => {
    expect(h.fake.apiCalls.length).toBeGreaterThan(0);
    expect(h.logs.lines.length).toBeGreaterThan(0);
    expect(h.logs.text).not.toContain('xoxb-1111111111');
    expect(h.logs.text).not.toContain(SIGNING_SECRET);
  });
});
