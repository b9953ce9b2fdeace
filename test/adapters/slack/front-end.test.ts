import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../commands/index.ts';
import type { FrontEndDeps } from '../../../src/front-end.ts';
import { startSlackBot } from '../../../src/adapters/slack/app.ts';
import { slackFrontEnd } from '../../../src/adapters/slack/index.ts';
import { loadBaseConfig } from '../../../src/config.ts';
import { FakeSlack } from '../../fakes/fake-slack.ts';
import { bundledContext, bundledEngine } from '../../helpers/engine.ts';
import { APP_TOKEN, BOT_TOKEN, LogCapture } from './harness.ts';

/** The factory `main` uses, started against the fake as `npm start` would start it. */
let fake: FakeSlack;
const logs = new LogCapture();

beforeAll(async () => {
  fake = await FakeSlack.start({ botTokens: [BOT_TOKEN], appTokens: [APP_TOKEN] });
});

afterAll(async () => {
  await fake?.close();
});

function deps(): FrontEndDeps {
  const { config } = loadBaseConfig({ PORT: '0' });
  return { engine: bundledEngine(), config, logger: logs.logger, now: () => new Date(), context: () => bundledContext() };
}

describe('slackFrontEnd', () => {
  it('starts from the environment in Socket Mode, posts, and stops', async () => {
    const env = { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: fake.apiUrl };
    expect(slackFrontEnd.check(env)).toEqual({ enabled: true });
    const running = await slackFrontEnd.start(env, deps());
    try {
      expect(running.name).toBe('slack');
      await fake.waitFor('the socket', () => fake.socketConnections > 0);
      const answer = await runCommand('help', { text: '' }, bundledContext());
      await running.post!({ platform: 'slack', id: 'C0FE' }, answer);
    } catch (error) {
      await running.stop();
      throw error;
    }
    await running.stop();
    expect(fake.calls('chat.postMessage').some((c) => c.params.channel === 'C0FE')).toBe(true);
  });

  it('fails to start with a message naming SLACK_BOT_TOKEN when Slack refuses the token, without the token', async () => {
    const wrong = 'xoxb-9999999999-8888888888-WRONGwrongWRONGwrong';
    const started = startSlackBot({ mode: 'socket', botToken: wrong, appToken: APP_TOKEN, apiUrl: fake.apiUrl, port: 0 }, { logger: logs.logger, context: () => bundledContext() }, { clientOptions: { retryConfig: { retries: 0 } } });
    await expect(started).rejects.toThrow(/Slack refused SLACK_BOT_TOKEN \(invalid_auth\)/u);
    await started.catch((error: Error) => expect(error.message).not.toContain(wrong));
    expect(logs.text).not.toContain(wrong);
  });
});

describe('boundary', () => {
  it('only the Slack adapter imports @slack packages; core and commands import no platform', () => {
    const root = resolve(import.meta.dirname, '../../..');
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
      });
    const offenders = [...files(join(root, 'src')), ...files(join(root, 'commands'))].filter((file) => {
      const text = readFileSync(file, 'utf8');
      const slack = /from ['"]@slack\//u.test(text) && !file.includes(join('src', 'adapters', 'slack'));
      const platformInCore = (file.includes(join('src', 'core')) || file.includes(`${join(root, 'commands')}`)) && /from ['"](@slack\/|discord\.js)/u.test(text);
      return slack || platformInCore;
    });
    expect(offenders).toEqual([]);
  });
});
