import { exec } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgStore, type PgStore } from '../../src/store/postgres/open.ts';
import { freshPgSchema, notePgSkip, TEST_DATABASE_URL } from '../store/backends.ts';
import { commandBody, inBatches, mentionBody, ReplicaSet, send, waitUntil, type Replica } from './replica-harness.ts';

/**
 * Two bot processes on one PostgreSQL database behind the fake Slack (HTTP mode, signed
 * requests): the "tests with real parts". Needs a real server (TEST_DATABASE_URL,
 * and TEST_PG_RESTART for the restart test: scripts/test-pg.sh and CI set both).
 *
 * The tests share one set of replicas and run in order; the last one kills a replica.
 */

notePgSkip('replica tests (two bot processes on one PostgreSQL)');

/** Bound on a dead replica delaying a digest: lease (4 s) + poll (1 s) + the check and the post, with room for a loaded machine. */
const TAKEOVER_BOUND_MS = 15_000;

describe.skipIf(!TEST_DATABASE_URL)('two replicas on one PostgreSQL database', () => {
  let set: ReplicaSet;
  let store: PgStore;
  let drop: () => Promise<void>;
  let r0: Replica;
  let r1: Replica;
  const replicaOf = (i: number) => (i % 2 ? r1 : r0);
  const other = (r: Replica) => (r === r0 ? r1 : r0);

  beforeAll(async () => {
    const schema = await freshPgSchema();
    drop = schema.drop;
    // Replica 0 also has DATABASE_PATH: DATABASE_URL must win, and the banner say so.
    set = await ReplicaSet.start({ databaseUrl: schema.url, env: (i) => (i === 0 ? { DATABASE_PATH: '/nonexistent/should-not-be-used.sqlite' } : {}) });
    [r0, r1] = set.replicas as [Replica, Replica];
    store = openPgStore(schema.url);
  }, 120_000);

  afterAll(async () => {
    await set?.close();
    await store?.close();
    await drop?.();
  }, 60_000);

  /** Answers posted in the thread of `ts` (mentions). */
  const threadAnswers = (ts: string) => set.fake.messages.filter((m) => m.threadTs === ts).length;
  /** Answers sent to a command's response URL. */
  const commandAnswers = (id: string) => set.fake.responsesTo(id).length;

  it('both started on the same schema, migrated once, and name the store in the banner', async () => {
    for (const r of [r0, r1]) {
      expect(r.stdout).toMatch(/store: PostgreSQL at postgres:\/\/finqa@127\.0\.0\.1:\d+\/finqa_test/u);
      // The password never reaches the banner or the logs.
      const password = decodeURIComponent(new URL(TEST_DATABASE_URL!).password);
      expect(r.stdout + r.stderr).not.toContain(password);
      const health = await r.health();
      expect(health).toMatchObject({ status: 200, body: { ok: true, store: { kind: 'postgres', ok: true }, degraded: false } });
    }
    expect(r0.stdout).toContain('DATABASE_PATH is ignored because DATABASE_URL is set');
    const { rows } = await store.connection.pool.query('SELECT version FROM schema_version ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual([1, 2]);
  });

  it('500 signed events and commands, a third delivered twice across replicas: each answered exactly once', async () => {
    const N = 500;
    const items = Array.from({ length: N }, (_, i) => ({
      i,
      kind: i % 2 ? ('command' as const) : ('event' as const),
      id: `load-${i}`,
      // One user per question: the rate limit is tested on its own.
      user: `UL${String(i).padStart(4, '0')}`,
      ts: `1716000000.${String(i).padStart(6, '0')}`,
      text: ['revenue of cloudwalk', 'what is qingcloud', 'gross margin kingsoft cloud', 'help'][i % 4]!,
    }));
    const bodyOf = (it: (typeof items)[number]) =>
      it.kind === 'command'
        ? { body: commandBody(set.fake, { id: it.id, user: it.user, text: it.text }), kind: 'form' as const }
        : { body: mentionBody({ eventId: `Ev${it.i}`, user: it.user, text: it.text, ts: it.ts }), kind: 'json' as const };
    const twice = items.filter((it) => it.i % 3 === 0);
    // First deliveries alternate replicas; each retry goes to the other one, some while the first is in flight.
    const tasks = [
      ...items.map((it) => () => send(replicaOf(it.i), bodyOf(it).body, bodyOf(it).kind)),
      ...twice.map((it) => () => send(other(replicaOf(it.i)), bodyOf(it).body, bodyOf(it).kind, true)),
    ];
    // Interleave retries among the originals instead of sending them all at the end.
    const order = tasks.map((t, k) => ({ t, key: k < N ? k : (k - N) * 3 + 1.5 })).sort((a, b) => a.key - b.key);
    const started = Date.now();
    const deliveries = await inBatches(
      order.map((o) => o.t),
      16,
    );
    expect(deliveries.every((d) => d.status === 200)).toBe(true);
    await waitUntil(
      'every question answered',
      () => items.every((it) => (it.kind === 'command' ? commandAnswers(it.id) : threadAnswers(it.ts)) >= 1),
      120_000,
    );
    await new Promise((r) => setTimeout(r, 1_500));
    const counts = items.map((it) => (it.kind === 'command' ? commandAnswers(it.id) : threadAnswers(it.ts)));
    if (counts.some((c) => c !== 1)) process.stdout.write([r0, r1].map((r) => r.stderr.split('\n').filter((l) => /store/u.test(l)).join('\n')).join('\n---\n'));
    expect(counts.filter((c) => c !== 1)).toEqual([]);
    // Both replicas answered a share.
    const byReplica = [r0, r1].map((r) => r.logs().filter((l) => typeof l.msg === 'string' && /redelivered; answered once/u.test(l.msg as string)).length);
    expect(byReplica.reduce((a, b) => a + b, 0)).toBe(twice.length);
    process.stdout.write(`  500 deliveries + ${twice.length} retries over two replicas answered in ${Date.now() - started} ms; retries refused per replica: ${byReplica.join(', ')}\n`);
  }, 180_000);

  it('a user over the rate limit is limited across both replicas', async () => {
    // The burst is 5, refilled one per 12 s: ten commands within a few seconds get five answers.
    const results = await inBatches(
      Array.from({ length: 10 }, (_, i) => () => send(replicaOf(i), commandBody(set.fake, { id: `rl-${i}`, user: 'URATE', text: 'revenue of cloudwalk' }), 'form')),
      1,
    );
    const refused = results.map((r, i) => (r.text.includes('faster than I can keep up') ? i : -1)).filter((i) => i >= 0);
    // One after the other, alternating replicas: the first five pass, the next five are refused by both replicas.
    expect(refused).toEqual([5, 6, 7, 8, 9]);
    await waitUntil('the allowed five answered', () => Array.from({ length: 10 }, (_, i) => commandAnswers(`rl-${i}`)).reduce((a, b) => a + b, 0) >= 5, 30_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(Array.from({ length: 10 }, (_, i) => commandAnswers(`rl-${i}`)).reduce((a, b) => a + b, 0)).toBe(5);
  }, 60_000);

  it('a thread follow-up answered by the other replica keeps the thread context', async () => {
    const root = '1716100000.000001';
    await send(r0, mentionBody({ eventId: 'EvT1', user: 'UTHREAD', text: 'revenue of cloudwalk', ts: root }), 'json');
    await waitUntil('first answer', () => threadAnswers(root) === 1, 30_000);
    const followUp = JSON.parse(mentionBody({ eventId: 'EvT2', user: 'UTHREAD', text: 'and gross margin?', ts: '1716100000.000002' }));
    followUp.event.thread_ts = root;
    await send(r1, JSON.stringify(followUp), 'json');
    await waitUntil('follow-up answer', () => threadAnswers(root) === 2, 30_000);
    const { rows } = await store.connection.pool.query<{ context: string }>(`SELECT context FROM thread_memory WHERE key LIKE '%' || $1`, [root]);
    expect(JSON.parse(rows[0]!.context)).toMatchObject({ company: expect.any(String) });
    const answer = set.fake.messages.filter((m) => m.threadTs === root)[1]!;
    // The follow-up named no company: the answer is about the thread's company, not a request to name one.
    expect(answer.text ?? '').not.toMatch(/which company/iu);
  }, 60_000);

  it('a digest that falls due while both run is posted once, and the send log says by whom', async () => {
    const at = new Date();
    await store.subscriptions.save({ platform: 'slack', id: 'CDIGEST', workspace: 'T0001' }, dueNow(at), new Date(at.getTime() - 10 * 60_000));
    const posts = () => set.fake.messages.filter((m) => m.channel === 'CDIGEST');
    await waitUntil('the digest posted', () => posts().length >= 1, 20_000);
    // Two more polls of both replicas: nobody posts it again.
    await new Promise((r) => setTimeout(r, 2_500));
    expect(posts()).toHaveLength(1);
    expect(posts()[0]!.metadata).toMatchObject({ event_type: 'finqa_scheduled_post' });
    const sub = (await store.subscriptions.get({ platform: 'slack', id: 'CDIGEST', workspace: 'T0001' }))!;
    const [row] = await store.sendLog.history(sub.id);
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
    expect([r0.pid, r1.pid].map(String)).toContain(row!.postedBy!.split(':')[1]);
  }, 60_000);

  it('PostgreSQL restarting under load: questions keep being answered, /healthz says so, de-duplication resumes, nothing posted twice', async () => {
    const { TEST_PG_STOP: stop, TEST_PG_START: start } = process.env;
    if (!stop || !start) throw new Error('TEST_PG_STOP and TEST_PG_START are not set: scripts/test-pg.sh and .ci/run set them (commands stopping and starting the test server)');
    const items = Array.from({ length: 120 }, (_, i) => {
      const ts = `1716200000.${String(i).padStart(6, '0')}`;
      return { i, ts, body: mentionBody({ eventId: `EvR${i}`, user: `UR${i}`, text: 'revenue of cloudwalk', ts }) };
    });
    let loadDone = false;
    const load = (async () => {
      for (const it of items) {
        await send(replicaOf(it.i), it.body, 'json');
        // A retry reaching the same replica during the outage is still caught by its own memory.
        if (it.i % 10 === 0) await send(replicaOf(it.i), it.body, 'json', true);
        await new Promise((r) => setTimeout(r, 40));
      }
      loadDone = true;
    })();
    await new Promise((r) => setTimeout(r, 800));
    await sh(stop);
    const downAt = Date.now();
    // While the server is away, the replicas say so on /healthz (still 200: they answer questions).
    const degraded = await waitUntil('/healthz reporting the lost database', async () => {
      const h = await r1.health();
      return h.body.store?.ok === false ? h : null;
    }, 10_000);
    expect(degraded).toMatchObject({ status: 200, body: { ok: true, degraded: true, store: { kind: 'postgres', ok: false } } });
    const answeredBefore = set.fake.messages.length;
    await new Promise((r) => setTimeout(r, Math.max(0, 3_000 - (Date.now() - downAt))));
    // Answers kept coming while it was down.
    expect(set.fake.messages.length).toBeGreaterThan(answeredBefore);
    expect(loadDone).toBe(false);
    await sh(start);
    await load;
    await waitUntil('every question answered', () => items.every((it) => threadAnswers(it.ts) >= 1), 60_000);
    await waitUntil('the store healthy again on both', async () => (await Promise.all([r0, r1].map((r) => r.health()))).every((h) => h.body.store.ok), 30_000);
    // The first shared call after the outage writes back the keys accepted during it.
    await Promise.all([r0, r1].map((r, k) => send(r, mentionBody({ eventId: `EvFlush${k}`, user: 'UFLUSH', text: 'help', ts: `1716300000.00000${k}` }), 'json')));
    await new Promise((r) => setTimeout(r, 1_500));
    // Now every event is retried at the other replica: none is answered again.
    await inBatches(
      items.map((it) => () => send(other(replicaOf(it.i)), it.body, 'json', true)),
      8,
    );
    await new Promise((r) => setTimeout(r, 2_000));
    expect(items.map((it) => threadAnswers(it.ts)).filter((c) => c !== 1)).toEqual([]);
    expect(set.fake.messages.filter((m) => m.channel === 'CDIGEST')).toHaveLength(1);
  }, 120_000);

  it('kill the replica holding a digest claim mid-post: the other posts it once, within the bound, and the send log shows who', async () => {
    set.fake.holds.set('CHOLD', 'before');
    const at = new Date();
    await store.subscriptions.save({ platform: 'slack', id: 'CHOLD', workspace: 'T0001' }, dueNow(at), new Date(at.getTime() - 10 * 60_000));
    await waitUntil('a replica posting (held by the fake)', () => set.fake.heldPosts === 1, 20_000);
    const sub = (await store.subscriptions.get({ platform: 'slack', id: 'CHOLD', workspace: 'T0001' }))!;
    const [held] = await store.sendLog.history(sub.id);
    expect(held).toMatchObject({ status: 'posting' });
    const holder = [r0, r1].find((r) => held!.claimedBy.split(':')[1] === String(r.pid))!;
    const survivor = other(holder);
    await holder.kill();
    const killedAt = Date.now();
    const posts = () => set.fake.messages.filter((m) => m.channel === 'CHOLD');
    await waitUntil('the survivor posts the digest', () => posts().length >= 1, TAKEOVER_BOUND_MS);
    const tookMs = Date.now() - killedAt;
    await new Promise((r) => setTimeout(r, 2_500));
    expect(posts()).toHaveLength(1);
    const [row] = await store.sendLog.history(sub.id);
    expect(row).toMatchObject({ status: 'sent', takenOverFrom: held!.claimedBy });
    expect(row!.postedBy!.split(':')[1]).toBe(String(survivor.pid));
    // The survivor checked the channel before posting again.
    expect(set.fake.calls('conversations.history').some((c) => c.params.channel === 'CHOLD')).toBe(true);
    expect(tookMs).toBeLessThan(TAKEOVER_BOUND_MS);
    process.stdout.write(`  digest taken over ${tookMs} ms after the holder was killed (bound ${TAKEOVER_BOUND_MS} ms)\n`);
  }, 60_000);
});

/** Run a shell command without blocking the test's event loop (the load keeps going). */
async function sh(command: string): Promise<void> {
  await promisify(exec)(command, { timeout: 60_000 });
}

/** A weekly schedule whose latest slot is the current minute (UTC). */
function dueNow(at: Date) {
  const weekday = (((at.getUTCDay() + 6) % 7) + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
  const time = `${String(at.getUTCHours()).padStart(2, '0')}:${String(at.getUTCMinutes()).padStart(2, '0')}`;
  return { weekday, time, timeZone: 'UTC', companies: [] };
}
