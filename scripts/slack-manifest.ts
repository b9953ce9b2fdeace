/**
 * `npm run slack:manifest [-- --out file] [-- --request-url https://host/slack/events] [-- --name "App name"]`
 *
 * Writes the Slack app manifest (JSON) generated from `commands/`: paste it into
 * api.slack.com/apps > Create New App > From a manifest. Socket Mode unless a public
 * request URL is given. `--out -` prints it instead.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { commands } from '../commands/index.ts';
import { buildSlackManifest } from '../src/adapters/slack/manifest.ts';

function main(): void {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: 'slack-manifest.json' },
      'request-url': { type: 'string' },
      name: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write('Usage: npm run slack:manifest -- [--out slack-manifest.json | --out -] [--request-url https://host/slack/events] [--name "App name"]\n');
    return;
  }
  const requestUrl = values['request-url'];
  if (requestUrl !== undefined && !/^https:\/\/[^\s/]+\/\S*$/u.test(requestUrl)) {
    throw new Error(`--request-url must be a public https URL such as https://bot.example.com/slack/events`);
  }
  const manifest = buildSlackManifest(commands, { name: values.name, requestUrl });
  const json = `${JSON.stringify(manifest, null, 2)}\n`;
  if (values.out === '-') {
    process.stdout.write(json);
    return;
  }
  const file = resolve(values.out ?? 'slack-manifest.json');
  writeFileSync(file, json);
  const mode = manifest.settings.socket_mode_enabled ? 'Socket Mode' : `HTTP mode at ${requestUrl}`;
  process.stdout.write(`Wrote ${file} (${mode}; commands ${manifest.features.slash_commands.map((c) => c.command).join(', ')}).\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`slack:manifest: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
