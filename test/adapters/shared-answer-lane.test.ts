import { describe, expect, it } from 'vitest';
import { AnswerLane } from '../../src/adapters/shared/answer-lane.ts';

describe('AnswerLane', () => {
  it('releases a lone answer after a short quiet time', async () => {
    const lane = new AnswerLane({ quietMs: 5 });
    const started = performance.now();
    lane.noteArrival();
    await lane.turn();
    expect(performance.now() - started).toBeGreaterThanOrEqual(4);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('holds answers while requests keep arriving, then releases them in order', async () => {
    // The lane's own clock, moved by the test: a busy machine's late timers cannot fake a quiet time.
    let clock = 0;
    const lane = new AnswerLane({ quietMs: 10, maxDelayMs: 5000, now: () => clock });
    const released: number[] = [];
    lane.noteArrival();
    const turns = [0, 1, 2].map((i) => lane.turn().then(() => released.push(i)));
    // Requests keep arriving every 2 ms of the lane's clock, for 100 ms of it.
    for (let step = 0; step < 50; step += 1) {
      clock += 2;
      lane.noteArrival();
      await new Promise((r) => setTimeout(r, 1));
    }
    expect(released).toEqual([]);
    clock += 11;
    await Promise.all(turns);
    expect(released).toEqual([0, 1, 2]);
  });

  it('never holds an answer longer than maxDelayMs', async () => {
    const lane = new AnswerLane({ quietMs: 10, maxDelayMs: 60 });
    lane.noteArrival();
    const arrivals = setInterval(() => lane.noteArrival(), 2);
    const started = performance.now();
    await lane.turn();
    clearInterval(arrivals);
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(55);
    expect(waited).toBeLessThan(1000);
  });
});
