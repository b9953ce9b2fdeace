import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, TOKEN, type Harness } from './harness.ts';

/**
 * Gateway resilience with the real discord.js client: heartbeats are acknowledged, a
 * dropped socket is resumed (or re-identified when the session cannot be resumed) and
 * the bot keeps answering afterwards.
 */

let h: Harness;
beforeAll(async () => {
  // A short heartbeat so the test sees heartbeats without waiting 41 s.
  h = await startHarness({ fake: { heartbeatIntervalMs: 250 } });
});
afterAll(async () => {
  await h?.close();
});

async function answered(userId: string): Promise<void> {
  const { id } = h.fake.sendCommand('help', {}, { userId });
  const cb = await h.fake.waitFor(`an answer to interaction ${id}`, () => h.fake.callbacks(id)[0], 10_000);
  expect(cb.body.type).toBe(4);
}

describe('Discord gateway', () => {
  it('heartbeats, and the fake acknowledges them', async () => {
    await h.fake.waitFor('two heartbeats', () => h.fake.sent(1).length >= 2, 5_000);
    expect(h.fake.connections).toBe(1);
  });

  it('resumes the session after the socket drops and keeps answering', async () => {
    const identifies = h.fake.sent(2).length;
    await h.fake.dropConnection();
    const resume = await h.fake.waitFor('RESUME', () => h.fake.sent(6)[0], 10_000);
    expect(resume.d.token).toBe(TOKEN);
    expect(resume.d.session_id).toMatch(/^session-/u);
    expect(typeof resume.d.seq).toBe('number');
    await h.fake.waitFor('the resumed log line', () => h.logLines().some((l) => l.msg === 'discord gateway resumed'), 5_000);
    // Resumed, not a new session.
    expect(h.fake.sent(2).length).toBe(identifies);
    await answered('1100000000000000401');
  });

  it('delivers an interaction sent while the socket was down, replayed on resume', async () => {
    await h.fake.dropConnection(4000);
    const { id } = h.fake.sendCommand('help', {}, { userId: '1100000000000000402' });
    const cb = await h.fake.waitFor('the replayed interaction answered', () => h.fake.callbacks(id)[0], 10_000);
    expect(cb.body.type).toBe(4);
  });

  it('identifies again when Discord refuses to resume, and keeps answering', async () => {
    const identifies = h.fake.sent(2).length;
    h.fake.resumeMode = 'invalidate';
    await h.fake.dropConnection(4000);
    // discord.js waits out the identify rate limit (up to 6.5 s) before a new IDENTIFY.
    await h.fake.waitFor('a new IDENTIFY', () => h.fake.sent(2).length > identifies, 15_000);
    await answered('1100000000000000403');
  }, 30_000);
});
