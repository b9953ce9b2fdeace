import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runInput } from '../../commands/index.ts';
import { createLogger } from '../../src/logger.ts';
import { bundledContext } from '../helpers/engine.ts';

function capture(level: string) {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger(level, stream), lines: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('structured logs', () => {
  it('log one line per question with a request id, the command, latency and outcome', async () => {
    const { logger, lines } = capture('info');
    await runInput('/metric cloudwalk revenue 2024', bundledContext({ logger, requestId: 'req-1' }));
    await runInput('/metric nosuchco revenue 2024', bundledContext({ logger }));
    const answered = lines().filter((l) => l.msg === 'answered');
    expect(answered).toHaveLength(2);
    expect(answered[0]).toMatchObject({ requestId: 'req-1', command: 'metric', status: 'answered', figures: 1 });
    expect(typeof answered[0]!.latencyMs).toBe('number');
    expect(answered[1]).toMatchObject({ command: 'metric', status: 'not_found' });
    expect(String(answered[1]!.requestId)).toMatch(/^[0-9a-f]{8}$/u);
  });

  it('redact tokens and signing secrets, by field and by shape', () => {
    const { logger, lines } = capture('info');
    const slackToken = ['xoxb', '123456789012', 'abcdefghijklmnopqrstuvwx'].join('-');
    logger.info({ token: 'secret-token', botToken: slackToken, settings: { signingSecret: 'abc123', appToken: 'xapp-1-A' } }, 'starting');
    logger.error({ err: 'request failed' }, `call with ${slackToken} failed`);
    const text = JSON.stringify(lines());
    expect(text).not.toContain(slackToken);
    expect(text).not.toContain('secret-token');
    expect(text).not.toContain('abc123');
    expect(text).toContain('[redacted]');
  });

  it('respect LOG_LEVEL', async () => {
    const { logger, lines } = capture('warn');
    await runInput('/metric cloudwalk revenue 2024', bundledContext({ logger }));
    logger.warn({}, 'kept');
    expect(lines().map((l) => l.msg)).toEqual(['kept']);
  });

  it('answer an internal failure with an apology and a reference id that is in the log', async () => {
    const { logger, lines } = capture('info');
    const broken = { get snapshot(): never { throw new Error('index vanished'); } };
    const answer = await runInput('/metric cloudwalk revenue 2024', { ...bundledContext({ logger }), engine: broken });
    expect(answer.status).toBe('error');
    expect(answer.message).toMatch(/Sorry/u);
    expect(answer.message).toContain(answer.errorId!);
    expect(answer.message).not.toContain('index vanished');
    const logged = lines().find((l) => l.msg === 'command failed');
    expect(logged).toMatchObject({ errorId: answer.errorId });
  });
});
