// Entry of the indexing worker. Plain JavaScript: a worker thread does not inherit the
// TypeScript loader of its parent under vitest, so it registers tsx itself when the entry
// named in workerData is TypeScript (the tsc build in dist/ names compiled JavaScript and
// loads no tsx). A failure to load is reported on the port like any other failure, so
// the parent never waits for a worker that died.
import { workerData } from 'node:worker_threads';

try {
  if (workerData.entry.endsWith('.ts')) {
    const { register } = await import('tsx/esm/api');
    register();
  }
  await import(workerData.entry);
} catch (error) {
  workerData.port.postMessage({ type: 'failed', message: `indexing worker could not start: ${error instanceof Error ? error.message : String(error)}` });
  Atomics.add(workerData.signal, 0, 1);
  Atomics.notify(workerData.signal, 0);
  workerData.port.close();
}
