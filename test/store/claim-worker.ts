/**
 * A separate process racing for digest claims (run by store.test.ts, not a test
 * itself): claims weeks w000..wN through the real SendLog and prints the ones it won.
 * argv: database path, instance name, subscription id, number of weeks, start time (ms):
 * every worker waits for the same instant so that their claims overlap.
 */
import { openStore } from '../../src/store/open-store.ts';

const [dbPath, instance, subscriptionId, weeks, startAt] = process.argv.slice(2);
const store = openStore(dbPath!);
while (Date.now() < Number(startAt)) {
  // Spin: a timer would let the first worker finish before the others wake.
}
const won: string[] = [];
// Each worker walks the weeks in its own random order, so the workers collide on rows.
const order = Array.from({ length: Number(weeks) }, (_, w) => w).sort(() => Math.random() - 0.5);
for (const w of order) {
  const week = `w${String(w).padStart(3, '0')}`;
  const claim = await store.sendLog.claim(Number(subscriptionId), week, { instance: instance!, now: new Date(), late: false, leaseMs: 600_000, maxAttempts: 3 });
  if (claim.kind === 'claimed' && (await store.sendLog.markPosting(Number(subscriptionId), week, instance!, new Date()))) {
    await store.sendLog.markSent(Number(subscriptionId), week, instance!, new Date());
    won.push(week);
  }
}
await store.close();
process.stdout.write(JSON.stringify(won));
