import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../commands/index.ts';
import { planChart } from '../../../src/charts/chart-plan.ts';
import { bundledContext } from '../../helpers/engine.ts';
import { startHarness, type Harness } from './harness.ts';

/** A series answer with a chart: the PNG is uploaded with the answer and shown in an embed. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ charts: true });
});
afterAll(async () => {
  await h?.close();
});

describe('Discord charts', () => {
  it('uploads the chart of a series as an attachment of the answer', async () => {
    const options = { company: 'qingcloud', metric: 'revenue', period: '2019-2023' };
    const chartable = planChart(await runCommand('metric', { options }, bundledContext())).ok;
    const { id, token } = h.fake.sendCommand('metric', options, { userId: '1100000000000000501' });
    const cb = await h.fake.waitFor('the callback', () => h.fake.callbacks(id)[0], 10_000);
    // Drawing may take long enough to defer: then the answer is the edit of @original.
    const answer = cb.body.type === 4 ? cb : await h.fake.waitFor('the edit', () => h.fake.webhook(token, 'edit')[0], 15_000);
    const payload = cb.body.type === 4 ? answer.body.data : answer.body;
    if (!chartable) {
      // The core plans no chart for this answer (not enough figures): nothing to upload.
      expect(answer.files).toEqual([]);
      return;
    }
    expect(answer.files).toHaveLength(1);
    expect(answer.files[0]).toMatchObject({ name: 'chart.png', type: 'image/png' });
    expect(answer.files[0]!.size).toBeGreaterThan(1000);
    expect(payload.attachments).toHaveLength(1);
    expect(payload.embeds.at(-1).image.url).toBe('attachment://chart.png');
  }, 30_000);
});
