import { describe, expect, it } from 'vitest';
import { consoleFrontEnd } from '../../src/adapters/console/console-front-end.ts';
import { makeAnswer } from '../../src/core/answers/make.ts';
import { frontEndDelivery } from '../../src/scheduler/delivery.ts';

/** The console takes digests through the same `post` as every front end. */
describe('console delivery', () => {
  it('prints a digest posted to the console channel, and refuses platforms not running', async () => {
    const printed: string[] = [];
    const delivery = frontEndDelivery([consoleFrontEnd((t) => printed.push(t))]);
    const console = { platform: 'console', id: 'console' } as const;
    expect(delivery.canDeliver(console)).toBe(true);
    expect(delivery.canDeliver({ platform: 'slack', id: 'C1' })).toBe(false);
    await delivery.post(console, makeAnswer({ query: 'summary', command: 'summary', status: 'answered', message: 'Weekly summary of all companies' }));
    expect(printed).toEqual(['Weekly summary of all companies\n']);
    await expect(delivery.post({ platform: 'discord', id: '1' }, makeAnswer({ query: '', command: 'summary', status: 'answered', message: 'x' }))).rejects.toThrow(/no running front end/u);
  });

  it('with the console off, console subscriptions are not deliverable', () => {
    expect(frontEndDelivery([]).canDeliver({ platform: 'console', id: 'console' })).toBe(false);
  });
});
