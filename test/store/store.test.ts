import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelRef } from '../../src/core/channel.ts';
import { SCHEMA_VERSION } from '../../src/store/migrations.ts';
import { openStore } from '../../src/store/open-store.ts';
import { StorePool, tempDir } from './temp-store.ts';

const channel: ChannelRef = { platform: 'slack', id: 'C0001', workspace: 'T0001' };
const monday9 = { weekday: 1 as const, time: '09:00', timeZone: 'Asia/Shanghai' };
const now = new Date('2025-05-12T00:00:00Z');
const REPO = resolve(import.meta.dirname, '../..');

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function pool(): StorePool {
  const tmp = tempDir();
  const p = new StorePool(tmp.dbPath);
  cleanups.push(() => p.closeAll(), tmp.cleanup);
  return p;
}

describe('database', () => {
  it('creates the folder and file, in WAL mode, at the current schema version', () => {
    const p = pool();
    const store = p.connect();
    expect(existsSync(p.dbPath)).toBe(true);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    const versions = store.db.prepare('SELECT version FROM schema_version ORDER BY version').all() as Array<{ version: number }>;
    expect(versions.map((v) => v.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
  });

  it('reopens an existing database without re-running migrations or losing rows', () => {
    const p = pool();
    p.connect().subscriptions.save(channel, { ...monday9, companies: ['a'] }, now);
    p.closeAll();
    const again = p.connect();
    expect(again.subscriptions.get(channel)?.companies).toEqual(['a']);
    expect((again.db.prepare('SELECT COUNT(*) AS n FROM schema_version').get() as { n: number }).n).toBe(SCHEMA_VERSION);
  });

  it('refuses a database written by a newer schema, with a message saying what to do', () => {
    const p = pool();
    p.connect().db.prepare('INSERT INTO schema_version (version, applied_at) VALUES (?, ?)').run(SCHEMA_VERSION + 1, now.toISOString());
    p.closeAll();
    expect(() => p.connect()).toThrow(/newer than this bot knows.*DATABASE_PATH/u);
  });

  it('deleting the file loses the subscriptions only: a new empty database is created on open', () => {
    const p = pool();
    p.connect().subscriptions.save(channel, { ...monday9, companies: [] }, now);
    p.closeAll();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${p.dbPath}${suffix}`, { force: true });
    const fresh = p.connect();
    expect(fresh.subscriptions.get(channel)).toBeUndefined();
    expect(fresh.subscriptions.listActive()).toEqual([]);
  });

  it('enforces one send-log row per subscription and week in the schema itself', () => {
    const p = pool();
    const store = p.connect();
    const { subscription } = store.subscriptions.save(channel, { ...monday9, companies: [] }, now);
    const insert = store.db.prepare(`INSERT INTO digest_sends (subscription_id, week, status, claimed_by, claimed_at) VALUES (?, '2025-05-05', 'claimed', 'x', ?)`);
    insert.run(subscription.id, now.toISOString());
    expect(() => insert.run(subscription.id, now.toISOString())).toThrow(/UNIQUE|PRIMARY KEY/u);
  });
});

describe('subscriptions', () => {
  it('keeps one subscription per channel: subscribing again updates it in place', () => {
    const store = pool().connect();
    const first = store.subscriptions.save(channel, { ...monday9, companies: ['a', 'b'], createdBy: 'U1' }, now);
    expect(first.created).toBe(true);
    const later = new Date('2025-05-13T00:00:00Z');
    const second = store.subscriptions.save(channel, { weekday: 5, time: '17:30', timeZone: 'Europe/Berlin', companies: ['b'] }, later);
    expect(second.created).toBe(false);
    expect(second.subscription.id).toBe(first.subscription.id);
    expect(second.subscription).toMatchObject({ weekday: 5, time: '17:30', timeZone: 'Europe/Berlin', companies: ['b'], createdBy: 'U1', activeSince: later.toISOString() });
    expect(store.subscriptions.listActive()).toHaveLength(1);
  });

  it('tells channels apart by platform, workspace and id', () => {
    const store = pool().connect();
    store.subscriptions.save(channel, { ...monday9, companies: ['a'] }, now);
    store.subscriptions.save({ ...channel, workspace: 'T0002' }, { ...monday9, companies: ['b'] }, now);
    store.subscriptions.save({ platform: 'discord', id: 'C0001' }, { ...monday9, companies: ['c'] }, now);
    expect(store.subscriptions.listActive().map((s) => s.companies[0])).toEqual(['a', 'b', 'c']);
    expect(store.subscriptions.get({ platform: 'discord', id: 'C0001' })?.channel).toEqual({ platform: 'discord', id: 'C0001' });
  });

  it('removes a whole subscription, or narrows its company list', () => {
    const store = pool().connect();
    store.subscriptions.save(channel, { ...monday9, companies: ['a', 'b', 'c'] }, now);
    const narrowed = store.subscriptions.remove(channel, now, ['a', 'z']);
    expect(narrowed).toMatchObject({ kind: 'narrowed', dropped: ['a'], notFollowed: ['z'] });
    expect(store.subscriptions.get(channel)?.companies).toEqual(['b', 'c']);
    expect(store.subscriptions.remove(channel, now, ['z'])).toMatchObject({ kind: 'not_followed', notFollowed: ['z'] });
    expect(store.subscriptions.remove(channel, now, ['b', 'c']).kind).toBe('removed');
    expect(store.subscriptions.get(channel)).toBeUndefined();
    expect(store.subscriptions.remove(channel, now).kind).toBe('none');
  });

  it('will not narrow "all companies" into a guessed list', () => {
    const store = pool().connect();
    store.subscriptions.save(channel, { ...monday9, companies: [] }, now);
    expect(store.subscriptions.remove(channel, now, ['a']).kind).toBe('follows_all');
    expect(store.subscriptions.get(channel)?.companies).toEqual([]);
  });

  it('pauses, and a new save resumes with the same id', () => {
    const store = pool().connect();
    const { subscription } = store.subscriptions.save(channel, { ...monday9, companies: [] }, now);
    store.subscriptions.pause(subscription.id, 'channel_not_found', now);
    expect(store.subscriptions.listActive()).toEqual([]);
    expect(store.subscriptions.get(channel)).toMatchObject({ status: 'paused', pausedReason: 'channel_not_found' });
    const resumed = store.subscriptions.save(channel, { ...monday9, companies: [] }, now);
    expect(resumed.subscription).toMatchObject({ id: subscription.id, status: 'active', pausedReason: null });
  });

  it('deleting a subscription deletes its send log', () => {
    const store = pool().connect();
    const { subscription } = store.subscriptions.save(channel, { ...monday9, companies: [] }, now);
    store.sendLog.claim(subscription.id, '2025-05-05', { instance: 'a', now, late: false, leaseMs: 60_000, maxAttempts: 3 });
    store.subscriptions.remove(channel, now);
    expect(store.sendLog.history(subscription.id)).toEqual([]);
  });
});

describe('send log claims', () => {
  const opts = (instance: string, at: Date) => ({ instance, now: at, late: false, leaseMs: 10 * 60_000, maxAttempts: 3 });
  const week = '2025-05-05';

  function withSubscription() {
    const p = pool();
    const a = p.connect();
    const { subscription } = a.subscriptions.save(channel, { ...monday9, companies: [] }, now);
    return { p, a, id: subscription.id };
  }

  it('lets exactly one of two connections claim a week, and a sent week is never claimed again', () => {
    const { p, a, id } = withSubscription();
    const b = p.connect();
    expect(a.sendLog.claim(id, week, opts('A', now))).toEqual({ kind: 'claimed', attempt: 1 });
    expect(b.sendLog.claim(id, week, opts('B', now))).toEqual({ kind: 'busy', by: 'A' });
    expect(a.sendLog.markPosting(id, week, 'A', now)).toBe(true);
    a.sendLog.markSent(id, week, 'A', now);
    const muchLater = new Date(now.getTime() + 30 * 86_400_000);
    expect(b.sendLog.claim(id, week, opts('B', muchLater))).toEqual({ kind: 'sent' });
    expect(a.subscriptions.get(channel)?.lastSentWeek).toBe(week);
  });

  it('takes over a claim left by a process that died before posting, once its lease has run out', () => {
    const { p, a, id } = withSubscription();
    a.sendLog.claim(id, week, opts('dead', now));
    const b = p.connect();
    expect(b.sendLog.claim(id, week, opts('B', new Date(now.getTime() + 60_000))).kind).toBe('busy');
    const afterLease = new Date(now.getTime() + 11 * 60_000);
    expect(b.sendLog.claim(id, week, opts('B', afterLease))).toEqual({ kind: 'claimed', attempt: 2 });
    // The dead process's late write cannot take the row back.
    expect(a.sendLog.markPosting(id, week, 'dead', afterLease)).toBe(false);
    expect(b.sendLog.markPosting(id, week, 'B', afterLease)).toBe(true);
  });

  it('never re-posts a week whose process died while posting: the outcome is unknown', () => {
    const { p, a, id } = withSubscription();
    a.sendLog.claim(id, week, opts('dead', now));
    a.sendLog.markPosting(id, week, 'dead', now);
    const b = p.connect();
    const afterLease = new Date(now.getTime() + 11 * 60_000);
    expect(b.sendLog.claim(id, week, opts('B', afterLease))).toEqual({ kind: 'unknown', recovered: true });
    expect(b.sendLog.claim(id, week, opts('B', new Date(afterLease.getTime() + 86_400_000)))).toEqual({ kind: 'unknown', recovered: false });
    expect(b.sendLog.get(id, week)?.status).toBe('unknown');
  });

  it('retries a failed post after its retry time, a bounded number of times', () => {
    const { a, id } = withSubscription();
    let at = now;
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      expect(a.sendLog.claim(id, week, opts('A', at))).toEqual({ kind: 'claimed', attempt });
      a.sendLog.markPosting(id, week, 'A', at);
      const retryAt = new Date(at.getTime() + 5 * 60_000);
      a.sendLog.markFailed(id, week, 'A', 'channel_not_found', retryAt);
      if (attempt < 3) expect(a.sendLog.claim(id, week, opts('A', new Date(at.getTime() + 60_000)))).toEqual({ kind: 'waiting', retryAt: retryAt.toISOString() });
      at = retryAt;
    }
    expect(a.sendLog.claim(id, week, opts('A', new Date(at.getTime() + 86_400_000)))).toEqual({ kind: 'exhausted', attempts: 3 });
    expect(a.sendLog.get(id, week)).toMatchObject({ status: 'failed', attempts: 3, lastError: 'channel_not_found' });
  });

  it('holds under real concurrency: processes racing on one file claim each week exactly once', async () => {
    const { p, a, id } = withSubscription();
    a.close();
    const weeks = 300;
    const startAt = Date.now() + 2500;
    const worker = fileURLToPath(new URL('./claim-worker.ts', import.meta.url));
    const run = (name: string) =>
      new Promise<string[]>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', worker, p.dbPath, name, String(id), String(weeks), String(startAt)], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        const timer = setTimeout(() => child.kill(), 25_000);
        child.on('close', (code) => {
          clearTimeout(timer);
          if (code === 0) resolve(JSON.parse(out) as string[]);
          else reject(new Error(`worker ${name} exited ${code}: ${err}`));
        });
      });
    const results = await Promise.all(['P1', 'P2', 'P3'].map(run));
    const all = results.flat();
    expect(all).toHaveLength(weeks);
    expect(new Set(all).size).toBe(weeks);
    const check = new BetterSqlite3(p.dbPath, { readonly: true });
    try {
      expect((check.prepare(`SELECT COUNT(*) AS n FROM digest_sends WHERE status = 'sent'`).get() as { n: number }).n).toBe(weeks);
    } finally {
      check.close();
    }
  });
});

describe('openStore', () => {
  it('uses the default time zone it is given', () => {
    const tmp = tempDir();
    const store = openStore(tmp.dbPath, { defaultTimeZone: 'Europe/Berlin' });
    cleanups.push(() => store.close(), tmp.cleanup);
    expect(store.subscriptions.defaultTimeZone).toBe('Europe/Berlin');
  });
});
