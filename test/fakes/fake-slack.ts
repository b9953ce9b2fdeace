import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A fake Slack on 127.0.0.1 for end-to-end tests with the real Bolt: the Web API
 * (`POST /api/<method>`), response URLs (`POST /response/<id>`), file upload URLs
 * (`POST /upload/<file id>`) and a Socket Mode WebSocket (`/link`). It records every
 * request and answers what the bot needs, and refuses messages over Slack's Block Kit
 * limits as Slack would (`invalid_blocks`), including image blocks naming a file that
 * was not uploaded, completed and processed.
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
  /** HTTP status the fake answered (400 when it refused the blocks). */
  status: number;
}

/** One POST of file bytes to an upload URL. */
export interface UploadCall {
  fileId: string;
  contentType: string | undefined;
  /** Authorization header sent with the bytes, if any (none is needed: the bot sends none). */
  authorization: string | undefined;
  /** The request body: the file's bytes. */
  bytes: Buffer;
}

/** A file of the files upload flow, as the fake keeps it. */
export interface FakeFile {
  id: string;
  filename: string;
  /** Length declared to `files.getUploadURLExternal`. */
  length: number;
  bytes?: Buffer;
  title?: string;
  /** Set by `files.completeUploadExternal`; usable in blocks from `readyAt` on. */
  completedAt?: number;
  readyAt?: number;
  channelId?: string;
  threadTs?: string;
}

/** Make one step of the files upload flow fail: a Web API error (`ok: false`), or an HTTP status for the bytes. */
export type UploadFailure = { step: 'getUploadURLExternal' | 'completeUploadExternal'; error: string } | { step: 'upload'; status: number };

/** Options of the fake. */
export interface FakeSlackOptions {
  /** Bot tokens accepted by `auth.test` and the other methods. */
  botTokens?: string[];
  /** App-level tokens accepted by `apps.connections.open`. */
  appTokens?: string[];
  /** Channel id -> Slack error code `chat.postMessage` answers with. */
  failingChannels?: Record<string, string>;
}

/** A message as the channel keeps it (what `conversations.history` returns). */
export interface ChannelMessage {
  channel: string;
  ts: string;
  text: string | undefined;
  threadTs: string | undefined;
  /** Message metadata (`{ event_type, event_payload }`), if the post carried any. */
  metadata: { event_type: string; event_payload: Record<string, unknown> } | undefined;
}

/**
 * Make the next `chat.postMessage` to a channel hang, as when the poster dies mid-call:
 * `before` drops the message (it never reached the channel), `after` keeps it (it
 * arrived, the answer was lost). The request is held until its client goes away.
 */
export type PostHold = 'before' | 'after';

export const FAKE_BOT_USER_ID = 'UBOT';
export const FAKE_TEAM_ID = 'T0001';

