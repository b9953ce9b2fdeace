import { describe, expect, it } from 'vitest';
import { slackFrontEnd } from '../../../src/adapters/slack/index.ts';
import { readSlackSettings } from '../../../src/adapters/slack/settings.ts';
import { APP_TOKEN, BOT_TOKEN, SIGNING_SECRET } from './harness.ts';

describe('Slack settings', () => {
  it('is off, saying why, when no Slack variable is set', () => {
    expect(slackFrontEnd.check({})).toEqual({ enabled: false, reason: 'SLACK_BOT_TOKEN is not set' });
  });

  it('chooses Socket Mode when SLACK_APP_TOKEN is set, HTTP mode otherwise', () => {
    const socket = readSlackSettings({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN });
    expect(socket.ok && socket.settings.mode).toBe('socket');
    const http = readSlackSettings({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: '8080', SLACK_API_URL: 'http://127.0.0.1:9/api' });
    expect(http.ok).toBe(true);
    if (http.ok) {
      expect(http.settings.mode).toBe('http');
      expect(http.settings.port).toBe(8080);
      expect(http.settings.apiUrl).toBe('http://127.0.0.1:9/api/');
    }
    expect(slackFrontEnd.check({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN })).toEqual({ enabled: true });
  });

  it.each([
    [{ SLACK_APP_TOKEN: APP_TOKEN }, /SLACK_BOT_TOKEN is not set.*xoxb-/u],
    [{ SLACK_BOT_TOKEN: 'xoxp-user-token-123', SLACK_APP_TOKEN: APP_TOKEN }, /SLACK_BOT_TOKEN must be the Bot User OAuth Token/u],
    [{ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: 'xoxb-wrong-kind' }, /SLACK_APP_TOKEN must be an App-Level Token.*xapp-/u],
    [{ SLACK_BOT_TOKEN: BOT_TOKEN }, /SLACK_SIGNING_SECRET is not set.*or set SLACK_APP_TOKEN/u],
    [{ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: 'not hex!' }, /SLACK_SIGNING_SECRET must be the hexadecimal Signing Secret/u],
    [{ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: 'ftp://x' }, /SLACK_API_URL must be an http\(s\) URL/u],
  ])('names the variable and the fix: %o', (env, reason) => {
    const check = slackFrontEnd.check(env);
    expect(check.enabled).toBe(false);
    if (!check.enabled) {
      expect(check.reason).toMatch(reason);
      // The value itself never appears in the message.
      for (const value of Object.values(env)) expect(check.reason).not.toContain(value);
    }
  });
});
