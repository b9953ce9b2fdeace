/**
 * The REST side of the fake Discord (see fake-discord.ts): routes, the state they
 * check, and Discord's error bodies for what our bot could get wrong.
 */

/** A REST request as the fake received it. `path` is after `/api/v10`, percent-decoded. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** `bot`: the right bot token; `none`: no Authorization header; `wrong`: another one. */
  auth: 'bot' | 'none' | 'wrong';
  body: any;
  files: Array<{ field: string; name: string; size: number; type: string }>;
  at: number;
  /** When the fake finished answering it (after any configured delay). */
  respondedAt?: number;
}

/** What the REST routes read and change; the FakeDiscord instance is one. */
export interface RestState {
  readonly options: { token: string; applicationId: string; interactionDeadlineMs: number };
  readonly port: number;
  readonly bot: any;
  readonly guildId: string;
  readonly channels: Set<string>;
  readonly denied: Map<string, 50001 | 50013>;
  readonly commands: Map<string, any[]>;
  readonly interactions: Map<string, InteractionState>;
}

/** An interaction the fake dispatched, and how it was acknowledged. */
export interface InteractionState {
  id: string;
  token: string;
  channelId: string;
  dispatchedAt: number;
  ackType?: number;
  original?: any;
}

let counter = 0;
/** A snowflake for now (ms since 2015 shifted left 22 bits), unique within the process. */
export function snowflake(at = Date.now()): string {
  counter = (counter + 1) & 0xfff;
  return ((BigInt(at - 1_420_070_400_000) << 22n) | BigInt(counter)).toString();
}

const ERRORS = {
  unauthorized: [401, { message: '401: Unauthorized', code: 0 }],
  unknownChannel: [404, { message: 'Unknown Channel', code: 10003 }],
  unknownInteraction: [404, { message: 'Unknown interaction', code: 10062 }],
  alreadyAcked: [400, { message: 'Interaction has already been acknowledged.', code: 40060 }],
  unknownMessage: [404, { message: 'Unknown Message', code: 10008 }],
  unknownWebhook: [404, { message: 'Unknown Webhook', code: 10015 }],
  unknownApplication: [404, { message: 'Unknown Application', code: 10002 }],
  missingAccess: [403, { message: 'Missing Access', code: 50001 }],
  missingPermissions: [403, { message: 'Missing Permissions', code: 50013 }],
  notFound: [404, { message: '404: Not Found', code: 0 }],
} as const;

/** Answer one REST request as Discord would: `[status, JSON body or undefined]`. */
export function routeRest(s: RestState, r: RecordedRequest): readonly [number, unknown] {
  const app = s.options.applicationId;
  let m: RegExpMatchArray | null;
  if ((m = r.path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/u)) && r.method === 'POST') return callback(s, m[1]!, m[2]!, r);
  if ((m = r.path.match(/^\/webhooks\/(\d+)\/([^/]+)(\/messages\/@original)?$/u))) return webhookRoute(s, m[1]!, m[2]!, Boolean(m[3]), r);
  if (r.auth !== 'bot') return ERRORS.unauthorized;
  if (r.path === '/gateway/bot') {
    return [200, { url: `ws://127.0.0.1:${s.port}`, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } }];
  }
  if (r.path === '/users/@me') return [200, s.bot];
  if ((m = r.path.match(/^\/channels\/(\d+)\/(messages|typing)$/u)) && r.method === 'POST') {
    const denied = s.denied.get(m[1]!);
    if (denied) return denied === 50001 ? ERRORS.missingAccess : ERRORS.missingPermissions;
    if (!s.channels.has(m[1]!)) return ERRORS.unknownChannel;
    if (m[2] === 'typing') return [204, undefined];
    return [200, messageObject(s, m[1]!, r.body, r.files, r.body?.message_reference ? 19 : 0)];
  }
  if ((m = r.path.match(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands(?:\/(\d+))?$/u))) {
    if (m[1] !== app) return ERRORS.unknownApplication;
    if (m[2] && m[2] !== s.guildId) return ERRORS.missingAccess;
    return commandRoute(s, m[2] ?? 'global', m[3], r);
  }
  return ERRORS.notFound;
}

function callback(s: RestState, id: string, token: string, r: RecordedRequest): readonly [number, unknown] {
  const i = s.interactions.get(id);
  if (!i || i.token !== token || Date.now() - i.dispatchedAt > s.options.interactionDeadlineMs) return ERRORS.unknownInteraction;
  if (i.ackType !== undefined) return ERRORS.alreadyAcked;
  i.ackType = r.body?.type;
  if (i.ackType === 4) i.original = messageObject(s, i.channelId, r.body.data ?? {}, r.files, 20);
  if (i.ackType === 5) i.original = messageObject(s, i.channelId, { content: '', flags: (r.body.data?.flags ?? 0) | 128 }, [], 20);
  return r.query.get('with_response') === 'true' ? [200, { interaction: { id, type: 2 }, resource: i.original ? { type: i.ackType, message: i.original } : undefined }] : [204, undefined];
}

