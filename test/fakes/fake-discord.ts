import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { parseBody, routeRest, snowflake, type InteractionState, type RecordedRequest } from './fake-discord-rest.ts';

export { snowflake, type RecordedRequest } from './fake-discord-rest.ts';

/**
 * A fake Discord on 127.0.0.1 for end-to-end tests with the real discord.js client: the
 * REST API under `/api/v10` (routes in fake-discord-rest.ts) and the gateway WebSocket
 * on the same port. It records every request and gateway frame, enforces what the real
 * one enforces where our bot could get it wrong (bot token, one acknowledgement per
 * interaction within 3 s, channel access), and can drop the socket to exercise RESUME.
 */

const FIXTURES = resolve(import.meta.dirname, '../fixtures/discord');
const fixture = (name: string): any => JSON.parse(readFileSync(resolve(FIXTURES, name), 'utf8'));

/** A frame the bot sent on the gateway. */
export interface GatewayFrame {
  op: number;
  d: any;
  at: number;
}

/** The credentials the fake accepts and its timings. */
export interface FakeDiscordOptions {
  token: string;
  applicationId: string;
  /** The first heartbeat comes after a random share of this (real Discord: 41,250 ms). */
  heartbeatIntervalMs?: number;
  /** Callbacks later than this after the dispatch get 10062 Unknown interaction, as on Discord. */
  interactionDeadlineMs?: number;
}

