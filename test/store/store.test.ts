import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelRef } from '../../src/core/channel.ts';
import { SCHEMA_VERSION } from '../../src/store/sqlite/migrations.ts';
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

  it('reopens an existing database without re-running migrations or losing rows', async () => {
    const p = pool();
    await p.connect().subscriptions.save(channel, { ...monday9, companies: ['a'] }, now);
    p.closeAll();
    const again = p.connect();
    expect((await again.subscriptions.get(channel))?.companies).toEqual(['a']);
    expect((again.db.prepare('SELECT COUNT(*) AS n FROM schema_version').get() as { n: number }).n).toBe(SCHEMA_VERSION);
  });

  it('upgrades a database of an earlier version in place, keeping its rows', async () => {
    const p = pool();
    mkdirSync(dirname(p.dbPath), { recursive: true });
    const old = new BetterSqlite3(p.dbPath);
    // Version 1 exactly as released: the subscriptions and the send log, nothing shared yet.
    old.exec(`CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);
      INSERT INTO schema_version VALUES (1, '2025-01-01T00:00:00.000Z');
      CREATE TABLE subscriptions (id INTEGER PRIMARY KEY AUTOINCREMENT, platform TEXT NOT NULL, workspace TEXT NOT NULL DEFAULT '', channel_id TEXT NOT NULL,
        companies TEXT NOT NULL DEFAULT '[]', weekday INTEGER NOT NULL, time TEXT NOT NULL, time_zone TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'active',
        paused_reason TEXT, active_since TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, created_by TEXT, UNIQUE (platform, workspace, channel_id));
      CREATE TABLE digest_sends (subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE, week TEXT NOT NULL, status TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 1, claimed_by TEXT NOT NULL, claimed_at TEXT NOT NULL, sent_at TEXT, late INTEGER NOT NULL DEFAULT 0, last_error TEXT,
        retry_at TEXT, PRIMARY KEY (subscription_id, week));
      INSERT INTO subscriptions (platform, workspace, channel_id, weekday, time, time_zone, active_since, created_at, updated_at)
        VALUES ('slack', 'T0001', 'C0001', 1, '09:00', 'UTC', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z');
      INSERT INTO digest_sends (subscription_id, week, status, claimed_by, claimed_at, sent_at) VALUES (1, '2025-05-05', 'sent', 'old', 'x', 'y');`);
    old.close();
    const store = p.connect();
    expect((await store.subscriptions.get(channel))?.lastSentWeek).toBe('2025-05-05');
    expect(await store.sendLog.get(1, '2025-05-05')).toMatchObject({ status: 'sent', postedBy: null });
    expect(await store.deliveries.firstDelivery(['k'], 1000, 0)).toBe(true);
    const versions = store.db.prepare('SELECT version FROM schema_version ORDER BY version').all() as Array<{ version: number }>;
    expect(versions.map((v) => v.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
  });

  it('refuses a database written by a newer schema, with a message saying what to do', () => {
    const p = pool();
    p.connect().db.prepare('INSERT INTO schema_version (version, applied_at) VALUES (?, ?)').run(SCHEMA_VERSION + 1, now.toISOString());
    p.closeAll();
    expect(() => p.connect()).toThrow(/newer than this bot knows.*DATABASE_PATH/u);
  });

  it('deleting the file loses the subscriptions only: a new empty database is created on open', async () => {
    const p = pool();
    await p.connect().subscriptions.save(channel, { ...monday9, companies: [] }, now);
    p.closeAll();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${p.dbPath}${suffix}`, { force: true });
    const fresh = p.connect();
    expect(await fresh.subscriptions.get(channel)).toBeUndefined();
    expect(await fresh.subscriptions.listActive()).toEqual([]);
  });

  it('enforces one send-log row per subscription and week in the schema itself', async () => {
    const p = pool();
    const store = p.connect();
    const { subscription } = await store.subscriptions.save(channel, { ...monday9, companies: [] }, now);
    const insert = store.db.prepare(`INSERT INTO digest_sends (subscription_id, week, status, claimed_by, claimed_at) VALUES (?, '2025-05-05', 'claimed', 'x', ?)`);
    insert.run(subscription.id, now.toISOString());
    expect(() => insert.run(subscription.id, now.toISOString())).toThrow(/UNIQUE|PRIMARY KEY/u);
  });
});

describe('send log claims across processes', () => {
  async function withSubscription() {
    const p = pool();
    const a = p.connect();
    const { subscription } = await a.subscriptions.save(channel, { ...monday9, companies: [] }, now);
    return { p, a, id: subscription.id };
  }

  it('holds under real concurrency: processes racing on one file claim each week exactly once', async () => {
    const { p, a, id } = await withSubscription();
    await a.close();
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
  it('uses the default time zone it is given', async () => {
    const tmp = tempDir();
    const store = openStore(tmp.dbPath, { defaultTimeZone: 'Europe/Berlin' });
    cleanups.push(() => void store.close(), tmp.cleanup);
    expect(store.subscriptions.defaultTimeZone).toBe('Europe/Berlin');
  });
});
