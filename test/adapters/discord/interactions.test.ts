import { GatewayIntentBits, MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../commands/index.ts';
import type { Answer } from '../../../src/core/answer.ts';
import { bundledContext } from '../../helpers/engine.ts';
import { limitProblems } from './limits.ts';
import { startHarness, TOKEN, visibleText, type Harness } from './harness.ts';

/**
 * Slash commands end to end: the fake Discord dispatches INTERACTION_CREATE over the
 * gateway to the real discord.js client, and the assertions are on the callbacks and
 * webhook calls the fake received. Expected answers come from `runCommand` on the
 * bundled corpus, so these tests hold when figure extraction lands.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ run: { rateLimit: { capacity: 3, refillMs: 60_000 } } });
});
afterAll(async () => {
  await h?.close();
});

let users = 0;
/** A fresh user per test, so the per-user rate limit of one test does not reach another. */
const nextUser = () => `11000000000000001${String(++users).padStart(2, '0')}`;

async function firstCallback(id: string) {
  return h.fake.waitFor(`the callback of interaction ${id}`, () => h.fake.callbacks(id)[0]);
}

/** What the answer must show, whatever the corpus says. */
function expectShows(text: string, expected: Answer): void {
  if (expected.figures.length) {
    for (const f of expected.figures) {
      expect(text).toContain(f.display);
      expect(text).toContain(f.source.quote);
      expect(text).toContain(f.source.title);
      if (f.source.published) expect(text).toContain(f.source.published);
    }
  } else if (expected.passages.length) {
    for (const p of expected.passages) {
      expect(text).toContain(p.quote);
      expect(text).toContain(p.title);
    }
  } else {
    expect(text).toContain(expected.message.split('\n')[0]);
    for (const k of expected.known) expect(text).toContain(k);
  }
}

describe('Discord slash commands', () => {
  it('identifies with the bot token and no privileged intent', () => {
    const identify = h.fake.sent(2)[0]!;
    expect(identify.d.token).toBe(TOKEN);
    const intents = identify.d.intents as number;
    expect(intents & GatewayIntentBits.MessageContent).toBe(0);
    expect(intents & GatewayIntentBits.GuildMembers).toBe(0);
    expect(intents & GatewayIntentBits.GuildPresences).toBe(0);
    expect(intents & GatewayIntentBits.GuildMessages).toBeTruthy();
    expect(h.fake.find('GET', '/gateway/bot')[0]!.auth).toBe('bot');
  });

  it('answers /metric with a type 4 reply showing what the core answers', async () => {
    const options = { company: 'cloudwalk', metric: 'revenue', period: '2024' };
    const expected = await runCommand('metric', { options }, bundledContext());
    const { id } = h.fake.sendCommand('metric', options, { userId: nextUser() });
    const cb = await firstCallback(id);
    expect(cb.body.type).toBe(4);
    expect(cb.auth).toBe('none');
    expect(cb.body.data.flags ?? 0).toBe(0);
    expect(cb.body.data.allowed_mentions.parse).toEqual([]);
    expect(limitProblems(cb.body.data)).toEqual([]);
    expectShows(visibleText(cb.body.data), expected);
    expect(h.fake.callbacks(id)).toHaveLength(1);
  });

  it('answers a series and a comparison with every figure, each quote shown', async () => {
    for (const [name, options] of [
      ['metric', { company: 'qingcloud', metric: 'revenue', period: '2019-2023' }],
      ['compare', { metric: 'revenue', companies: 'cloudwalk, qingcloud', period: '2023' }],
    ] as const) {
      const expected = await runCommand(name, { options }, bundledContext());
      const { id } = h.fake.sendCommand(name, options, { userId: nextUser() });
      const data = (await firstCallback(id)).body.data;
      expect(limitProblems(data)).toEqual([]);
      expectShows(visibleText(data), expected);
      if (expected.figures.length) {
        const fieldNames = data.embeds.flatMap((e: { fields?: Array<{ name: string }> }) => (e.fields ?? []).map((f) => f.name));
        for (const f of expected.figures) expect(fieldNames.some((n: string) => n.includes(f.period))).toBe(true);
      }
    }
  });

  it('answers /ask with passages as embeds: document title, quote, date', async () => {
    const options = { question: 'why is qingcloud losing money' };
    const expected = await runCommand('ask', { options }, bundledContext());
    expect(expected.status).toBe('answered');
    const { id } = h.fake.sendCommand('ask', options, { userId: nextUser() });
    const data = (await firstCallback(id)).body.data;
    expectShows(visibleText(data), expected);
    if (!expected.figures.length) {
      const footers = data.embeds.map((e: any) => e.footer?.text ?? '');
      for (const p of expected.passages) expect(footers.some((f: string) => f.startsWith(p.published ?? 'undated'))).toBe(true);
    }
  });

  it('runs a command from a DM (user instead of member)', async () => {
    const expected = await runCommand('sources', { options: {} }, bundledContext());
    const { id } = h.fake.sendCommand('sources', {}, { dm: true, userId: nextUser() });
    const data = (await firstCallback(id)).body.data;
    for (const d of expected.documents ?? []) expect(visibleText(data)).toContain(d.title);
  });

  it('shows not_found with what is known, publicly', async () => {
    const options = { company: 'cloudwalk', metric: 'revenue', period: '1999' };
    const expected = await runCommand('metric', { options }, bundledContext());
    expect(expected.status).toBe('not_found');
    const { id } = h.fake.sendCommand('metric', options, { userId: nextUser() });
    const data = (await firstCallback(id)).body.data;
    expect(data.flags ?? 0).toBe(0);
    const text = visibleText(data);
    expect(text).toContain(expected.message.split('\n')[0]);
    for (const k of expected.known) expect(text).toContain(k);
    for (const s of expected.suggestions) expect(text).toContain(s);
  });

  it('answers invalid input and input over the cap to the asker only', async () => {
    const { id } = h.fake.sendCommand('metric', { company: 'cloudwalk', metric: 'revenue', period: 'sometime soon' }, { userId: nextUser() });
    const cb = await firstCallback(id);
    expect(cb.body.data.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(visibleText(cb.body.data)).toContain('is not a period I can read');
    // Discord enforces max_length on its side; a modified client is still refused here.
    const long = h.fake.sendCommand('ask', { question: 'revenue '.repeat(200) }, { userId: nextUser() });
    const longCb = await firstCallback(long.id);
    expect(longCb.body.data.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(visibleText(longCb.body.data)).toContain('1,600 characters long');
  });

  it('answers a command Discord still has but commands/ no longer does', async () => {
    const { id } = h.fake.sendCommand('metirc', { company: 'x' }, { userId: nextUser() });
    const cb = await firstCallback(id);
    expect(cb.body.data.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(visibleText(cb.body.data)).toContain('Did you mean /metric?');
  });

  it('rate-limits one user with a polite ephemeral message and keeps answering others', async () => {
    const user = nextUser();
    const ids = [1, 2, 3, 4].map(() => h.fake.sendCommand('help', {}, { userId: user }).id);
    const bodies = await Promise.all(ids.map(async (id) => (await firstCallback(id)).body));
    expect(bodies.slice(0, 3).every((b) => b.type === 4 && !(b.data.flags & MessageFlags.Ephemeral))).toBe(true);
    expect(bodies[3]!.data.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(bodies[3]!.data.content).toMatch(/^You're asking faster than I can keep up with\. Please try again in \d+ seconds?\.$/u);
    const other = h.fake.sendCommand('help', {}, { userId: nextUser() });
    expect((await firstCallback(other.id)).body.data.flags ?? 0).toBe(0);
  });

  it('apologises for an internal error, ephemerally, with a reference id that is in the log', async () => {
    h.engine.broken = true;
    let cb;
    try {
      const { id } = h.fake.sendCommand('metric', { company: 'cloudwalk', metric: 'revenue' }, { userId: nextUser() });
      cb = await firstCallback(id);
    } finally {
      h.engine.broken = false;
    }
    expect(cb.body.data.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(cb.body.data.embeds ?? []).toEqual([]);
    const errorId = cb.body.data.content.match(/reference to the team: ([0-9a-f]{8})\./u)?.[1];
    expect(errorId).toBeTruthy();
    expect(cb.body.data.content).not.toContain('index file unreadable');
    const logged = h.logLines().find((l) => l.errorId === errorId && l.level === 'error');
    expect(logged).toBeTruthy();
    expect(JSON.stringify(logged)).toContain('index file unreadable');
  });

  it('completes companies in English and both Chinese scripts, with values the core resolves', async () => {
    for (const typed of ['雲從', '云从', 'cloudw']) {
      const { id } = h.fake.sendAutocomplete('metric', 'company', typed);
      const cb = await firstCallback(id);
      expect(cb.body.type).toBe(8);
      const choices = cb.body.data.choices as Array<{ name: string; value: string }>;
      expect(choices.length).toBeGreaterThan(0);
      expect(choices.length).toBeLessThanOrEqual(25);
      expect(choices[0]!.name).toContain('云从科技');
      expect(choices[0]!.name).toContain('雲從科技');
      const resolved = await runCommand('metric', { options: { company: choices[0]!.value, metric: 'revenue' } }, bundledContext());
      expect(resolved.context?.company).toBe('cloudwalk-technology');
    }
  });

  it('completes metrics, each value resolving to a different metric', async () => {
    const { id } = h.fake.sendAutocomplete('compare', 'metric', '');
    const choices = (await firstCallback(id)).body.data.choices as Array<{ name: string; value: string }>;
    expect(choices).toHaveLength(25);
    const ids = new Set<string>();
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      const a = await runCommand('metric', { options: { company: 'cloudwalk', metric: c.value } }, bundledContext());
      expect(a.context?.metric, c.value).toBeTruthy();
      ids.add(a.context!.metric!);
    }
    expect(ids.size).toBe(choices.length);
    const zh = h.fake.sendAutocomplete('metric', 'metric', '毛利', { company: 'cloudwalk' });
    const names = ((await firstCallback(zh.id)).body.data.choices as Array<{ name: string }>).map((c) => c.name);
    expect(names.some((n) => n.startsWith('Gross margin'))).toBe(true);
  });

  it('answers autocomplete for an option without completion with an empty list', async () => {
    const { id } = h.fake.sendAutocomplete('metric', 'period', '20');
    expect((await firstCallback(id)).body).toEqual({ type: 8, data: { choices: [] } });
  });

  it('never writes the bot token or an interaction token to the log', () => {
    const text = h.logText();
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('interaction-token-');
  });
});
