import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { PG_SCHEMA_VERSION } from '../../src/store/postgres/migrations.ts';
import { openPgStore } from '../../src/store/postgres/open.ts';
import { SCHEMA_VERSION } from '../../src/store/sqlite/migrations.ts';
import { freePort } from '../replicas/replica-harness.ts';
import { freshPgSchema, notePgSkip, TEST_DATABASE_URL } from './backends.ts';

notePgSkip('PostgreSQL migration tests');

describe('PostgreSQL store without a server', () => {
  it('opens without connecting, reports the lost database on health, and fails calls with the reason', async () => {
    const port = await freePort();
    const store = openPgStore(`postgres://bot:s3cret-pw@127.0.0.1:${port}/finqa`, { connectTimeoutMs: 1_000 });
    try {
      expect(store.location).toBe(`postgres://bot@127.0.0.1:${port}/finqa`);
      const health = await store.health();
      expect(health).toMatchObject({ kind: 'postgres', ok: false, error: expect.stringContaining('ECONNREFUSED') });
      await expect(store.subscriptions.listActive()).rejects.toThrow(/ECONNREFUSED/u);
      expect(JSON.stringify(health)).not.toContain('s3cret');
    } finally {
      await store.close();
    }
  });

  it('keeps the same schema versions as SQLite', () => {
    expect(PG_SCHEMA_VERSION).toBe(SCHEMA_VERSION);
  });
});

describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL migrations', () => {
  it('replicas starting at once migrate once: an advisory lock serializes them', async () => {
    const { url, drop } = await freshPgSchema();
    const stores = Array.from({ length: 6 }, () => openPgStore(url));
    try {
      await Promise.all(stores.map((s) => s.ready()));
      const { rows } = await stores[0]!.connection.pool.query<{ version: number }>('SELECT version FROM schema_version ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(Array.from({ length: PG_SCHEMA_VERSION }, (_, i) => i + 1));
      expect(await stores[5]!.subscriptions.listActive()).toEqual([]);
    } finally {
      for (const s of stores) await s.close();
      await drop();
    }
  });

  it('refuses a database written by a newer schema, saying what to do', async () => {
    const { url, drop } = await freshPgSchema();
    const first = openPgStore(url);
    try {
      await first.ready();
      await first.connection.pool.query('INSERT INTO schema_version (version, applied_at) VALUES ($1, $2)', [PG_SCHEMA_VERSION + 1, new Date().toISOString()]);
      const newer = openPgStore(url);
      await expect(newer.ready()).rejects.toThrow(/newer than this bot knows.*DATABASE_URL/u);
      await newer.close();
    } finally {
      await first.close();
      await drop();
    }
  });

  it('a migration that fails leaves the previous version (each runs in a transaction)', async () => {
    const { url, drop } = await freshPgSchema();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const store = openPgStore(url);
    try {
      // A table in the way of version 2 makes it fail half-way.
      await admin.query('CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
      await admin.query('CREATE TABLE deliveries (x INTEGER)');
      await expect(store.ready()).rejects.toThrow(/deliveries/u);
      const { rows } = await admin.query<{ version: number }>('SELECT version FROM schema_version');
      expect(rows.map((r) => r.version)).toEqual([1]);
      const columns = await admin.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'digest_sends' AND column_name = 'posted_by' AND table_schema = current_schema()`);
      expect(columns.rowCount).toBe(0);
    } finally {
      await admin.end();
      await store.close();
      await drop();
    }
  });
});
