import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { ExtractedFigures } from '../snapshot.ts';
import type { BuildRequest, BuildResult } from './corpus-build.ts';
import type { WorkerMessage } from './worker-message.ts';

/**
 * Running a corpus build in the indexing worker, with a time budget per document: when
 * one document's figures take longer than the budget, the worker is stopped and started
 * again with that document marked "passages only". Synchronous extraction cannot be
 * interrupted from inside, so the budget is kept from outside, by the parent.
 */

/**
 * Time one document's figure extraction may take before it is indexed as passages only:
 * a fixed part, and a part per KB so that a long honest report (about 1.5 ms per KB
 * here) is read in full while a short document that costs far more than its length
 * (numbers in one endless sentence) is stopped in seconds.
 */
export const DEFAULT_EXTRACT_BUDGET_MS = 2000;
export const DEFAULT_EXTRACT_BUDGET_MS_PER_KB = 4;


const POLL_MS = 20;
/**
 * A thread that waits synchronously cannot see a worker's exit event; a worker silent
 * this long is taken as dead. Generous: a large corpus indexes its passages in silence.
 */
const SILENCE_LIMIT_MS = 10 * 60_000;

/**
 * The worker's module, beside this one: the TypeScript source under tsx and vitest, the
 * compiled JavaScript in the tsc build (dist/), where no loader is registered.
 */
const WORKER_ENTRY = (import.meta.url.endsWith('.ts') ? new URL('./index-worker.ts', import.meta.url) : new URL('./index-worker.js', import.meta.url)).href;

/** A started indexing worker, the port it reports on and the word it wakes a waiting parent with. */
interface Spawned {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
}

/**
 * A worker whose last build succeeded, kept for the next one: starting a worker loads the
 * whole core again (about a second of CPU), which every re-index and every engine a
 * process opens would pay otherwise. It holds neither the process nor the built data.
 */
let idle: Spawned | null = null;

/**
 * A worker whose heap is larger than this after its build is stopped, not kept: an idle
 * thread does not collect its garbage, and a large corpus's build leaves hundreds of MB of it,
 * held while the parent restores the snapshot. Small builds (tests, re-indexing a small
 * folder) are the ones whose time the worker's start-up dominates anyway.
 */
const KEEP_HEAP_LIMIT = 192 * 1048576;

function takeIdle(): Spawned | null {
  const kept = idle;
  idle = null;
  return kept && kept.worker.threadId !== -1 ? kept : null;
}

function keepIdle(spawned: Spawned): boolean {
  if (idle || spawned.worker.threadId === -1) return false;
  idle = spawned;
  return true;
}

function spawn(): Spawned {
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(new URL('./worker-boot.js', import.meta.url), {
    workerData: { entry: WORKER_ENTRY, port: port2, signal },
    transferList: [port2],
  });
  // The worker never holds the process open: its parent waits for it while it matters.
  worker.unref();
  worker.on('error', () => undefined);
  const spawned = { worker, port: port1, signal };
  worker.on('exit', () => {
    if (idle === spawned) idle = null;
  });
  return spawned;
}

class BuildRun {
  private active!: Spawned;
  /** A worker started ahead, while a document nears its budget, so a restart costs no start-up. */
  private spare: Spawned | null = null;
  private current: { file: string; at: number; budgetMs: number } | null = null;
  private heardAt = Date.now();
  private readonly passagesOnly: string[];
  private readonly extracted = new Map<string, ExtractedFigures>();

  constructor(private readonly request: BuildRequest) {
    this.passagesOnly = [...request.passagesOnly];
    this.start();
  }

  private start(): void {
    this.active = this.spare ?? takeIdle() ?? spawn();
    this.spare = null;
    this.current = null;
    this.heardAt = Date.now();
    this.active.port.postMessage({ type: 'build', request: { ...this.request, passagesOnly: this.passagesOnly, extracted: [...this.extracted] } });
  }

  /** The result when the build is over, else undefined. Throws when it failed. */
  poll(): BuildResult | undefined {
    const drained = this.drain();
    if (drained) return drained;
    if (this.current) {
      const elapsed = Date.now() - this.current.at;
      if (elapsed > this.current.budgetMs / 2 && !this.spare) this.spare = spawn();
      if (elapsed > this.current.budgetMs) {
        // Over budget: this document is indexed as passages only, by a fresh worker.
        this.passagesOnly.push(this.current.file);
        this.stop(this.active);
        this.start();
        return undefined;
      }
    }
    if (this.active.worker.threadId === -1 || Date.now() - this.heardAt > SILENCE_LIMIT_MS) {
      // The worker is gone: what it sent last is all there will be.
      const last = this.drain();
      if (last) return last;
      this.finish();
      throw new Error('the indexing worker stopped without a result');
    }
    return undefined;
  }

  private drain(): BuildResult | undefined {
    for (let msg = receiveMessageOnPort(this.active.port); msg; msg = receiveMessageOnPort(this.active.port)) {
      const m = msg.message as WorkerMessage;
      this.heardAt = Date.now();
      if (m.type === 'extract') this.current = m.file === null ? null : { file: m.file, at: m.at, budgetMs: this.request.budgetMs + (this.request.budgetMsPerKb * m.chars) / 1024 };
      else if (m.type === 'extracted') this.extracted.set(m.file, m.figures);
      else if (m.type === 'result') {
        this.finish(m.heapBytes !== undefined && m.heapBytes <= KEEP_HEAP_LIMIT);
        return m.result;
      } else {
        this.finish();
        throw new Error(m.message);
      }
    }
    return undefined;
  }

  private stop(spawned: Spawned): void {
    spawned.port.close();
    void spawned.worker.terminate();
  }

  /** Stop the workers of this run; one that succeeded is kept for the next build. */
  private finish(succeeded = false): void {
    if (!succeeded || !keepIdle(this.active)) this.stop(this.active);
    if (this.spare) this.stop(this.spare);
    this.spare = null;
  }

  /** Wait (blocking this thread) until there may be news. */
  waitSync(): void {
    const { signal } = this.active;
    Atomics.wait(signal, 0, Atomics.load(signal, 0), POLL_MS);
  }
}

/**
 * Build in the indexing worker and block until it is done. For start-up and the command
 * line, where there is nothing to answer yet; re-indexing uses `buildInWorker`.
 */
export function buildInWorkerSync(request: BuildRequest): BuildResult {
  const run = new BuildRun(request);
  for (;;) {
    const result = run.poll();
    if (result) return result;
    run.waitSync();
  }
}

/** Build in the indexing worker while this thread goes on answering. */
export async function buildInWorker(request: BuildRequest): Promise<BuildResult> {
  const run = new BuildRun(request);
  for (;;) {
    const result = run.poll();
    if (result) return result;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
