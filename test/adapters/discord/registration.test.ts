import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { REST } from 'discord.js';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import { defineCommand } from '../../../commands/types.ts';
import { makeAnswer } from '../../../src/core/answers/make.ts';
import { commandPayload, commandPayloads, validateCommandPayloads, type CommandPayload } from '../../../src/adapters/discord/registration.ts';
import { syncCommands } from '../../../src/adapters/discord/registration-sync.ts';
import { FakeDiscord } from '../../fakes/fake-discord.ts';
import { APP_ID, TOKEN } from './harness.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('Discord command JSON generated from commands/', () => {
  const payloads = commandPayloads();

  it('has one chat-input command per command, valid by Discord rules', () => {
    expect(payloads.map((p) => p.name)).toEqual(commands.map((c) => c.name));
    expect(validateCommandPayloads(payloads)).toEqual([]);
    for (const p of payloads) {
      expect(p.type).toBe(1);
      expect(p.name).toMatch(/^[-_\p{L}\p{N}]{1,32}$/u);
      expect(p.name).toBe(p.name.toLowerCase());
      expect(p.description.length).toBeGreaterThanOrEqual(1);
      expect(p.description.length).toBeLessThanOrEqual(100);
      const options = p.options ?? [];
      expect(options.length).toBeLessThanOrEqual(25);
      const required = options.map((o) => Boolean('required' in o && o.required));
      expect(required).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
      for (const o of options) {
        expect(o.type).toBe(3);
        expect(o.name).toMatch(/^[-_\p{L}\p{N}]{1,32}$/u);
        expect(o.description.length).toBeLessThanOrEqual(100);
        expect('choices' in o && o.choices?.length && 'autocomplete' in o && o.autocomplete).toBeFalsy();
      }
    }
  });

  it('types each option as declared: required flag, max length, autocomplete for companies and metrics', () => {
    for (const c of commands) {
      const p = payloads.find((x) => x.name === c.name)!;
      for (const declared of c.options) {
        const o = p.options!.find((x) => x.name === declared.name) as unknown as Record<string, unknown>;
        expect(o, `${c.name} ${declared.name}`).toBeTruthy();
        expect(Boolean(o.required)).toBe(declared.required);
        expect(o.max_length).toBe(declared.maxLength);
        expect(Boolean(o.autocomplete)).toBe(declared.autocomplete === 'company' || declared.autocomplete === 'metric');
      }
    }
    const metric = payloads.find((p) => p.name === 'metric')!;
    expect(metric.options!.filter((o) => 'autocomplete' in o && o.autocomplete).map((o) => o.name)).toEqual(['company', 'metric']);
  });

  it('registers a command added later without a change: options reordered, long text cut to the limits', () => {
    const later = defineCommand({
      name: 'later-example',
      description: 'Get a weekly digest of the figures of one company in this channel, every Monday morning, in your time zone',
      usage: '/later-example [day] <company>',
      options: [
        { name: 'day', description: 'Day of the week', required: false, maxLength: 20 },
        { name: 'company', description: 'The company', required: true, autocomplete: 'company', maxLength: 100 },
      ],
      schema: z.object({ company: z.string(), day: z.string().optional() }),
      parseText: (text) => ({ company: text }),
      examples: () => [],
      run: () => makeAnswer({ query: '', command: 'later-example', status: 'answered', message: '' }),
    });
    const p = commandPayload(later);
    expect(p.options!.map((o) => o.name)).toEqual(['company', 'day']);
    expect(p.description.length).toBeLessThanOrEqual(100);
    expect(p.description.length).toBeGreaterThan(80);
    expect(p.description.endsWith('…')).toBe(true);
    expect(validateCommandPayloads([...payloads, p])).toEqual([]);
  });

  it('names every rule a broken payload breaks', () => {
    const good = payloads[0]!;
    const option = (name: string, required: boolean) => ({ type: 3, name, description: 'd', required });
    const broken: CommandPayload[] = [
      { ...good, name: 'Metric' },
      { ...good, name: 'ask', description: 'x'.repeat(101) },
      { ...good, name: 'many', options: Array.from({ length: 26 }, (_, i) => option(`o${i}`, false)) },
      { ...good, name: 'order', options: [option('a', false), option('b', true)] },
      { ...good, name: 'both', options: [{ type: 3, name: 'a', description: 'd', autocomplete: true, choices: [{ name: 'x', value: 'x' }] } as never] },
      { ...good, name: 'long', options: [{ type: 3, name: 'a', description: 'd', max_length: 7000 }] },
      { ...good, name: 'has space' },
    ];
    const problems = validateCommandPayloads(broken).join('\n');
    expect(problems).toMatch(/\/Metric: name "Metric" must be lower case/u);
    expect(problems).toMatch(/\/ask: description of 101 characters/u);
    expect(problems).toMatch(/\/many: 26 options; at most 25/u);
    expect(problems).toMatch(/\/order option b: a required option after an optional one/u);
    expect(problems).toMatch(/\/both option a: autocomplete and choices together/u);
    expect(problems).toMatch(/\/long option a: max_length 7000/u);
    expect(problems).toMatch(/\/has space: name "has space"/u);
  });
});

