import { ApplicationCommandType, Routes, type APIApplicationCommand, type REST } from 'discord.js';
import type { CommandPayload } from './registration.ts';

/**
 * Bring the commands registered on Discord in line with `commands/`: create what is
 * new, update what changed, delete chat-input commands that are gone, and send nothing
 * for what is unchanged (Discord rate-limits command writes to a few hundred a day).
 */

/** What a sync did, by command name. */
export interface SyncReport {
  scope: 'guild' | 'global';
  guildId?: string;
  created: string[];
  updated: string[];
  unchanged: string[];
  deleted: string[];
}

/** Where commands are registered: one guild (instant) or global. */
export interface SyncTarget {
  applicationId: string;
  guildId?: string;
}

const sorted = <T>(list: readonly T[] | null | undefined) => (list?.length ? [...list].sort() : null);
const emptyToNull = (o: Record<string, unknown> | null | undefined) => (o && Object.keys(o).length ? o : null);

/**
 * The parts of a command that we set, in one comparable form. Discord fills defaults
 * (`required: false` left out, `nsfw: false`, null localizations) that must not count
 * as changes.
 */
export function comparable(c: CommandPayload | APIApplicationCommand): string {
  return JSON.stringify({
    type: c.type ?? ApplicationCommandType.ChatInput,
    name: c.name,
    description: c.description,
    name_localizations: emptyToNull(c.name_localizations),
    description_localizations: emptyToNull(c.description_localizations),
    default_member_permissions: c.default_member_permissions ?? null,
    nsfw: Boolean(c.nsfw),
    contexts: sorted(c.contexts),
    integration_types: sorted(c.integration_types),
    options: (c.options ?? []).map((o) => ({
      type: o.type,
      name: o.name,
      description: o.description,
      name_localizations: emptyToNull(o.name_localizations),
      description_localizations: emptyToNull(o.description_localizations),
      required: Boolean('required' in o && o.required),
      autocomplete: Boolean('autocomplete' in o && o.autocomplete),
      choices: 'choices' in o && o.choices?.length ? o.choices.map((x) => ({ name: x.name, value: x.value })) : null,
      min_length: 'min_length' in o ? (o.min_length ?? null) : null,
      max_length: 'max_length' in o ? (o.max_length ?? null) : null,
    })),
  });
}

/** Register or update `payloads` at the target; see the module comment. */
export async function syncCommands(rest: REST, target: SyncTarget, payloads: readonly CommandPayload[]): Promise<SyncReport> {
  const { applicationId, guildId } = target;
  const listRoute = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  const oneRoute = (id: string) => (guildId ? Routes.applicationGuildCommand(applicationId, guildId, id) : Routes.applicationCommand(applicationId, id));
  const existing = ((await rest.get(listRoute)) as APIApplicationCommand[]).filter((c) => c.type === ApplicationCommandType.ChatInput);
  const report: SyncReport = { scope: guildId ? 'guild' : 'global', guildId, created: [], updated: [], unchanged: [], deleted: [] };
  for (const payload of payloads) {
    const current = existing.find((c) => c.name === payload.name);
    if (!current) {
      await rest.post(listRoute, { body: payload });
      report.created.push(payload.name);
    } else if (comparable(current) !== comparable(payload)) {
      await rest.patch(oneRoute(current.id), { body: payload });
      report.updated.push(payload.name);
    } else {
      report.unchanged.push(payload.name);
    }
  }
  for (const c of existing) {
    if (payloads.some((p) => p.name === c.name)) continue;
    await rest.delete(oneRoute(c.id));
    report.deleted.push(c.name);
  }
  return report;
}

/** The report as lines for a terminal. */
export function describeSync(report: SyncReport): string[] {
  const where = report.scope === 'guild' ? `server ${report.guildId}` : 'all servers (global; may take up to an hour to show)';
  const list = (names: string[]) => names.map((n) => `/${n}`).join(', ');
  const lines = [`Discord commands for ${where}:`];
  if (report.created.length) lines.push(`  created:   ${list(report.created)}`);
  if (report.updated.length) lines.push(`  updated:   ${list(report.updated)}`);
  if (report.deleted.length) lines.push(`  deleted:   ${list(report.deleted)} (no longer in commands/)`);
  if (report.unchanged.length) lines.push(`  unchanged: ${list(report.unchanged)} (not sent)`);
  if (!report.created.length && !report.updated.length && !report.deleted.length) lines.push('  nothing to send: Discord already has these commands.');
  return lines;
}
