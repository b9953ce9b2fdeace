import type { APIEmbed, APIEmbedField } from 'discord.js';

/**
 * Discord's message and embed limits, and the packing that keeps every message inside
 * them. Lengths are counted in UTF-16 units, which is never less than Discord's count.
 */
export const DISCORD_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  /** Sum of title, description, field names and values, footer and author of all embeds of one message. */
  embedTotal: 6000,
  embedsPerMessage: 10,
  content: 2000,
} as const;

/** One message to send: text above the embeds, embeds, and files for the first one only. */
export interface OutgoingMessage {
  content?: string;
  embeds: APIEmbed[];
  files?: Array<{ path: string; name: string }>;
}

/**
 * Cut text to at most `max` units. Prefers a line or word boundary in the last fifth
 * so a number is not cut in half, never splits a surrogate pair, ends with an ellipsis.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  if (/[\ud800-\udbff]/u.test(text[cut - 1] ?? '')) cut -= 1;
  const head = text.slice(0, cut);
  const boundary = Math.max(head.lastIndexOf('\n'), head.lastIndexOf(' '));
  const end = boundary >= cut * 0.8 ? boundary : cut;
  return `${head.slice(0, end).trimEnd()}…`;
}

/** The characters of an embed that count towards the 6,000 per message. */
export function embedLength(e: APIEmbed): number {
  let n = (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0);
  for (const f of e.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/** A field within limits; an empty name or value (Discord refuses both) becomes a blank mark. */
export function field(name: string, value: string, inline = false): APIEmbedField {
  return { name: clip(name.trim() || '\u200b', DISCORD_LIMITS.fieldName), value: clip(value.trim() || '\u200b', DISCORD_LIMITS.fieldValue), inline };
}

/** Clip each part of an embed to its own limit. */
export function fitEmbed(e: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...e };
  if (e.title !== undefined) out.title = clip(e.title, DISCORD_LIMITS.title);
  if (e.description !== undefined) out.description = clip(e.description, DISCORD_LIMITS.description);
  if (e.footer) out.footer = { ...e.footer, text: clip(e.footer.text, DISCORD_LIMITS.footer) };
  if (e.author) out.author = { ...e.author, name: clip(e.author.name, DISCORD_LIMITS.author) };
  if (e.fields) out.fields = e.fields.map((f) => field(f.name, f.value, f.inline));
  return out;
}

/**
 * An embed within every per-embed limit and the per-message total: fields beyond 25,
 * or beyond what fits in 6,000 characters, move to continuation embeds.
 */
export function splitEmbed(e: APIEmbed): APIEmbed[] {
  const fitted = fitEmbed(e);
  // Title, description and footer at their maxima exceed the total: the footer gives way.
  const bare = embedLength({ ...fitted, fields: [] });
  if (bare > DISCORD_LIMITS.embedTotal && fitted.footer) {
    const room = fitted.footer.text.length - (bare - DISCORD_LIMITS.embedTotal);
    if (room > 1) fitted.footer = { ...fitted.footer, text: clip(fitted.footer.text, room) };
    else delete fitted.footer;
  }
  const fields = fitted.fields ?? [];
  const head: APIEmbed = { ...fitted, fields: [] };
  const out: APIEmbed[] = [head];
  let current = head;
  for (const f of fields) {
    const full = current.fields!.length >= DISCORD_LIMITS.fields || embedLength(current) + f.name.length + f.value.length > DISCORD_LIMITS.embedTotal;
    if (full) {
      current = { color: fitted.color, title: clip(`${fitted.title ?? 'More'} (continued)`, DISCORD_LIMITS.title), fields: [] };
      out.push(current);
    }
    current.fields!.push(f);
  }
  for (const x of out) if (!x.fields!.length) delete x.fields;
  return out;
}

/**
 * Pack embeds into as few messages as the limits allow (10 embeds, 6,000 characters
 * each), in order. The first message carries the content and the files.
 */
export function packMessages(embeds: readonly APIEmbed[], first: { content?: string; files?: OutgoingMessage['files'] } = {}): OutgoingMessage[] {
  const messages: OutgoingMessage[] = [];
  let current: OutgoingMessage = { embeds: [] };
  if (first.content) current.content = clip(first.content, DISCORD_LIMITS.content);
  if (first.files?.length) current.files = first.files;
  let total = 0;
  for (const part of embeds.flatMap(splitEmbed)) {
    const size = embedLength(part);
    if (current.embeds.length && (current.embeds.length >= DISCORD_LIMITS.embedsPerMessage || total + size > DISCORD_LIMITS.embedTotal)) {
      messages.push(current);
      current = { embeds: [] };
      total = 0;
    }
    current.embeds.push(part);
    total += size;
  }
  if (current.embeds.length || current.content || !messages.length) messages.push(current);
  return messages;
}
