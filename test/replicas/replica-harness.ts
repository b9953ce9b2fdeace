import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deliver, formBody, FakeSlack, type Delivery } from '../fakes/fake-slack.ts';

/**
 * Bot replicas as real child processes (`src/main.ts`, the production entry point) in
 * Slack HTTP mode behind one fake Slack, sharing one PostgreSQL schema. Loopback only.
 */

export const BOT_TOKEN = 'xoxb-1111111111-2222222222-REPLtestREPLtestREPLtest';
export const SIGNING_SECRET = '5c4e1a2b3d4e5f60718293a4b5c6d7e8';
const REPO = resolve(import.meta.dirname, '../..');

/** A free loopback port (the kernel's choice, released for the child to take). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

/** One running bot process. */
export class Replica {
  stdout = '';
  stderr = '';
  exited: Promise<number | null>;
  private readonly child: ChildProcess;

  constructor(
    readonly name: string,
    readonly port: number,
    env: NodeJS.ProcessEnv,
    cwd: string,
  ) {
    // tsx by absolute URL: the working folder is a scratch one (no .env of the developer's there).
    const tsx = pathToFileURL(join(REPO, 'node_modules/tsx/dist/loader.mjs')).href;
    this.child = spawn(process.execPath, ['--import', tsx, join(REPO, 'src/main.ts')], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (d: Buffer) => (this.stdout += d.toString()));
    this.child.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.exited = new Promise((r) => this.child.once('exit', (code) => r(code)));
  }

  get pid(): number {
    return this.child.pid!;
  }

  get eventsUrl(): string {
    return `http://127.0.0.1:${this.port}/slack/events`;
  }

  /** `GET /healthz`, parsed. */
  async health(): Promise<{ status: number; body: any }> {
    const res = await fetch(`http://127.0.0.1:${this.port}/healthz`, { signal: AbortSignal.timeout(5_000) });
    return { status: res.status, body: await res.json() };
  }

  /** Wait until the bot answers `/healthz`, or fail with its output. */
  async ready(timeoutMs = 90_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let exited = false;
    void this.exited.then(() => (exited = true));
    while (Date.now() < deadline && !exited) {
      try {
        if ((await this.health()).status === 200) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`replica ${this.name} did not start (${exited ? 'exited' : 'timed out'}):\n${this.stdout}\n${this.stderr.slice(-3000)}`);
  }

  /** SIGKILL: a crash, no shutdown code runs. */
  kill(): Promise<number | null> {
    this.child.kill('SIGKILL');
    return this.exited;
  }

  /** SIGTERM, then SIGKILL if it lingers. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timer);
  }

  /** Structured log lines (pino JSON on stderr). */
  logs(): Array<Record<string, unknown>> {
    return this.stderr
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  }
}

/** Options of a replica set. */
export interface ReplicaSetOptions {
  databaseUrl: string;
  count?: number;
  /** Extra environment per replica (by index). */
  env?: (index: number) => NodeJS.ProcessEnv;
}

/** A fake Slack and `count` replicas pointed at it and at one database. */
export class ReplicaSet {
  private constructor(
    readonly fake: FakeSlack,
    readonly replicas: Replica[],
    private readonly dir: string,
  ) {}

  static async start(o: ReplicaSetOptions): Promise<ReplicaSet> {
    const fake = await FakeSlack.start({ botTokens: [BOT_TOKEN] });
    const dir = mkdtempSync(join(tmpdir(), 'finqa-replicas-'));
    const replicas: Replica[] = [];
    for (let i = 0; i < (o.count ?? 2); i += 1) {
      const port = await freePort();
      // Only what the bot reads: nothing from the developer's environment or .env leaks in.
      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'production',
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        PORT: String(port),
        DATABASE_URL: o.databaseUrl,
        DOCUMENTS_DIR: join(REPO, 'data/documents'),
        COMPANIES_FILE: join(REPO, 'data/companies.yaml'),
        // Each replica builds its own index from the shared documents (the README's way).
        INDEX_DIR: join(dir, `index-${i}`),
        CHARTS_DIR: join(dir, `charts-${i}`),
        LOG_LEVEL: 'info',
        DIGEST_LEASE_SECONDS: '4',
        DIGEST_POLL_SECONDS: '1',
        ...o.env?.(i),
      };
      replicas.push(new Replica(`r${i}`, port, env, dir));
    }
    const set = new ReplicaSet(fake, replicas, dir);
    try {
      await Promise.all(replicas.map((r) => r.ready()));
    } catch (error) {
      await set.close();
      throw error;
    }
    return set;
  }

  async close(): Promise<void> {
    await Promise.all(this.replicas.map((r) => r.stop()));
    await this.fake.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Slack's retry headers, as on a redelivery after the bot did not ack in time. */
export const RETRY_HEADERS = { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' };

/** A slash command as Slack sends it; its answer goes to the fake's response URL `id`. */
export function commandBody(fake: FakeSlack, o: { id: string; user: string; text: string; command?: string }): string {
  return formBody({
    token: 'legacy',
    team_id: 'T0001',
    team_domain: 'acme',
    channel_id: 'C0001',
    channel_name: 'finance',
    user_id: o.user,
    user_name: o.user.toLowerCase(),
    command: o.command ?? '/ask',
    text: o.text,
    api_app_id: 'A0001',
    is_enterprise_install: 'false',
    response_url: fake.responseUrl(o.id),
    trigger_id: `trigger-${o.id}`,
  });
}

/** An `app_mention` event callback as Slack sends it; the answer is posted in the thread of `ts`. */
export function mentionBody(o: { eventId: string; user: string; text: string; ts: string; channel?: string }): string {
  return JSON.stringify({
    token: 'legacy',
    team_id: 'T0001',
    api_app_id: 'A0001',
    type: 'event_callback',
    event_id: o.eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: 'T0001', user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    event: { type: 'app_mention', user: o.user, text: `<@UBOT> ${o.text}`, ts: o.ts, channel: o.channel ?? 'C0002', event_ts: o.ts },
  });
}

/** Send signed to a replica. */
export function send(replica: Replica, body: string, kind: 'form' | 'json', retry = false): Promise<Delivery> {
  return deliver(replica.eventsUrl, SIGNING_SECRET, body, kind, retry ? { headers: RETRY_HEADERS } : {});
}

/** Run `tasks` with at most `width` in flight. */
export async function inBatches<T>(tasks: Array<() => Promise<T>>, width: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]!();
      }
    }),
  );
  return results;
}

/** Poll until `probe` is truthy, or fail naming `what`. */
export async function waitUntil<T>(what: string, probe: () => T | Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
