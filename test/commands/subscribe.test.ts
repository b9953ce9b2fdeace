import { afterEach, describe, expect, it } from 'vitest';
import { runCommand, runInput, type ChannelRef, type CommandContext } from '../../commands/index.ts';
import type { Subscription } from '../../src/core/subscriptions.ts';
import { bundledContext } from '../helpers/engine.ts';
import { StorePool, tempDir } from '../store/temp-store.ts';

const slackChannel: ChannelRef = { platform: 'slack', id: 'C0SUBS', workspace: 'T0SUBS' };
const CLOUDWALK = 'cloudwalk-technology';
const QINGCLOUD = 'qingcloud-technology';

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** A command context with a real database file and a fixed clock (Monday 2025-05-12 09:00 UTC). */
function context(overrides: Partial<CommandContext> = {}, defaultTimeZone = 'UTC'): CommandContext & { subscriptions: NonNullable<CommandContext['subscriptions']> } {
  const tmp = tempDir('finqa-commands-');
  const pool = new StorePool(tmp.dbPath);
  cleanups.push(() => pool.closeAll(), tmp.cleanup);
  const store = pool.connect(defaultTimeZone);
  return { ...bundledContext({ channel: slackChannel, user: { id: 'U1' } }), subscriptions: store.subscriptions, ...overrides } as CommandContext & {
    subscriptions: NonNullable<CommandContext['subscriptions']>;
  };
}

const subscriptionOf = async (ctx: CommandContext): Promise<Subscription | undefined> => ctx.subscriptions?.get(ctx.channel!);

describe('/subscribe', () => {
  it('subscribes the channel to companies, day, time and zone in one line', async () => {
    const ctx = context();
    const answer = await runInput('/subscribe cloudwalk qingcloud monday 09:00 Asia/Shanghai', ctx);
    expect(answer.status).toBe('answered');
    expect(await subscriptionOf(ctx)).toMatchObject({ companies: [CLOUDWALK, QINGCLOUD], weekday: 1, time: '09:00', timeZone: 'Asia/Shanghai', status: 'active', createdBy: 'U1' });
    expect(answer.message).toContain('Weekly summary of CloudWalk Technology and QingCloud Technology, every Monday 09:00 Asia/Shanghai.');
    // ctx.now() is Monday 2025-05-12 09:00 UTC = 17:00 in Shanghai, so the next slot is a week on.
    expect(answer.message).toContain('Next digest: Monday 2025-05-19 09:00 Asia/Shanghai.');
    expect((answer.data as { nextRun: string }).nextRun).toBe('2025-05-19T01:00:00.000Z');
  });

  it('defaults to all companies, Monday 09:00 and DEFAULT_TZ', async () => {
    const ctx = context({}, 'Europe/Berlin');
    const answer = await runInput('/subscribe', ctx);
    expect(answer.status).toBe('answered');
    expect(await subscriptionOf(ctx)).toMatchObject({ companies: [], weekday: 1, time: '09:00', timeZone: 'Europe/Berlin' });
    expect(answer.message).toContain('Weekly summary of all companies in the corpus, every Monday 09:00 Europe/Berlin.');
  });

  it('reads the parts in any order, Chinese names and days, and 12-hour times', async () => {
    const ctx = context();
    await runInput('/subscribe 9:30pm 雲從科技 星期五 america/new_york 688316', ctx);
    expect(await subscriptionOf(ctx)).toMatchObject({ companies: [CLOUDWALK, QINGCLOUD], weekday: 5, time: '21:30', timeZone: 'America/New_York' });
    await runInput('/subscribe 周日 9 am', ctx);
    expect(await subscriptionOf(ctx)).toMatchObject({ weekday: 7, time: '09:00' });
  });

  it('takes Discord-style typed options through the same validation', async () => {
    const ctx = context({ channel: { platform: 'discord', id: '998877', workspace: 'G1' } });
    const answer = await runCommand('subscribe', { options: { companies: 'Kingsoft Cloud', day: 'wed', time: '17:45', timezone: 'Asia/Kathmandu' } }, ctx);
    expect(answer.status).toBe('answered');
    expect(await subscriptionOf(ctx)).toMatchObject({ companies: ['kingsoft-cloud'], weekday: 3, time: '17:45', timeZone: 'Asia/Kathmandu' });
    const bad = await runCommand('subscribe', { options: { timezone: 'Asia/Atlantis' } }, ctx);
    expect(bad.status).toBe('invalid');
  });

  it('updates the channel’s subscription when run again; left-out parts keep their value', async () => {
    const ctx = context();
    await runInput('/subscribe cloudwalk monday 09:00 Asia/Shanghai', ctx);
    const first = (await subscriptionOf(ctx))!;
    const answer = await runInput('/subscribe friday', ctx);
    expect(answer.message).toMatch(/^Subscription updated\./u);
    expect(await subscriptionOf(ctx)).toMatchObject({ id: first.id, companies: [CLOUDWALK], weekday: 5, time: '09:00', timeZone: 'Asia/Shanghai' });
    await runInput('/subscribe all', ctx);
    expect((await subscriptionOf(ctx))?.companies).toEqual([]);
  });

  it.each([
    ['/subscribe cloudwalk funday', /"funday" is not a day I can read\. Use a day of the week: mon, tue, .*周一/u],
    ['/subscribe cloudwalk 25:00', /"25:00" is not a time I can read\. Use a time as 24-hour HH:MM \(09:00, 17:30\) or with am\/pm \(9am, 9:30pm\)/u],
    ['/subscribe cloudwalk Mars/Olympus', /"Mars\/Olympus" is not a time zone I know\. Use an IANA time zone name such as UTC, Asia\/Shanghai/u],
    ['/subscribe cloudwalk UTC+8', /"UTC\+8" is not a time zone I know/u],
    ['/subscribe monday friday', /Name one day, not "monday friday"/u],
    ['/subscribe mondya 9:00', /"mondya" is not a day I can read/u],
  ])('%s is refused naming the accepted forms', async (line, message) => {
    const ctx = context();
    const answer = await runInput(line, ctx);
    expect(answer.status).toBe('invalid');
    expect(answer.message).toMatch(message);
    expect(answer.message).toContain('Usage: /subscribe [companies...] [day] [time] [time zone]');
    expect(await subscriptionOf(ctx)).toBeUndefined();
  });

  it('an unknown company gets a did-you-mean and changes nothing', async () => {
    const ctx = context();
    await runInput('/subscribe qingcloud', ctx);
    const answer = await runInput('/subscribe clodwalk monday', ctx);
    expect(answer.status).toBe('not_found');
    expect(answer.message).toContain('Did you mean CloudWalk Technology?');
    expect(answer.suggestions).toContain('CloudWalk Technology');
    expect((await subscriptionOf(ctx))?.companies).toEqual([QINGCLOUD]);
  });

  it('says when a followed company has nothing in the corpus yet', async () => {
    const ctx = context();
    const answer = await runInput('/subscribe cloudwalk deepseek', ctx);
    expect(answer.status).toBe('answered');
    expect(answer.message).toContain('The corpus has nothing about DeepSeek yet');
  });

  it('answers clearly without a database or without a channel', async () => {
    const noDb = await runInput('/subscribe cloudwalk', bundledContext({ channel: slackChannel }));
    expect(noDb.status).toBe('invalid');
    expect(noDb.message).toContain("subscriptions need the bot's database");
    const noChannel = await runInput('/subscribe cloudwalk', context({ channel: undefined }));
    expect(noChannel.status).toBe('invalid');
    expect(noChannel.message).toMatch(/belong to a channel/u);
  });
});

