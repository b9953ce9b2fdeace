import type { ChannelRef } from '../core/channel.ts';
import type { Answer } from '../core/answer.ts';
import type { RunningFrontEnd } from '../front-end.ts';

/** Where the scheduler posts digests. */
export interface DigestDelivery {
  /** True when a running front end can post to the channel's platform. */
  canDeliver(channel: ChannelRef): boolean;
  /** Post the digest; rejects when the channel is gone or the bot was removed. */
  post(channel: ChannelRef, answer: Answer): Promise<void>;
}

/**
 * Route each digest to the running front end of the channel's platform (the front
 * end's `name` is the platform: `slack`, `discord`, `console`).
 */
export function frontEndDelivery(running: readonly RunningFrontEnd[]): DigestDelivery {
  const find = (channel: ChannelRef) => running.find((r) => r.name.toLowerCase() === channel.platform && typeof r.post === 'function');
  return {
    canDeliver: (channel) => find(channel) !== undefined,
    post: async (channel, answer) => {
      const frontEnd = find(channel);
      if (!frontEnd?.post) throw new Error(`no running front end posts to ${channel.platform}`);
      await frontEnd.post(channel, answer);
    },
  };
}
