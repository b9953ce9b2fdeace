import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A fake Slack on 127.0.0.1 for end-to-end tests with the real Bolt: the Web API
 * (`POST /api/<method>`), response URLs (`POST /response/<id>`) and a Socket Mode
 * WebSocket (`/link`). It records every request and answers what the bot needs, and
 * refuses messages over Slack's Block Kit limits as Slack would (`invalid_blocks`).
 */

/** One Web API call as received. */
export interface ApiCall {
  method: string;
  /** Bearer token sent. */
  token: string | undefined;
  /** Form fields, with JSON-valued fields (`blocks`) decoded. */
  params: Record<string, any>;
}

/** One POST to a response URL. */
export interface ResponseCall {
  id: string;
  body: any;
}

/** Options of the fake. */
export interface FakeSlackOptions {
  /** Bot tokens accepted by `auth.test` and the other methods. */
  botTokens?: string[];
  /** App-level tokens accepted by `apps.connections.open`. */
  appTokens?: string[];
  /** Channel id -> Slack error code `chat.postMessage` answers with. */
  failingChannels?: Record<string, string>;
}

export const FAKE_BOT_USER_ID = 'UBOT';
export const FAKE_TEAM_ID = 'T0001';

export class FakeSlack {
  readonly apiCalls: ApiCall[] = [];
  readonly responses: ResponseCall[] = [];
  /** Frames the bot sent over the socket (acks), parsed. */
  readonly socketFrames: any[] = [];
  /** Number of WebSocket connections opened so far. */
  socketConnections = 0;
  private readonly sockets = new Set<WebSocket>();
  private readonly wss = new WebSocketServer({ noServer: true });
  private ts = 0;

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly options: FakeSlackOptions,
  ) {}

  /** Start the fake on a free port of 127.0.0.1. */
  static async start(options: FakeSlackOptions = {}): Promise<FakeSlack> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const fake = new FakeSlack(server, (server.address() as AddressInfo).port, options);
    server.on('request', (req, res) => {
      void fake.handle(req).then(
        ({ status, body }) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        },
        (error: unknown) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ ok: false, error: String(error) }));
        },
      );
    });
    server.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/link')) {
        socket.destroy();
        return;
      }
      fake.wss.handleUpgrade(req, socket, head, (ws) => fake.onSocket(ws));
    });
    return fake;
  }

  /** Web API base URL for `slackApiUrl`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A response URL on the fake; what the bot posts there is recorded under `id`. */
  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  /** Calls of one Web API method. */
  calls(method: string): ApiCall[] {
    return this.apiCalls.filter((c) => c.method === method);
  }

  /** Posts to one response URL. */
  responsesTo(id: string): ResponseCall[] {
    return this.responses.filter((r) => r.id === id);
  }

  /** Send a Socket Mode envelope to every connected client. */
  sendEnvelope(envelope: object): void {
    const frame = JSON.stringify(envelope);
    for (const ws of this.sockets) ws.send(frame);
  }

  /** Wait until `probe` returns something truthy (polling), or fail naming `what`. */
  async waitFor<T>(what: string, probe: () => T | undefined | null | false, timeoutMs = 8_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value) return value;
      if (Date.now() > deadline) {
        const seen = [...this.apiCalls.map((c) => c.method), ...this.responses.map((r) => `response:${r.id}`)].join(', ');
        throw new Error(`fake Slack: timed out waiting for ${what} (seen: ${seen || 'nothing'})`);
      }
      await new Promise((r) => setTimeout(r, 15));
    }
  }

  /** Stay quiet for `ms`, then return: for asserting that something did not happen. */
  async settle(ms = 300): Promise<void> {
    await new Promise((r) => setTimeout(r, ms));
  }

  /** Close sockets and the server. Stop the bot first, or it reconnects. */
  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onSocket(ws: WebSocket): void {
    this.socketConnections += 1;
    this.sockets.add(ws);
    ws.on('message', (data) => {
      try {
        this.socketFrames.push(JSON.parse(String(data)));
      } catch {
        this.socketFrames.push({ unparsable: String(data) });
      }
    });
    ws.on('close', () => this.sockets.delete(ws));
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake', approximate_connection_time: 3600 }, connection_info: { app_id: 'A0001' } }));
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${this.port}`);
    if (req.method === 'POST' && url.pathname.startsWith('/response/')) {
      const body = JSON.parse(raw || '{}');
      this.responses.push({ id: decodeURIComponent(url.pathname.slice('/response/'.length)), body });
      const problems = slackBlockProblems(body.blocks ?? []);
      return problems.length ? { status: 400, body: { ok: false, error: 'invalid_blocks', errors: problems } } : { status: 200, body: { ok: true } };
    }
    if (req.method === 'POST' && url.pathname.startsWith('/api/')) {
      const method = url.pathname.slice('/api/'.length);
      const token = req.headers.authorization?.replace(/^Bearer /u, '');
      const params = parseParams(raw, req.headers['content-type'] ?? '');
      this.apiCalls.push({ method, token, params });
      return { status: 200, body: this.answer(method, token, params) };
    }
    return { status: 404, body: { ok: false, error: 'unknown_path' } };
  }

  private answer(method: string, token: string | undefined, params: Record<string, any>): object {
    if (method === 'apps.connections.open') {
      if (this.options.appTokens && !this.options.appTokens.includes(token ?? '')) return { ok: false, error: 'invalid_auth' };
      return { ok: true, url: `ws://127.0.0.1:${this.port}/link` };
    }
    if (this.options.botTokens && !this.options.botTokens.includes(token ?? '')) return { ok: false, error: 'invalid_auth' };
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://acme.slack.com/', team: 'Acme', user: 'finqa', team_id: FAKE_TEAM_ID, user_id: FAKE_BOT_USER_ID, bot_id: 'BBOT' };
      case 'chat.postMessage': {
        const failure = this.options.failingChannels?.[params.channel];
        if (failure) return { ok: false, error: failure };
        const problems = slackBlockProblems(params.blocks ?? []);
        if (problems.length) return { ok: false, error: 'invalid_blocks', errors: problems };
        this.ts += 1;
        return { ok: true, channel: params.channel, ts: `1715500000.${String(this.ts).padStart(6, '0')}`, message: { text: params.text } };
      }
      case 'chat.postEphemeral':
        this.ts += 1;
        return { ok: true, message_ts: `1715500000.${String(this.ts).padStart(6, '0')}` };
      default:
        return { ok: true };
    }
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseParams(raw: string, contentType: string): Record<string, any> {
  if (contentType.includes('application/json')) return JSON.parse(raw || '{}');
  const out: Record<string, any> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = (k === 'blocks' || k === 'attachments' || k === 'metadata') && v.startsWith('[') ? JSON.parse(v) : v;
  }
  return out;
}

