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
    const lane = new AnswerLane({ quietMs: 10, maxDelayMs: 5000 });
    const released: number[] = [];
    lane.noteArrival();
    const arrivals = setInterval(() => lane.noteArrival(), 2);
    const turns = [0, 1, 2].map((i) => lane.turn().then(() => released.push(i)));
    await new Promise((r) => setTimeout(r, 100));
    expect(released).toEqual([]);
    clearInterval(arrivals);
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
