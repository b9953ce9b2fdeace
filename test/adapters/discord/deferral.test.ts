import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../commands/index.ts';
import { Engine } from '../../../src/core/engine.ts';
import { limitProblems } from './limits.ts';
import { CLOCK, startHarness, unescape, visibleText, type Harness } from './harness.ts';

/**
 * Deferred replies: type 5 first (inside Discord's 3 s, which the fake enforces), then
 * the answer as an edit of the original response, with follow-ups for what does not
 * fit one message.
 */

/** A corpus of many made-up documents, so `/sources` needs more than one message. */
function bigCorpus(): Engine {
  const dir = mkdtempSync(join(tmpdir(), 'discord-corpus-'));
  const docs = join(dir, 'documents');
  mkdirSync(docs);
  for (let i = 0; i < 90; i += 1) {
    const title = `Example Holdings quarterly update number ${i}: a long made-up title so that the listing grows past one message`;
    writeFileSync(join(docs, `example-${String(i).padStart(3, '0')}.md`), `---\ntitle: "${title}"\ncompany: Example Holdings ${i % 7}\npublished: 2030-01-${String((i % 28) + 1).padStart(2, '0')}\nlanguage: en\n---\nThe company held meeting number ${i} and discussed its plans for year ${2030 + i}.\n`);
  }
  return Engine.open({ documentsDir: docs, indexDir: join(dir, 'index') });
}

describe('Discord deferred answers (always deferring)', () => {
  let h: Harness;
  let engine: Engine;
  beforeAll(async () => {
    engine = bigCorpus();
    h = await startHarness({ engine, run: { deferAfterMs: 0 } });
  });
  afterAll(async () => {
    await h?.close();
    engine?.close();
  });

  it('defers, edits @original with the first part and sends the rest as follow-ups', async () => {
    const expected = await runCommand('sources', { options: {} }, { engine, now: CLOCK });
    expect(expected.documents).toHaveLength(90);
    const { id, token } = h.fake.sendCommand('sources', {}, { userId: '1100000000000000201' });
    const cb = await h.fake.waitFor('the deferral', () => h.fake.callbacks(id)[0]);
    expect(cb.body).toEqual({ type: 5, data: { flags: 0 } });
    const edit = await h.fake.waitFor('the edit of @original', () => h.fake.webhook(token, 'edit')[0]);
    expect(edit.at).toBeGreaterThanOrEqual(cb.at);
    // Everything is sent: every document appears in one of the messages.
    await h.fake.waitFor('every document listed', () => {
      const all = [edit, ...h.fake.webhook(token, 'followup')].map((r) => visibleText(r.body)).join('\n');
      return expected.documents!.every((d) => all.includes(d.title));
    });
    const followUps = h.fake.webhook(token, 'followup');
    expect(followUps.every((f) => f.at >= edit.at)).toBe(true);
    const bodies = [edit, ...followUps].map((r) => r.body);
    expect(bodies.length).toBeGreaterThan(1);
    for (const b of bodies) expect(limitProblems(b)).toEqual([]);
    const descriptions = bodies.flatMap((b) => b.embeds.map((e: { description: string }) => unescape(e.description))).join('\n');
    expect(descriptions).toBe(expected.message);
    expect(followUps.every((f) => !(f.body.flags & MessageFlags.Ephemeral))).toBe(true);
  });

  it('replaces a deferred public reply by an ephemeral follow-up when the answer is for the asker only', async () => {
    const { id, token } = h.fake.sendCommand('metric', { company: 'example holdings 1', metric: 'revenue', period: 'next century' }, { userId: '1100000000000000202' });
    await h.fake.waitFor('the deferral', () => h.fake.callbacks(id)[0]);
    const followUp = await h.fake.waitFor('the ephemeral follow-up', () => h.fake.webhook(token, 'followup')[0]);
    expect(h.fake.webhook(token, 'delete')).toHaveLength(1);
    expect(h.fake.webhook(token, 'delete')[0]!.at).toBeLessThanOrEqual(followUp.at);
    expect(followUp.body.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(visibleText(followUp.body)).toContain('is not a period I can read');
    expect(h.fake.webhook(token, 'edit')).toHaveLength(0);
  });
});

describe('Discord deferred answers (adaptive)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ run: { slowCommandMs: 300 } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('defers a command before running it once it has been seen to be slow', async () => {
    h.engine.slowMs = 500;
    try {
      const first = h.fake.sendCommand('metrics', {}, { userId: '1100000000000000301' });
      const firstCb = await h.fake.waitFor('the first answer', () => h.fake.callbacks(first.id)[0]);
      // Slow but inside the budget: answered directly.
      expect(firstCb.body.type).toBe(4);
      const second = h.fake.sendCommand('metrics', {}, { userId: '1100000000000000301' });
      const secondCb = await h.fake.waitFor('the deferral', () => h.fake.callbacks(second.id)[0]);
      expect(secondCb.body.type).toBe(5);
      const edit = await h.fake.waitFor('the edit', () => h.fake.webhook(second.token, 'edit')[0]);
      // Deferred before the 500 ms of work, not after it.
      expect(edit.at - secondCb.at).toBeGreaterThanOrEqual(450);
      expect(visibleText(edit.body)).toBe(visibleText(firstCb.body.data));
    } finally {
      h.engine.slowMs = 0;
    }
  });
});
