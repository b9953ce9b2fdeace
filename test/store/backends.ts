import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { onTestFinished } from 'vitest';
import { openPgStore, type PgStore } from '../../src/store/postgres/open.ts';
import { openSqliteStore } from '../../src/store/sqlite/open.ts';
import type { BotStore } from '../../src/store/types.ts';
import { tempDir } from './temp-store.ts';

/**
 * The stores a contract test runs against: SQLite always, PostgreSQL when
 * TEST_DATABASE_URL names a server (CI starts one; locally, scripts/test-pg.sh does).
 */

/** The PostgreSQL server for tests, if any. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;

/** Say once, visibly, why PostgreSQL tests are skipped. */
export function notePgSkip(what: string): void {
  if (TEST_DATABASE_URL) return;
  process.stdout.write(`\n  [skipped] ${what}: TEST_DATABASE_URL is not set. Run scripts/test-pg.sh to start a throwaway PostgreSQL and run them.\n\n`);
}

/**
 * A fresh, empty schema on the test server; its URL selects it. `drop` removes it:
 * call it after closing every pool on it.
 */
export async function freshPgSchema(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `t_${randomUUID().replace(/-/gu, '').slice(0, 16)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE SCHEMA ${schema}`);
  return { url: withSearchPath(TEST_DATABASE_URL, schema), drop: () => admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`) };
}

/** The URL with `search_path` set for every connection of the pool. */
export function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

/** A backend under test: `connect` opens another store on the same data, as a second replica would. */
export interface Backend {
  name: 'sqlite' | 'postgres';
  /** A fresh, empty database; returns a function opening stores on it (closed after the test). */
  fresh(): Promise<(defaultTimeZone?: string) => Promise<BotStore>>;
}

const sqlite: Backend = {
  name: 'sqlite',
  async fresh() {
    const tmp = tempDir();
    const open: BotStore[] = [];
    onTestFinished(async () => {
      for (const s of open) await s.close();
      tmp.cleanup();
    });
    return async (defaultTimeZone = 'UTC') => {
      const store = openSqliteStore(tmp.dbPath, { defaultTimeZone });
      open.push(store);
      return store;
    };
  },
};

const postgres: Backend = {
  name: 'postgres',
  async fresh() {
    const { url, drop } = await freshPgSchema();
    const open: PgStore[] = [];
    onTestFinished(async () => {
      for (const s of open) await s.close();
      await drop();
    });
    return async (defaultTimeZone = 'UTC') => {
      const store = openPgStore(url, { defaultTimeZone });
      await store.ready();
      open.push(store);
      return store;
    };
  },
};

/** SQLite, and PostgreSQL when a test server is configured. */
export const BACKENDS: Backend[] = TEST_DATABASE_URL ? [sqlite, postgres] : [sqlite];
