import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commands } from '../../../commands/index.ts';
import { buildSlackManifest } from '../../../src/adapters/slack/manifest.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../..');

/** The parts of Slack's manifest schema this app relies on, with Slack's limits. */
const ManifestSchema = z.object({
  display_information: z.object({ name: z.string().min(1).max(35), description: z.string().max(140) }),
  features: z.object({
    app_home: z.object({ messages_tab_enabled: z.literal(true), messages_tab_read_only_enabled: z.literal(false) }),
    bot_user: z.object({ display_name: z.string().min(1).max(80), always_online: z.boolean() }),
    slash_commands: z
      .array(
        z.object({
          command: z.string().regex(/^\/[a-z0-9_-]{1,31}$/u),
          description: z.string().min(1).max(100),
          usage_hint: z.string().max(100).optional(),
          should_escape: z.boolean(),
          url: z.string().url().optional(),
        }),
      )
      .min(1)
      .max(50),
  }),
  oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }) }),
  settings: z.object({
    event_subscriptions: z.object({ bot_events: z.array(z.string()), request_url: z.string().url().optional() }),
    interactivity: z.object({ is_enabled: z.literal(true), request_url: z.string().url().optional() }),
    socket_mode_enabled: z.boolean(),
    org_deploy_enabled: z.boolean(),
    token_rotation_enabled: z.boolean(),
  }),
});

describe('npm run slack:manifest', () => {
  it('writes a valid Socket Mode manifest with every command, the scopes and the events', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'slack-manifest-')), 'manifest.json');
    const { stdout } = await run('npm', ['run', '-s', 'slack:manifest', '--', '--out', out], { cwd: ROOT, timeout: 60_000 });
    expect(stdout).toContain(`Wrote ${out}`);
    const manifest = ManifestSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(commands.map((c) => `/${c.name}`));
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['commands', 'chat:write', 'app_mentions:read', 'im:history']));
    // Charts: upload the PNG, and wait (files.info) until Slack can show it in an image block.
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['files:write', 'files:read']));
    expect(new Set(manifest.oauth_config.scopes.bot).size).toBe(manifest.oauth_config.scopes.bot.length);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['app_mention', 'message.im']));
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.request_url).toBeUndefined();
  });

  it('points everything at the request URL in HTTP mode', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/slack-manifest.ts', '--out', '-', '--request-url', 'https://bot.example.com/slack/events'], { cwd: ROOT, timeout: 60_000 });
    const manifest = ManifestSchema.parse(JSON.parse(stdout));
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.settings.event_subscriptions.request_url).toBe('https://bot.example.com/slack/events');
    expect(manifest.settings.interactivity.request_url).toBe('https://bot.example.com/slack/events');
    expect(manifest.features.slash_commands.every((c) => c.url === 'https://bot.example.com/slack/events')).toBe(true);
  });

  it('refuses a request URL that Slack could not reach', async () => {
    await expect(run(process.execPath, ['--import', 'tsx', 'scripts/slack-manifest.ts', '--out', '-', '--request-url', 'http://localhost:3000/slack/events'], { cwd: ROOT, timeout: 60_000 })).rejects.toMatchObject({
      stderr: expect.stringContaining('--request-url must be a public https URL'),
    });
  });

  it('picks up a command added to the list without other changes', () => {
    const extra = { name: 'forecast', description: 'A new command', usage: '/forecast <company>' };
    const manifest = buildSlackManifest([...commands, extra]);
    expect(manifest.features.slash_commands.at(-1)).toEqual({ command: '/forecast', description: 'A new command', usage_hint: '<company>', should_escape: false });
  });
});
