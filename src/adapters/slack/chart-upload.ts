import { readFile } from 'node:fs/promises';
import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Chart } from '../../core/answer.ts';
import { safeError } from './bolt-logger.ts';
import { LRUCache } from 'lru-cache';

/**
 * Uploading a chart's PNG to Slack with the files upload flow (`files.upload` is
 * retired): `files.getUploadURLExternal` (filename, length), a POST of the bytes to the
 * `upload_url` it returns, then `files.completeUploadExternal` without a channel, so the
 * file stays private to the bot and is shown by an image block (`slack_file: { id }`).
 *
 * Slack processes an upload asynchronously: an image block naming a file that is not
 * ready yet is refused (`invalid_blocks`, "invalid slack file"). So the uploader waits,
 * briefly and boundedly, until `files.info` reports the file's type (needs `files:read`);
 * whatever still goes wrong is caught by the sender, which then answers without the image.
 *
 * A chart is a content-hashed file (`chart-<hash>.png`), so one upload serves every
 * answer that draws it: "Post to channel" shows the very file of the private answer.
 */

/** Time limits of one upload; tests shorten them. */
export interface ChartUploadTimings {
  /** The whole upload, readiness wait included; past it the answer goes without the image. */
  deadlineMs: number;
  /** How long to poll `files.info` for the file to be processed. */
  readyWaitMs: number;
  /** First pause between polls; doubled each time, at most 1 s. */
  pollMs: number;
}

export const DEFAULT_CHART_UPLOAD_TIMINGS: ChartUploadTimings = { deadlineMs: 15_000, readyWaitMs: 6_000, pollMs: 150 };

/** The step an upload failed at, for the log. */
type UploadStep = 'read' | 'getUploadURLExternal' | 'upload' | 'completeUploadExternal';

class UploadError extends Error {
  constructor(
    readonly step: UploadStep,
    cause: unknown,
  ) {
    super(safeError(cause));
    this.name = 'UploadError';
  }
}

/** Uploads charts once per workspace and remembers their file ids. */
export class ChartUploader {
  private readonly files = new LRUCache<string, Promise<string | undefined>>({ max: 500, ttl: 6 * 60 * 60_000 });
  private readonly timings: ChartUploadTimings;
  private scopeWarned = false;

  /**
   * @param client a Web API client for the bot token, with a short retry policy: an
   *   answer waits for its chart, and must not wait for Slack's thirty-minute retries.
   */
  constructor(
    private readonly client: webApi.WebClient,
    private readonly logger: Logger,
    timings: Partial<ChartUploadTimings> = {},
  ) {
    this.timings = { ...DEFAULT_CHART_UPLOAD_TIMINGS, ...timings };
  }

  /**
   * The Slack file id of the chart, uploading it when this workspace has not got it yet.
   * Never throws: a failure is logged (step and reason, never a token or the upload URL)
   * and gives undefined, and the answer goes out without its picture.
   */
  fileFor(chart: Chart, team: string | undefined): Promise<string | undefined> {
    const key = cacheKey(chart, team);
    const known = this.files.get(key);
    if (known) return known;
    const upload = this.upload(chart).then(
      (id) => id,
      (error: unknown) => {
        this.files.delete(key);
        const detail = error instanceof UploadError ? { step: error.step, err: error.message } : { step: 'deadline', err: safeError(error) };
        this.logger.warn({ chart: chartName(chart), ...detail }, 'slack chart upload failed; answering without the picture');
        return undefined;
      },
    );
    this.files.set(key, upload);
    return upload;
  }

  /** Forget the file of a chart, after Slack refused a message showing it (deleted, never processed). */
  forget(chart: Chart, team: string | undefined): void {
    this.files.delete(cacheKey(chart, team));
  }

  private async upload(chart: Chart): Promise<string> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error(`no upload within ${this.timings.deadlineMs} ms`)), this.timings.deadlineMs);
    timer.unref();
    try {
      const aborted = new Promise<never>((_resolve, reject) => controller.signal.addEventListener('abort', () => reject(controller.signal.reason as Error), { once: true }));
      return await Promise.race([this.steps(chart, controller.signal), aborted]);
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
  }

  private async steps(chart: Chart, signal: AbortSignal): Promise<string> {
    const bytes = await step('read', () => readFile(chart.path));
    const target = await step('getUploadURLExternal', async () => {
      const res = await this.client.files.getUploadURLExternal({ filename: uploadName(chart), length: bytes.length });
      if (!res.upload_url || !res.file_id) throw new Error('Slack gave no upload_url or file_id');
      return { url: res.upload_url, id: res.file_id };
    });
    await step('upload', async () => {
      // The upload URL itself admits the bytes of this one file: no token goes with them.
      const res = await fetch(target.url, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: bytes, redirect: 'error', signal });
      await res.arrayBuffer().catch(() => undefined);
      if (res.status !== 200) throw new Error(`the upload URL answered HTTP ${res.status}`);
    });
    await step('completeUploadExternal', () => this.client.files.completeUploadExternal({ files: [{ id: target.id, title: chart.title }] }));
    await this.waitUntilReady(target.id, signal);
    return target.id;
  }

  /** Poll `files.info` until Slack has processed the file, or the wait is over (then try anyway). */
  private async waitUntilReady(fileId: string, signal: AbortSignal): Promise<void> {
    const until = Date.now() + this.timings.readyWaitMs;
    let pause = this.timings.pollMs;
    while (!signal.aborted) {
      try {
        const res = await this.client.files.info({ file: fileId });
        if (res.file?.mimetype) return;
      } catch (error) {
        if ((error as { data?: { error?: string } }).data?.error === 'missing_scope') {
          if (!this.scopeWarned) this.logger.warn({ scope: 'files:read' }, 'slack app lacks files:read; charts are shown without waiting for Slack to process them (reinstall the app from the manifest)');
          this.scopeWarned = true;
          return;
        }
        this.logger.debug({ err: safeError(error) }, 'slack files.info failed while waiting for a chart');
      }
      const left = until - Date.now();
      if (left <= 0) break;
      await new Promise((resolve) => setTimeout(resolve, Math.min(pause, left)));
      pause = Math.min(pause * 2, 1_000);
    }
    this.logger.info({ file: fileId, waitedMs: this.timings.readyWaitMs }, 'slack had not processed the chart yet; showing it anyway');
  }
}

async function step<T>(name: UploadStep, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new UploadError(name, error);
  }
}

function cacheKey(chart: Chart, team: string | undefined): string {
  return `${team ?? '-'}:${chart.path}`;
}

/** The file name Slack shows: from the title (e.g. `revenue-rmb-million.png`), else `chart.png`. */
function uploadName(chart: Chart): string {
  const slug = chart.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-|-$/gu, '')
    .slice(0, 60);
  return `${slug || 'chart'}.png`;
}

function chartName(chart: Chart): string {
  return chart.path.split(/[\\/]/u).pop() ?? 'chart';
}
