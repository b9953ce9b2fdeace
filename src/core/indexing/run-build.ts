import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { BuildRequest, BuildResult } from './corpus-build.ts';

/**
 * Running a corpus build in the indexing worker, with a time budget per document: when
 * one document's figures take longer than the budget, the worker is stopped and started
 * again with that document marked "passages only". Synchronous extraction cannot be
 * interrupted from inside, so the budget is kept from outside, by the parent.
 */

/** Time one document's figure extraction may take before it is indexed as passages only. */
export const DEFAULT_EXTRACT_BUDGET_MS = 3000;

/** Messages from the indexing worker. */
export type WorkerMessage =
  | { type: 'extract'; file: string | null; at: number }
  | { type: 'result'; result: BuildResult }
  | { type: 'failed'; message: string };

const POLL_MS = 20;
/**
 * A thread that waits synchronously cannot see a worker's exit event; a worker silent
 * this long is taken as dead. Generous: a large corpus indexes its passages in silence.
 */
const SILENCE_LIMIT_MS = 10 * 60_000;

class BuildRun {
  private worker!: Worker;
  private port!: MessagePort;
  readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private current: { file: string; at: number } | null = null;
  private heardAt = Date.now();
  private readonly passagesOnly: string[];

  constructor(private readonly request: BuildRequest) {
    this.passagesOnly = [...request.passagesOnly];
    this.start();
  }

  private start(): void {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.current = null;
    this.heardAt = Date.now();
    this.worker = new Worker(new URL('./worker-boot.js', import.meta.url), {
      workerData: { entry: new URL('./index-worker.ts', import.meta.url).href, port: port2, signal: this.signal, request: { ...this.request, passagesOnly: this.passagesOnly } },
      transferList: [port2],
    });
    // The worker never holds the process open: its parent waits for it while it matters.
    this.worker.unref();
    this.worker.on('error', () => undefined);
  }

  /** The result when the build is over, else undefined. Throws when it failed. */
  poll(): BuildResult | undefined {
    const drained = this.drain();
    if (drained) return drained;
    if (this.current && Date.now() - this.current.at > this.request.budgetMs) {
      // Over budget: this document is indexed as passages only, by a fresh worker.
      this.passagesOnly.push(this.current.file);
      this.finish(undefined);
      this.start();
      return undefined;
    }
    if (this.worker.threadId === -1 || Date.now() - this.heardAt > SILENCE_LIMIT_MS) {
      // The worker is gone: what it sent last is all there will be.
      const last = this.drain();
      if (last) return last;
      this.finish(undefined);
      throw new Error('the indexing worker stopped without a result');
    }
    return undefined;
  }

  private drain(): BuildResult | undefined {
    for (let msg = receiveMessageOnPort(this.port); msg; msg = receiveMessageOnPort(this.port)) {
      const m = msg.message as WorkerMessage;
      this.heardAt = Date.now();
      if (m.type === 'extract') this.current = m.file === null ? null : { file: m.file, at: m.at };
      else if (m.type === 'result') return this.finish(m.result);
      else {
        this.finish(undefined);
        throw new Error(m.message);
      }
    }
    return undefined;
  }

  private finish<T>(result: T): T {
    this.port.close();
    void this.worker.terminate();
    return result;
  }

  /** Wait (blocking this thread) until there may be news. */
  waitSync(): void {
    Atomics.wait(this.signal, 0, Atomics.load(this.signal, 0), POLL_MS);
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