describe('Discord command registration against the fake', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start({ token: TOKEN, applicationId: APP_ID });
  });
  afterAll(async () => {
    await fake?.close();
  });
  const rest = () => new REST({ api: fake.apiUrl, retries: 0 }).setToken(TOKEN);
  const writes = () => fake.requests.filter((r) => r.path.includes('/commands') && r.method !== 'GET');

  it('creates, then sends nothing unchanged, updates what changed and deletes what is gone', async () => {
    const payloads = commandPayloads();
    const target = { applicationId: APP_ID, guildId: fake.guildId };
    const first = await syncCommands(rest(), target, payloads);
    expect(first.created).toEqual(payloads.map((p) => p.name));
    expect(fake.commands.get(fake.guildId)!.map((c) => c.name)).toEqual(payloads.map((p) => p.name));
    expect(writes().every((w) => w.auth === 'bot' && w.path === `/applications/${APP_ID}/guilds/${fake.guildId}/commands`)).toBe(true);

    const before = writes().length;
    const second = await syncCommands(rest(), target, payloads);
    expect(second.unchanged).toEqual(payloads.map((p) => p.name));
    expect(writes().length).toBe(before);

    const stored = fake.commands.get(fake.guildId)!;
    stored.find((c) => c.name === 'ask')!.description = 'an older description';
    stored.push({ id: '1260000000000000999', name: 'retired', description: 'gone from commands/', type: 1, options: [] });
    const third = await syncCommands(rest(), target, payloads);
    expect(third.updated).toEqual(['ask']);
    expect(third.deleted).toEqual(['retired']);
    expect(writes().slice(before).map((w) => `${w.method} ${w.path.split('/').at(-1)}`)).toEqual([
      `PATCH ${stored.find((c) => c.name === 'ask')!.id}`,
      'DELETE 1260000000000000999',
    ]);
  });

  /** Run the script as `npm run discord:register` does. Async: the fake answers from this process. */
  function register(env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
    return new Promise((done) => {
      execFile(process.execPath, ['--import', 'tsx', 'scripts/discord-register.ts'], { cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, timeout: 60_000 }, (error, out, err) => {
        done({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, out, err });
      });
    });
  }

  it('npm run discord:register registers globally, then reports nothing to send', async () => {
    const env = { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl };
    const first = await register(env);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain('all servers (global');
    expect(first.out).toContain(`created:   ${commands.map((c) => `/${c.name}`).join(', ')}`);
    expect(fake.commands.get('global')!.map((c) => c.name)).toEqual(commands.map((c) => c.name));
    const before = writes().length;
    const second = await register(env);
    expect(second.code).toBe(0);
    expect(second.out).toContain('nothing to send');
    expect(writes().length).toBe(before);
  }, 60_000);

  it('says what is wrong without printing the token', async () => {
    const wrong = `${TOKEN.slice(0, -4)}abcd`;
    const rejected = await register({ DISCORD_TOKEN: wrong, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl });
    expect(rejected.code).toBe(1);
    expect(rejected.err).toContain('Discord rejected DISCORD_TOKEN (401)');
    expect(rejected.err + rejected.out).not.toContain(wrong);
    const missing = await register({ DISCORD_TOKEN: TOKEN });
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('DISCORD_APPLICATION_ID is not set');
  }, 60_000);
});
