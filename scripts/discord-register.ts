/**
 * `npm run discord:register`: register or update the bot's slash commands from
 * `commands/` (in DISCORD_GUILD_ID when set, else globally). A deploy step, not done on
 * every start; commands Discord already has unchanged are not sent again.
 */
import { DiscordAPIError, REST } from 'discord.js';
import { commandPayloads, validateCommandPayloads } from '../src/adapters/discord/registration.ts';
import { describeSync, syncCommands } from '../src/adapters/discord/registration-sync.ts';
import { scrubDiscord } from '../src/adapters/discord/safe-log.ts';
import { readDiscordSettings } from '../src/adapters/discord/settings.ts';

function explain(error: unknown, guildId: string | undefined): string {
  if (error instanceof DiscordAPIError) {
    if (error.status === 401) return 'Discord rejected DISCORD_TOKEN (401). Reset the token in Developer Portal > Bot and update your environment.';
    if (error.code === 50001 && guildId) return `The application cannot reach server ${guildId} (Missing Access, 50001). Invite it with the applications.commands scope (see README, Discord), or check DISCORD_GUILD_ID.`;
    if (error.code === 10002) return 'Unknown application (10002): check DISCORD_APPLICATION_ID.';
    return `Discord refused the registration: ${scrubDiscord(error.message)} (${error.code}).`;
  }
  return `Registration failed: ${scrubDiscord(error instanceof Error ? error.message : String(error))}`;
}

async function main(): Promise<number> {
  const read = readDiscordSettings(process.env);
  if (!read.ok) {
    process.stderr.write(`Discord is not configured: ${read.reason}.\n`);
    return 2;
  }
  const { settings } = read;
  const payloads = commandPayloads();
  const problems = validateCommandPayloads(payloads);
  if (problems.length) {
    process.stderr.write(`The commands in commands/ break Discord's rules; nothing was sent:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
    return 1;
  }
  const rest = new REST({ api: settings.apiUrl, retries: 1 }).setToken(settings.token);
  try {
    const report = await syncCommands(rest, { applicationId: settings.applicationId, guildId: settings.guildId }, payloads);
    process.stdout.write(`${describeSync(report).join('\n')}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${explain(error, settings.guildId)}\n`);
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Registration failed: ${scrubDiscord(error instanceof Error ? error.message : String(error))}\n`);
    process.exit(1);
  },
);
