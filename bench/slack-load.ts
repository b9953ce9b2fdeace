/**
 * Load on the Slack endpoint (issue 7, last section): signed slash commands at N
 * concurrent connections to the real bot in HTTP mode on loopback, against the fake
 * Slack of the adapter tests. Reports acknowledgement latency p50/p99, errors, and
 * whether every answer reached its response URL (and how long that took).
 *
 *   npx tsx bench/slack-load.ts [--requests 2000] [--concurrency 100] [--warmup 200] [--size 100] [--seed 1] [--out var/bench] [--json] [--profile-bot <dir>]
 *
 * The bot runs in its own process (bench/measure/slack-bot.ts); this process holds the
 * fake Slack and the load generator, so neither steals the bot's event loop. Each command
 * comes from a different user, so the per-user rate limit (production settings) never
 * refuses one; a refusal counts as an error. Exits non-zero when a target is missed.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Agent, request } from 'node:http';
import { FakeSlack, formBody, slackSignature } from '../test/fakes/fake-slack.ts';
import type { BenchQuery } from './generate/queries.ts';
import { writeCorpus } from './generate/write.ts';
import { LOAD_BOT_TOKEN, LOAD_SIGNING_SECRET } from './measure/slack-secrets.ts';
import { summarize, type LatencySummary } from './stats.ts';

/** What the load run measured. */
export interface SlackLoadResult {
  requests: number;
  concurrency: number;
  ack: LatencySummary;
  /** From sending the command to its answer arriving at the response URL (polled every 2 ms). */
  answer: LatencySummary;
  errors: { status: number; refused: number; connection: number; missingAnswers: number; rejectedAnswers: number };
  answersDelivered: number;
  wallSeconds: number;
  botErrorLines: number;
}

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '100' },
    warmup: { type: 'string', default: '200' },
    size: { type: 'string', default: '100' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string', default: 'var/bench' },
    'answer-timeout-s': { type: 'string', default: '120' },
    json: { type: 'boolean', default: false },
    // Write a V8 CPU profile of the bot process into this folder (open it in Chrome DevTools).
    'profile-bot': { type: 'string' },
  },
});
const [requests, concurrency, warmup, size] = [values.requests, values.concurrency, values.warmup, values.size].map(Number) as [number, number, number, number];
if (![requests, concurrency, size].every((n) => Number.isInteger(n) && n > 0) || !Number.isInteger(warmup) || warmup < 0) {
  console.error('usage: tsx bench/slack-load.ts [--requests 2000] [--concurrency 100] [--warmup 200] [--size 100] [--seed 1] [--out var/bench] [--json]');
  process.exit(2);
}
const answerTimeoutMs = Number(values['answer-timeout-s']) * 1000;

const out = resolve(values.out!);
mkdirSync(out, { recursive: true });
const corpus = writeCorpus(join(out, `corpus-${size}-seed${values.seed}`), { seed: values.seed!, documents: size, queries: 3000 }).paths;
const queries = JSON.parse(readFileSync(corpus.queriesFile, 'utf8')) as BenchQuery[];
const fake = await FakeSlack.start({ botTokens: [LOAD_BOT_TOKEN] });