function webhookRoute(s: RestState, app: string, token: string, original: boolean, r: RecordedRequest): readonly [number, unknown] {
  const i = [...s.interactions.values()].find((x) => x.token === token);
  if (app !== s.options.applicationId || !i) return ERRORS.unknownWebhook;
  if (i.ackType !== 4 && i.ackType !== 5) return ERRORS.unknownWebhook;
  if (!original) {
    // The first follow-up after a deferral becomes the original response, as on Discord.
    const msg = messageObject(s, i.channelId, r.body ?? {}, r.files, 0);
    return [200, msg];
  }
  if (!i.original) return ERRORS.unknownMessage;
  if (r.method === 'DELETE') {
    i.original = undefined;
    return [204, undefined];
  }
  if (r.method === 'PATCH') i.original = { ...i.original, ...pick(r.body ?? {}, ['content', 'embeds', 'components']), flags: i.original.flags & ~128, edited_timestamp: new Date().toISOString() };
  return [200, i.original];
}

function commandRoute(s: RestState, scope: string, id: string | undefined, r: RecordedRequest): readonly [number, unknown] {
  const list = s.commands.get(scope) ?? [];
  s.commands.set(scope, list);
  const stored = (body: any, existing?: any) => {
    const options = (body.options ?? []).map((o: any) => {
      const copy = { ...o };
      // Discord leaves out false flags in what it returns.
      if (!copy.required) delete copy.required;
      if (!copy.autocomplete) delete copy.autocomplete;
      return copy;
    });
    return {
      id: existing?.id ?? snowflake(),
      application_id: s.options.applicationId,
      version: snowflake(),
      default_member_permissions: null,
      type: 1,
      nsfw: false,
      description_localizations: null,
      name_localizations: null,
      ...(scope === 'global' ? {} : { guild_id: scope }),
      ...body,
      options,
    };
  };
  if (!id && r.method === 'GET') return [200, list];
  if (!id && r.method === 'POST') {
    const at = list.findIndex((c) => c.name === r.body.name);
    const cmd = stored(r.body, list[at]);
    if (at >= 0) list[at] = cmd;
    else list.push(cmd);
    return [at >= 0 ? 200 : 201, cmd];
  }
  if (!id && r.method === 'PUT') {
    const next = (r.body as any[]).map((b) => stored(b, list.find((c) => c.name === b.name)));
    s.commands.set(scope, next);
    return [200, next];
  }
  const at = list.findIndex((c) => c.id === id);
  if (at < 0) return [404, { message: 'Unknown application command', code: 10063 }];
  if (r.method === 'PATCH') return [200, (list[at] = stored({ ...list[at], ...r.body }, list[at]))];
  if (r.method === 'DELETE') return (list.splice(at, 1), [204, undefined]);
  return [200, list[at]];
}

/** A message object as Discord returns it for a post, reply or interaction response. */
export function messageObject(s: RestState, channelId: string, body: any, files: RecordedRequest['files'], type: number): any {
  return {
    id: snowflake(),
    type,
    channel_id: channelId,
    content: body.content ?? '',
    embeds: body.embeds ?? [],
    attachments: files.map((f, n) => ({ id: snowflake(), filename: f.name, size: f.size, url: `https://cdn.example/${n}/${f.name}`, proxy_url: `https://cdn.example/${n}/${f.name}`, content_type: f.type })),
    author: s.bot,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    pinned: false,
    flags: body.flags ?? 0,
    components: [],
    ...(type === 20 ? { webhook_id: s.options.applicationId, application_id: s.options.applicationId } : {}),
    ...(body.message_reference ? { message_reference: { type: 0, channel_id: channelId, ...body.message_reference } } : {}),
  };
}

function pick(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k]]));
}

/** JSON bodies, or multipart ones (`payload_json` plus files) as discord.js sends attachments. */
export async function parseBody(record: RecordedRequest, raw: Buffer, type: string): Promise<void> {
  if (!raw.length) return;
  if (type.startsWith('application/json')) {
    record.body = JSON.parse(raw.toString('utf8'));
    return;
  }
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': type } }).formData();
    for (const [field, value] of form as unknown as Iterable<[string, string | { name: string; size: number; type: string }]>) {
      if (typeof value === 'string') {
        if (field === 'payload_json') record.body = JSON.parse(value);
      } else {
        record.files.push({ field, name: value.name, size: value.size, type: value.type });
      }
    }
    return;
  }
  record.body = raw.toString('utf8');
}