describe('/subscriptions and /unsubscribe', () => {
  it('lists the channel’s subscription, and says when there is none', async () => {
    const ctx = context();
    const none = await runInput('/subscriptions', ctx);
    expect(none.status).toBe('not_found');
    expect(none.message).toContain('This channel has no weekly summary.');
    await runInput('/subscribe qingcloud tue 08:15 Europe/Berlin', ctx);
    const listed = await runInput('/subscriptions', ctx);
    expect(listed.status).toBe('answered');
    expect(listed.message).toBe(
      ['Weekly summary of QingCloud Technology, every Tuesday 08:15 Europe/Berlin.', 'Next digest: Tuesday 2025-05-13 08:15 Europe/Berlin.', 'No digest posted yet.'].join('\n'),
    );
    // Another channel's subscription is not shown here.
    const other = await runInput('/subscriptions', { ...ctx, channel: { platform: 'slack', id: 'C0OTHER', workspace: 'T0SUBS' } });
    expect(other.status).toBe('not_found');
  });

  it('shows a paused subscription and how to resume it', async () => {
    const ctx = context();
    await runInput('/subscribe qingcloud', ctx);
    (ctx.subscriptions as unknown as { pause(id: number, reason: string, now: Date): void }).pause((await subscriptionOf(ctx))!.id, 'posting failed 3 times, last: channel_not_found', ctx.now());
    const listed = await runInput('/subscriptions', ctx);
    expect(listed.message).toContain('Paused: posting failed 3 times, last: channel_not_found. Run /subscribe here again to resume it.');
    const resumed = await runInput('/subscribe', ctx);
    expect(resumed.message).toMatch(/^Subscription updated and resumed\./u);
    expect((await subscriptionOf(ctx))?.status).toBe('active');
  });

  it('/unsubscribe drops some companies, then the whole subscription', async () => {
    const ctx = context();
    await runInput('/subscribe cloudwalk qingcloud kingsoft cloud', ctx);
    const some = await runInput('/unsubscribe 青云科技', ctx);
    expect(some.status).toBe('answered');
    expect(some.message).toContain('No longer following QingCloud Technology.');
    expect((await subscriptionOf(ctx))?.companies).toEqual([CLOUDWALK, 'kingsoft-cloud']);
    const notFollowed = await runInput('/unsubscribe qingcloud', ctx);
    expect(notFollowed.status).toBe('not_found');
    const all = await runInput('/unsubscribe', ctx);
    expect(all.status).toBe('answered');
    expect(all.message).toMatch(/^Unsubscribed/u);
    expect(await subscriptionOf(ctx)).toBeUndefined();
    expect((await runInput('/unsubscribe', ctx)).status).toBe('not_found');
  });

  it('/unsubscribe of one company from "all companies" explains instead of guessing', async () => {
    const ctx = context();
    await runInput('/subscribe', ctx);
    const answer = await runInput('/unsubscribe cloudwalk', ctx);
    expect(answer.status).toBe('invalid');
    expect(answer.message).toContain('This channel follows all companies');
    expect((await subscriptionOf(ctx))?.companies).toEqual([]);
  });

  it('are listed by /help', async () => {
    const answer = await runInput('/help', bundledContext());
    for (const name of ['/subscribe', '/unsubscribe', '/subscriptions', '/summary']) expect(answer.message).toContain(name);
  });
});
