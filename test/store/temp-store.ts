import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/open.ts';

/** A folder for database files that the test removes afterwards. */
export function tempDir(prefix = 'finqa-store-'): { dir: string; dbPath: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, dbPath: join(dir, 'nested', 'bot.sqlite'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Open stores on real files and close them all at the end of a test. */
export class StorePool {
  private readonly open: SqliteStore[] = [];

  constructor(readonly dbPath: string) {}

  /** Another connection to the same database file (as a second process would have). */
  connect(defaultTimeZone = 'UTC'): SqliteStore {
    const store = openSqliteStore(this.dbPath, { defaultTimeZone });
    this.open.push(store);
    return store;
  }

  closeAll(): void {
    // SQLite closes at once; the promise is only the store interface's.
    for (const s of this.open.splice(0)) void s.close();
  }
}
