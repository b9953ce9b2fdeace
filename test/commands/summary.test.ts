import { afterEach, describe, expect, it } from 'vitest';
import { runCommand, runInput, type ChannelRef } from '../../commands/index.ts';
import type { Digest } from '../../src/core/digest/digest.ts';
import type { Answer } from '../../src/core/answer.ts';
import { bundledContext } from '../helpers/engine.ts';
import { StorePool, tempDir } from '../store/temp-store.ts';

const RESULTS = 'cloudwalk-2024-results-zh-hant';
const digestOf = (a: Answer) => (a.data as { digest: Digest }).digest;
const channel: ChannelRef = { platform: 'discord', id: '5550001', workspace: 'G1' };

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

describe('/summary', () => {
  it('defaults to the last full week before now (the bundled context is Monday 2025-05-12)', async () => {
    const answer = await runInput('/summary', bundledContext());
    expect(answer.status).toBe('answered');
    const d = digestOf(answer);
    expect(d.week).toMatchObject({ monday: '2025-05-05', sunday: '2025-05-11', timeZone: 'UTC' });
    expect(d.documents.map((x) => x.document)).toEqual([RESULTS]);
    expect(d.inProgress).toBe(false);
  });

  it('takes companies and any date inside the week, in either order', async () => {
    const a = await runInput('/summary qingcloud 2024-11-07', bundledContext());
    const b = await runInput('/summary 2024/11/10 青云科技', bundledContext());
    expect(digestOf(a).week.monday).toBe('2024-11-04');
    expect(digestOf(a).following).toEqual(['qingcloud-technology']);
    expect(digestOf(b)).toEqual(digestOf(a));
    const typed = await runCommand('summary', { options: { companies: 'qingcloud', week: '2024-11-05' } }, bundledContext());
    expect(digestOf(typed)).toEqual(digestOf(a));
  });

  it('refuses a date that does not exist, and a week that has not started', async () => {
    const bad = await runInput('/summary 2025-02-30', bundledContext());
    expect(bad.status).toBe('invalid');
    expect(bad.message).toContain('"2025-02-30" is not a date I can read. Name the week by any date inside the week as YYYY-MM-DD');
    const future = await runInput('/summary 2025-06-01', bundledContext());
    expect(future.status).toBe('invalid');
    expect(future.message).toContain('has not started yet');
  });

  it('an unknown company gets a did-you-mean', async () => {
    const answer = await runInput('/summary kingsof cloud', bundledContext());
    expect(answer.status).toBe('not_found');
    expect(answer.message).toContain('Did you mean Kingsoft Cloud?');
  });

  it('uses the channel subscription’s companies and zone when none are named', async () => {
    const tmp = tempDir('finqa-summary-');
    const pool = new StorePool(tmp.dbPath);
    cleanups.push(() => pool.closeAll(), tmp.cleanup);
    const ctx = bundledContext({ channel, subscriptions: pool.connect().subscriptions });
    await runInput('/subscribe cloudwalk monday 09:00 America/New_York', ctx);
    const answer = await runInput('/summary', ctx);
    // Monday 2025-05-12 09:00 UTC is 05:00 in New York: the last full week there is 5-11 May.
    expect(digestOf(answer).week).toMatchObject({ monday: '2025-05-05', timeZone: 'America/New_York' });
    expect(digestOf(answer).following).toEqual(['cloudwalk-technology']);
    const early = await runInput('/summary', { ...ctx, now: () => new Date('2025-05-12T02:00:00Z') });
    expect(digestOf(early).week.monday).toBe('2025-04-28');
  });
});