export class FakeSlack {
  readonly apiCalls: ApiCall[] = [];
  readonly responses: ResponseCall[] = [];
  readonly uploads: UploadCall[] = [];
  /** Files by id, from `files.getUploadURLExternal` on. */
  readonly files = new Map<string, FakeFile>();
  /** Messages that reached each channel, in order. */
  readonly messages: ChannelMessage[] = [];
  /** Channel id -> how the next post to it hangs (see `PostHold`); consumed by that post. */
  readonly holds = new Map<string, PostHold>();
  /** Posts being held now (their client has not gone away yet). */
  heldPosts = 0;
  /** When set, that step of every upload fails. */
  uploadFailure: UploadFailure | undefined;
  /** How long Slack takes to process a completed upload; before that, blocks may not show it. */
  fileProcessingMs = 0;
  private fileSeq = 0;
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
        ({ status, body, text }) => {
          res.writeHead(status, { 'content-type': text === undefined ? 'application/json' : 'text/plain' });
          res.end(text ?? JSON.stringify(body));
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
        const seen = [...this.apiCalls.map((c) => c.method), ...this.uploads.map((u) => `upload:${u.fileId}`), ...this.responses.map((r) => `response:${r.id}`)].join(', ');
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

  /**
   * What Slack would reject in a message's blocks: `slackBlockProblems`, and image blocks
   * naming a file this fake does not have completed and processed (Slack's words).
   */
  blockProblems(blocks: any[]): string[] {
    const problems = slackBlockProblems(blocks);
    if (!Array.isArray(blocks)) return problems;
    blocks.forEach((b, i) => {
      const id = b?.type === 'image' ? b.slack_file?.id : undefined;
      if (id === undefined) return;
      const file = this.files.get(id);
      if (!file?.readyAt || file.readyAt > Date.now()) problems.push(`invalid slack file [json-pointer:/blocks/${i}/slack_file]`);
    });
    return problems;
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body?: unknown; text?: string }> {
    const buffer = await readBody(req);
    const raw = buffer.toString('utf8');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${this.port}`);
    if (req.method === 'POST' && url.pathname.startsWith('/response/')) {
      const body = JSON.parse(raw || '{}');
      const problems = this.blockProblems(body.blocks ?? []);
      const status = problems.length ? 400 : 200;
      this.responses.push({ id: decodeURIComponent(url.pathname.slice('/response/'.length)), body, status });
      return problems.length ? { status, body: { ok: false, error: 'invalid_blocks', errors: problems } } : { status, body: { ok: true } };
    }
    if (req.method === 'POST' && url.pathname.startsWith('/upload/')) return this.receiveUpload(decodeURIComponent(url.pathname.slice('/upload/'.length)), req, buffer);
    if (req.method === 'POST' && url.pathname.startsWith('/api/')) {
      const method = url.pathname.slice('/api/'.length);
      const token = req.headers.authorization?.replace(/^Bearer /u, '');
      const params = parseParams(raw, req.headers['content-type'] ?? '');
      this.apiCalls.push({ method, token, params });
      const hold = method === 'chat.postMessage' ? this.holds.get(params.channel) : undefined;
      if (hold) {
        this.holds.delete(params.channel);
        if (hold === 'after') this.answer(method, token, params);
        // Never answered: the request ends when the client's connection does.
        this.heldPosts += 1;
        await new Promise<void>((resolve) => req.socket.once('close', () => resolve()));
        this.heldPosts -= 1;
        return { status: 500, body: { ok: false, error: 'client_gone' } };
      }
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
        const problems = this.blockProblems(params.blocks ?? []);
        if (problems.length) return { ok: false, error: 'invalid_blocks', errors: problems };
        // Slack's ts is the posting time (seconds.micro); the counter keeps them unique.
        this.ts += 1;
        const ts = `${Math.floor(Date.now() / 1000)}.${String(this.ts).padStart(6, '0')}`;
        const metadata = typeof params.metadata === 'string' ? JSON.parse(params.metadata) : params.metadata;
        this.messages.push({ channel: params.channel, ts, text: params.text, threadTs: params.thread_ts, metadata });
        return { ok: true, channel: params.channel, ts, message: { text: params.text } };
      }
      case 'conversations.history': {
        const oldest = Number(params.oldest ?? 0);
        const withMetadata = params.include_all_metadata === 'true' || params.include_all_metadata === true;
        const messages = this.messages
          .filter((m) => m.channel === params.channel && Number(m.ts) >= oldest)
          .reverse()
          .map((m) => ({ type: 'message', ts: m.ts, text: m.text, user: FAKE_BOT_USER_ID, ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}) }));
        return { ok: true, messages, has_more: false };
      }
      case 'chat.postEphemeral':
        this.ts += 1;
        return { ok: true, message_ts: `1715500000.${String(this.ts).padStart(6, '0')}` };
      case 'files.getUploadURLExternal':
        return this.uploadUrl(params);
      case 'files.completeUploadExternal':
        return this.completeUpload(params);
      case 'files.info': {
        const file = this.files.get(params.file);
        if (!file?.completedAt) return { ok: false, error: 'file_not_found' };
        const ready = file.readyAt! <= Date.now();
        // Slack fills in the type once it has processed the file.
        return { ok: true, file: { id: file.id, name: file.filename, title: file.title, size: file.length, mimetype: ready ? 'image/png' : '', filetype: ready ? 'png' : '' } };
      }
      default:
        return { ok: true };
    }
  }

  private uploadUrl(params: Record<string, any>): object {
    if (this.uploadFailure?.step === 'getUploadURLExternal') return { ok: false, error: this.uploadFailure.error };
    const length = Number(params.length);
    if (!params.filename || !Number.isInteger(length) || length <= 0) return { ok: false, error: 'invalid_arguments' };
    const id = `F${String(++this.fileSeq).padStart(10, '0')}`;
    this.files.set(id, { id, filename: String(params.filename), length });
    return { ok: true, upload_url: `http://127.0.0.1:${this.port}/upload/${id}`, file_id: id };
  }

  private receiveUpload(fileId: string, req: IncomingMessage, bytes: Buffer): { status: number; text: string } {
    // Slack takes raw bytes or a multipart form; the bot sends raw bytes, so that is all the fake reads.
    this.uploads.push({ fileId, contentType: req.headers['content-type'], authorization: req.headers.authorization, bytes });
    if (this.uploadFailure?.step === 'upload') return { status: this.uploadFailure.status, text: 'upload failed' };
    const file = this.files.get(fileId);
    if (!file) return { status: 404, text: 'unknown upload' };
    file.bytes = bytes;
    return { status: 200, text: `OK - ${bytes.length}` };
  }

  private completeUpload(params: Record<string, any>): object {
    if (this.uploadFailure?.step === 'completeUploadExternal') return { ok: false, error: this.uploadFailure.error };
    const list: Array<{ id: string; title?: string }> = Array.isArray(params.files) ? params.files : [];
    if (!list.length) return { ok: false, error: 'invalid_arguments' };
    for (const f of list) {
      const file = this.files.get(f.id);
      // The fake's own strictness (code of its choosing): the bytes must have arrived, all of them.
      if (!file?.bytes || file.bytes.length !== file.length) return { ok: false, error: 'upload_incomplete' };
    }
    const now = Date.now();
    for (const f of list) {
      Object.assign(this.files.get(f.id)!, { title: f.title, completedAt: now, readyAt: now + this.fileProcessingMs, channelId: params.channel_id, threadTs: params.thread_ts });
    }
    return { ok: true, files: list.map((f) => ({ id: f.id, title: f.title ?? this.files.get(f.id)!.filename })) };
  }
}

/** File ids of the image blocks (`slack_file: { id }`) of a message. */
export function imageFileIds(blocks: any[] | undefined): string[] {
  return (blocks ?? []).filter((b) => b?.type === 'image' && b.slack_file?.id).map((b) => b.slack_file.id as string);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseParams(raw: string, contentType: string): Record<string, any> {
  if (contentType.includes('application/json')) return JSON.parse(raw || '{}');
  const out: Record<string, any> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = (k === 'blocks' || k === 'attachments' || k === 'metadata' || k === 'files') && v.startsWith('[') ? JSON.parse(v) : v;
  }
  return out;
}

/**
 * What Slack would reject in a message's blocks: over 50 blocks, a section text over
 * 3,000 characters, a header over 150, more than 10 fields or context elements, a button
 * value over 2,000, an empty text, an image without alt text (max 2,000) or with other
 * than one source (`image_url` or `slack_file`). An empty list means Slack accepts it.
 * Whether a `slack_file` exists is checked by `FakeSlack.blockProblems`.
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
    } else if (b.type === 'image') {
      if (!b.alt_text || b.alt_text.length > 2000) problems.push(`${where}: alt_text length ${b.alt_text?.length}`);
      if (Boolean(b.image_url) === Boolean(b.slack_file)) problems.push(`${where}: needs exactly one of image_url and slack_file`);
      if (b.slack_file && Boolean(b.slack_file.id) === Boolean(b.slack_file.url)) problems.push(`${where}: slack_file needs exactly one of id and url`);
      if (b.slack_file?.id && !/^F[A-Z0-9]{8,}$/u.test(b.slack_file.id)) problems.push(`${where}: slack_file id must match ^F[A-Z0-9]{8,}$`);
      if (b.title && (b.title.type !== 'plain_text' || !b.title.text || b.title.text.length > 2000)) problems.push(`${where}: title`);
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
    // A connection per delivery: a kept-alive socket reused just as the bot's server closes
    // it for idling (5 s; the test process is starved on a loaded machine) reset a request.
    connection: 'close',
    ...slackSignature(options.signingSecret ?? secret, body, options.timestamp),
    ...(options.signature ? { 'x-slack-signature': options.signature } : {}),
    ...options.headers,
  };
  const started = performance.now();
  const res = await fetch(botUrl, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  return { status: res.status, text, ms: performance.now() - started };
}
