import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliver, formBody, slackBlockProblems } from '../../fakes/fake-slack.ts';
import { bundledContext } from '../../helpers/engine.ts';
import { blockTexts, fixture, SIGNING_SECRET, startHarness, type Harness } from './harness.ts';

/**
 * An internal failure is answered, never silent: the user gets an apology with a
 * reference id, and the same id is in the log. The failure here is real: the engine
 * handed to the bot cannot give a snapshot.
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness('http', {}, (logger) => ({
    ...bundledContext({ logger }),
    engine: {
      get snapshot(): never {
        throw new Error('index unavailable');
      },
    },
  }));
});

afterAll(async () => {
  await h?.close();
});

describe('internal errors', () => {
  it('answer with an apology and a reference id that is also logged', async () => {
    const fields = { ...fixture('slash-command.json'), response_url: h.fake.responseUrl('broken') };
    const ack = await deliver(h.eventsUrl, SIGNING_SECRET, formBody(fields), 'form');
    expect(ack.status).toBe(200);
    const reply = await h.fake.waitFor('the apology', () => h.fake.responsesTo('broken')[0]);
    expect(slackBlockProblems(reply.body.blocks)).toEqual([]);
    const shown = blockTexts(reply.body.blocks);
    const id = shown.match(/reference to the team: ([0-9a-f]{8})/u)?.[1];
    expect(id).toBeDefined();
    expect(h.logs.text).toContain(id!);
    // No stack trace reaches the user, and nothing is offered for posting.
    expect(shown).not.toMatch(/\bat .*\.ts:\d+/u);
    expect(JSON.stringify(reply.body.blocks)).not.toContain('finqa_post');
  });
});