/**
 * What Slack would reject in a message's blocks: over 50 blocks, a section text over
 * 3,000 characters, a header over 150, more than 10 fields or context elements, a button
 * value over 2,000, an empty text. An empty list means Slack accepts it.
 */
export function slackBlockProblems(blocks: any[]): string[] {
  const problems: string[] = [];
  if (!Array.isArray(blocks)) return ['blocks is not an array'];
  if (blocks.length > 50) problems.push(`${blocks.length} blocks (max 50)`);
  blocks.forEach((b, i) => {
    const where = `block ${i} (${b.type})`;
    if (b.type === 'header') {
      if (b.text?.type !== 'plain_text') problems.push(`${where}: header text must be plain_text`);
      if (!b.text?.text || b.text.text.length > 150) problems.push(`${where}: header text length ${b.text?.text?.length}`);
    } else if (b.type === 'section') {
      if (!b.text && !b.fields) problems.push(`${where}: section without text or fields`);
      if (b.text && (!b.text.text || b.text.text.length > 3000)) problems.push(`${where}: section text length ${b.text.text?.length}`);
      if (b.fields && (b.fields.length > 10 || b.fields.some((f: any) => !f.text || f.text.length > 2000))) problems.push(`${where}: fields`);
    } else if (b.type === 'context') {
      if (!b.elements?.length || b.elements.length > 10) problems.push(`${where}: ${b.elements?.length} context elements`);
      for (const e of b.elements ?? []) if (!e.text || e.text.length > 3000) problems.push(`${where}: context text length ${e.text?.length}`);
    } else if (b.type === 'actions') {
      if (!b.elements?.length || b.elements.length > 25) problems.push(`${where}: ${b.elements?.length} action elements`);
      for (const e of b.elements ?? []) {
        if (e.value !== undefined && e.value.length > 2000) problems.push(`${where}: button value length ${e.value.length}`);
        if (!e.text?.text || e.text.text.length > 75) problems.push(`${where}: button text`);
        if (!e.action_id || e.action_id.length > 255) problems.push(`${where}: action_id`);
      }
    } else if (b.type !== 'divider') {
      problems.push(`${where}: unexpected block type`);
    }
  });
  return problems;
}

/** Headers Slack signs a request with: `v0=HMAC-SHA256(secret, "v0:ts:body")`. */
export function slackSignature(secret: string, body: string, timestamp: number = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-signature': signature, 'x-slack-request-timestamp': String(timestamp) };
}

/** A slash command or interaction as Slack sends it: form-encoded (exact content type). */
export function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/** An interaction (`block_actions`) as Slack sends it: one `payload` form field of JSON. */
export function interactionBody(payload: object): string {
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** The bot's reply to a delivery: status, body and how long it took. */
export interface Delivery {
  status: number;
  text: string;
  ms: number;
}

/** Options of a delivery: a different timestamp or signature, extra headers (retries). */
export interface DeliveryOptions {
  timestamp?: number;
  signingSecret?: string;
  signature?: string;
  headers?: Record<string, string>;
}

/**
 * Send a signed request to the bot's `/slack/events` the way Slack does. The body is a
 * string so fetch does not add a charset to the content type (Bolt refuses that).
 */
export async function deliver(botUrl: string, secret: string, body: string, kind: 'form' | 'json', options: DeliveryOptions = {}): Promise<Delivery> {
  const headers: Record<string, string> = {
    'content-type': kind === 'form' ? 'application/x-www-form-urlencoded' : 'application/json',
    ...slackSignature(options.signingSecret ?? secret, body, options.timestamp),
    ...(options.signature ? { 'x-slack-signature': options.signature } : {}),
    ...options.headers,
  };
  const started = performance.now();
  const res = await fetch(botUrl, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  return { status: res.status, text, ms: performance.now() - started };
}
