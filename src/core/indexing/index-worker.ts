import { getHeapStatistics } from 'node:v8';
import { workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { buildCorpus, type BuildRequest } from './corpus-build.ts';
import type { WorkerMessage } from './worker-message.ts';

/**
 * The indexing worker: builds the corpus off the answering thread and reports, before
 * each document's figures are read, which document it is on, so the parent can stop a
 * document that runs over its time budget.
 */
const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };

function send(message: WorkerMessage): void {
  port.postMessage(message);
  // Wakes a parent that waits synchronously (Engine.open) as soon as there is news.
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

async function build(request: BuildRequest): Promise<void> {
  try {
    const result = await buildCorpus(
      request,
      (file, chars) => send({ type: 'extract', file, chars: chars ?? 0, at: Date.now() }),
      // Kept by the parent: a restart after a slow document does not extract these again.
      (file, figures) => send({ type: 'extracted', file, figures }),
    );
    send({ type: 'result', result, heapBytes: getHeapStatistics().used_heap_size });
  } catch (error) {
    send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}

// Started ahead as a spare, the worker loads its code and then waits for its build; after a
// build it waits for the next one, until its parent stops it.
port.on('message', (message: { type: 'build'; request: BuildRequest }) => {
  if (message.type === 'build') void build(message.request);
});