// The bot, in a child process; it prints {"port":N} when listening.
const botScript = fileURLToPath(new URL('./measure/slack-bot.ts', import.meta.url));
const profile = values['profile-bot'] ? ['--cpu-prof', `--cpu-prof-dir=${resolve(values['profile-bot'])}`] : [];
const bot = spawn(process.execPath, [...profile, '--import', import.meta.resolve('tsx'), botScript, '--corpus', corpus.dir, '--index', join(out, `slack-load-index-${size}`), '--api-url', fake.apiUrl], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const botLines = createInterface({ input: bot.stdout });
const botMessages: Array<Record<string, number>> = [];
const waitForBot = <K extends string>(key: K, ms: number) =>
  new Promise<number>((resolveWait, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bot process gave no ${key} within ${ms / 1000} s`)), ms);
    const check = () => {
      const found = botMessages.find((m) => key in m);
      if (found) {
        clearTimeout(timer);
        resolveWait(found[key]!);
        return true;
      }
      return false;
    };
    if (check()) return;
    botLines.on('line', () => void check());
    bot.once('exit', (code) => {
      clearTimeout(timer);
      if (!check()) reject(new Error(`the bot process exited (code ${code}) before giving ${key}`));
    });
  });
botLines.on('line', (line) => {
  if (line.startsWith('{')) botMessages.push(JSON.parse(line) as Record<string, number>);
});

// The load generator must not be what is measured: node:http with keep-alive costs a
// fraction of fetch per request, so the generator's core keeps up with the bot.
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
function post(url: string, body: string): Promise<{ status: number; text: string; ms: number }> {
  const started = performance.now();
  const headers = { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), ...slackSignature(LOAD_SIGNING_SECRET, body) };
  return new Promise((resolvePost, reject) => {
    const req = request(url, { method: 'POST', agent, headers, timeout: 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolvePost({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

let result: SlackLoadResult | undefined;
try {
  const port = await waitForBot('port', 300_000);
  const url = `http://127.0.0.1:${port}/slack/events`;

  // When each answer arrived: the fake records responses in order; stamp new ones as they appear.
  const answeredAt = new Map<string, number>();
  let seen = 0;
  const poll = setInterval(() => {
    for (; seen < fake.responses.length; seen += 1) {
      const r = fake.responses[seen]!;
      if (!answeredAt.has(r.id)) answeredAt.set(r.id, performance.now());
    }
  }, 2);

  const sentAt = new Map<string, number>();
  const acks: number[] = [];
  const errors = { status: 0, refused: 0, connection: 0, missingAnswers: 0, rejectedAnswers: 0 };
  const send = async (phase: 'warm' | 'load', i: number): Promise<void> => {
    const q = queries[i % queries.length]!;
    const id = `${phase}-${i}`;
    const fields = {
      token: 'verification-token-unused',
      team_id: 'T0001',
      team_domain: 'acme',
      channel_id: 'C0001',
      channel_name: 'finance',
      user_id: `U${phase === 'warm' ? 'W' : 'L'}${String(i).padStart(6, '0')}`,
      user_name: `user${i}`,
      command: `/${q.command}`,
      text: q.text,
      api_app_id: 'A0001',
      is_enterprise_install: 'false',
      response_url: fake.responseUrl(id),
      trigger_id: `${i}.0001.${id}`,
    };
    const measured = phase === 'load';
    if (measured) sentAt.set(id, performance.now());
    try {
      const ack = await post(url, formBody(fields));
      if (!measured) return;
      acks.push(ack.ms);
      if (ack.status !== 200) errors.status += 1;
      else if (ack.text) errors.refused += 1;
    } catch {
      if (measured) errors.connection += 1;
    }
  };
  // `concurrency` workers, each sending its next command when the previous one is acked.
  const run = async (phase: 'warm' | 'load', n: number) => {
    let next = 0;
    await Promise.all(Array.from({ length: Math.min(concurrency, n) }, async () => {
      for (let i = next++; i < n; i = next++) await send(phase, i);
    }));
    const deadline = Date.now() + answerTimeoutMs;
    const answered = () => [...answeredAt.keys()].filter((k) => k.startsWith(`${phase}-`)).length;
    while (answered() < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  };

  // Warm-up: the same traffic, unmeasured, so the numbers are those of a bot that has been running.
  if (warmup) await run('warm', warmup);
  const started = performance.now();
  await run('load', requests);
  const wallSeconds = (performance.now() - started) / 1000;
  clearInterval(poll);

  const answerMs = [...answeredAt].filter(([id]) => sentAt.has(id)).map(([id, at]) => at - sentAt.get(id)!);
  errors.missingAnswers = requests - answerMs.length;
  errors.rejectedAnswers = fake.responses.filter((r) => r.id.startsWith('load-') && r.status !== 200).length;
  agent.destroy();
  bot.kill('SIGTERM');
  const botErrorLines = await waitForBot('errorLines', 30_000).catch(() => Number.NaN);
  // Let it exit on its own (a CPU profile is written at exit); SIGKILL below only if it hangs.
  await new Promise<void>((done) => {
    if (bot.exitCode !== null) return done();
    const timer = setTimeout(done, 15_000);
    bot.once('exit', () => (clearTimeout(timer), done()));
  });
  result = { requests, concurrency, ack: summarize(acks), answer: summarize(answerMs), errors, answersDelivered: answerMs.length, wallSeconds, botErrorLines };
} finally {
  if (bot.exitCode === null) bot.kill('SIGKILL');
  await fake.close();
}

const f = (n: number) => n.toFixed(1);
const e = result.errors;
const table = [
  `| Slack HTTP load (${requests} signed slash commands, ${concurrency} concurrent connections, after ${warmup} unmeasured) | result | target |`,
  '|---|---:|---|',
  `| ack latency p50 / p99 / max (ms) | ${f(result.ack.p50)} / ${f(result.ack.p99)} / ${f(result.ack.max)} | p99 < 100 ms |`,
  `| errors: HTTP status / refused / connection | ${e.status} / ${e.refused} / ${e.connection} | 0 |`,
  `| answers delivered to their response URL | ${result.answersDelivered} of ${requests} (${e.rejectedAnswers} refused by Slack) | all |`,
  `| answer at response URL p50 / p99 (ms after sending) | ${f(result.answer.p50)} / ${f(result.answer.p99)} | |`,
  `| wall time (s); error lines the bot logged | ${result.wallSeconds.toFixed(1)}; ${result.botErrorLines} | 0 |`,
].join('\n');
if (values.json) {
  process.stderr.write(`${table}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} else {
  process.stdout.write(`${table}\n`);
}
const failed = e.status + e.refused + e.connection + e.missingAnswers + e.rejectedAnswers > 0 || !(result.ack.p99 < 100);
process.exitCode = failed ? 1 : 0;