/** The fake; `start()` it, point the bot at `apiUrl`, `close()` it after the bot stops. */
export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly frames: GatewayFrame[] = [];
  /** Registered commands by scope: `global` or a guild id. */
  readonly commands = new Map<string, any[]>();
  /** Channels the bot may post in; others are 10003 Unknown Channel. */
  readonly channels = new Set<string>();
  /** Channels that refuse the bot with 50001 or 50013. */
  readonly denied = new Map<string, 50001 | 50013>();
  /** `invalidate` answers the next RESUME with op 9 (not resumable), forcing a new IDENTIFY. */
  resumeMode: 'resume' | 'invalidate' = 'resume';
  /** Hold the answer to interaction callbacks this long (a slow network). */
  callbackDelayMs = 0;
  readonly guild = fixture('guild-create.json');
  readonly bot: any;
  connections = 0;

  /** Interactions dispatched so far, by id (the REST routes check callbacks against them). */
  readonly interactions = new Map<string, InteractionState>();
  private readonly history: Array<{ s: number; frame: string }> = [];
  private socket: WebSocket | null = null;
  private sessionId = '';
  private seq = 0;

  private constructor(
    readonly options: Required<FakeDiscordOptions>,
    private readonly server: Server,
    private readonly wss: WebSocketServer,
    readonly port: number,
  ) {
    this.bot = { ...fixture('ready.json').user, id: options.applicationId };
    for (const c of this.guild.channels) this.channels.add(c.id);
  }

  /** Start on a free port of 127.0.0.1. */
  static async start(options: FakeDiscordOptions): Promise<FakeDiscord> {
    const server = createServer();
    const wss = new WebSocketServer({ server });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const port = (server.address() as AddressInfo).port;
    const fake = new FakeDiscord({ heartbeatIntervalMs: 41_250, interactionDeadlineMs: 3_000, ...options }, server, wss, port);
    server.on('request', (req, res) => void fake.onRequest(req, res));
    wss.on('connection', (ws) => fake.onConnection(ws));
    return fake;
  }

  /** REST base for `DISCORD_API_URL` / discord.js `rest.api`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get guildId(): string {
    return this.guild.id;
  }

  get channelId(): string {
    return this.guild.channels[0].id;
  }

  /** Frames of one opcode the bot sent (2 IDENTIFY, 6 RESUME, 1 heartbeat). */
  sent(op: number): GatewayFrame[] {
    return this.frames.filter((f) => f.op === op);
  }

  /** REST requests whose method and path match. */
  find(method: string, path: RegExp | string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)));
  }

  /** Interaction callbacks (type 4, 5, 8 ...) for one interaction. */
  callbacks(interactionId: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === 'POST' && r.path.startsWith(`/interactions/${interactionId}/`));
  }

  /** Edits of the original response (`PATCH .../messages/@original`) and follow-ups of one interaction. */
  webhook(token: string, kind: 'edit' | 'followup' | 'delete'): RecordedRequest[] {
    const base = `/webhooks/${this.options.applicationId}/${token}`;
    if (kind === 'edit') return this.find('PATCH', `${base}/messages/@original`);
    if (kind === 'delete') return this.find('DELETE', `${base}/messages/@original`);
    return this.find('POST', base);
  }

  /** Messages posted to a channel. */
  posts(channelId: string): RecordedRequest[] {
    return this.find('POST', `/channels/${channelId}/messages`);
  }

  /** Send a gateway dispatch; kept for replay if the bot resumes. */
  dispatch(t: string, d: unknown): void {
    this.seq += 1;
    const frame = JSON.stringify({ op: 0, t, s: this.seq, d });
    this.history.push({ s: this.seq, frame });
    if (this.history.length > 200) this.history.shift();
    if (this.socket?.readyState === 1) this.socket.send(frame);
  }

  /** Dispatch INTERACTION_CREATE for a slash command (in the guild channel, or a DM with `dm`). */
  sendCommand(name: string, options: Record<string, string> = {}, who: { userId?: string; username?: string; dm?: boolean } = {}): { id: string; token: string } {
    const data = fixture('interaction-command.json');
    data.data.name = name;
    data.data.options = Object.entries(options).map(([n, value]) => ({ name: n, type: 3, value }));
    return this.sendInteraction(data, who);
  }

  /** Dispatch INTERACTION_CREATE type 4 (autocomplete) with one focused option. */
  sendAutocomplete(name: string, focused: string, typed: string, others: Record<string, string> = {}): { id: string; token: string } {
    const data = fixture('interaction-autocomplete.json');
    data.data.name = name;
    data.data.options = [...Object.entries(others).map(([n, value]) => ({ name: n, type: 3, value })), { name: focused, type: 3, value: typed, focused: true }];
    return this.sendInteraction(data, {});
  }

  private sendInteraction(data: any, who: { userId?: string; username?: string; dm?: boolean }): { id: string; token: string } {
    const id = snowflake();
    const token = `interaction-token-${id}-${Math.random().toString(36).slice(2)}`;
    Object.assign(data, { id, token, application_id: this.options.applicationId });
    const user = { ...data.member.user, id: who.userId ?? data.member.user.id, username: who.username ?? data.member.user.username };
    if (who.dm) {
      const dmChannel = snowflake();
      for (const k of ['member', 'guild_id', 'guild', 'guild_locale']) delete data[k];
      delete data.data.guild_id;
      Object.assign(data, { user, context: 1, channel_id: dmChannel, channel: { id: dmChannel, type: 1, flags: 0, last_message_id: null, recipients: [user] } });
      data.authorizing_integration_owners = { '0': this.guildId };
      this.channels.add(dmChannel);
    } else {
      data.member.user = user;
    }
    this.interactions.set(id, { id, token, channelId: data.channel_id, dispatchedAt: Date.now() });
    this.dispatch('INTERACTION_CREATE', data);
    return { id, token };
  }

  /** Dispatch MESSAGE_CREATE in the guild channel (or a DM with `dm`); `mention` puts the bot in `mentions`. */
  sendMessage(content: string, opts: { mention?: boolean; bot?: boolean; userId?: string; dm?: boolean } = {}): { id: string; channelId: string } {
    const data = fixture('message-create.json');
    const id = snowflake();
    Object.assign(data, { id, content, nonce: id, timestamp: new Date().toISOString(), guild_id: this.guildId, channel_id: this.channelId });
    if (opts.dm) {
      delete data.guild_id;
      delete data.member;
      delete data.mentions[0].member;
      Object.assign(data, { channel_id: snowflake(), channel_type: 1 });
      this.channels.add(data.channel_id);
    }
    data.mentions = opts.mention === false ? [] : [{ ...data.mentions[0], id: this.bot.id, username: this.bot.username }];
    if (opts.userId) data.author.id = opts.userId;
    if (opts.bot) data.author.bot = true;
    this.dispatch('MESSAGE_CREATE', data);
    return { id, channelId: data.channel_id };
  }

  /** Close the bot's gateway socket: with a close code, or abruptly (network loss) without one. */
  async dropConnection(code?: number): Promise<void> {
    const ws = this.socket;
    if (!ws) return;
    const closed = new Promise((done) => ws.once('close', done));
    if (code) ws.close(code, 'fake: dropped');
    else ws.terminate();
    await closed;
  }

  /** Wait until `check` returns a truthy value (polled), or fail naming `what`. */
  async waitFor<T>(what: string, check: () => T | undefined | null | false, timeoutMs = 5_000): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value) return value;
      if (Date.now() > until) throw new Error(`fake Discord: timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Close sockets and the server. Stop the bot first, or it keeps reconnecting. */
  async close(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise<void>((done) => this.wss.close(() => done()));
    this.server.closeAllConnections();
    await new Promise<void>((done) => this.server.close(() => done()));
  }

  // ---- gateway -------------------------------------------------------------

  private onConnection(ws: WebSocket): void {
    this.connections += 1;
    this.socket = ws;
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs, _trace: ['fake'] }, s: null, t: null }));
    ws.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as { op: number; d: any };
      this.frames.push({ ...frame, at: Date.now() });
      if (frame.op === 1) ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      else if (frame.op === 2) this.onIdentify(ws, frame.d);
      else if (frame.op === 6) this.onResume(ws, frame.d);
    });
    ws.on('close', () => {
      if (this.socket === ws) this.socket = null;
    });
  }

  private onIdentify(ws: WebSocket, d: any): void {
    if (d.token !== this.options.token) return ws.close(4004, 'Authentication failed.');
    this.sessionId = `session-${snowflake()}`;
    this.history.length = 0;
    this.seq = 0;
    const ready = { ...fixture('ready.json'), user: this.bot, session_id: this.sessionId, resume_gateway_url: `ws://127.0.0.1:${this.port}`, application: { id: this.options.applicationId, flags: 8953856 } };
    this.dispatch('READY', ready);
    // After READY, as on Discord: the guild arrives as GUILD_CREATE (READY lists none, so the client does not wait 15 s).
    this.dispatch('GUILD_CREATE', this.guild);
  }

  private onResume(ws: WebSocket, d: any): void {
    if (this.resumeMode === 'invalidate' || d.token !== this.options.token || d.session_id !== this.sessionId) {
      this.resumeMode = 'resume';
      ws.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
      return;
    }
    for (const h of this.history) if (h.s > d.seq) ws.send(h.frame);
    this.dispatch('RESUMED', { _trace: ['fake'] });
  }

  // ---- REST ----------------------------------------------------------------

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v10/u, ''));
    const header = req.headers.authorization;
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      query: url.searchParams,
      auth: !header ? 'none' : header === `Bot ${this.options.token}` ? 'bot' : 'wrong',
      body: undefined,
      files: [],
      at: Date.now(),
    };
    await parseBody(record, raw, req.headers['content-type'] ?? '');
    this.requests.push(record);
    const [status, body] = routeRest(this, record);
    if (this.callbackDelayMs > 0 && /^\/interactions\/\d+\/[^/]+\/callback$/u.test(path)) await new Promise((r) => setTimeout(r, this.callbackDelayMs));
    res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
    res.end(body === undefined ? undefined : JSON.stringify(body));
    record.respondedAt = Date.now();
  }
}
