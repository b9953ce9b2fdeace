import type { ChannelRef } from '../core/channel.ts';
import type { Answer } from '../core/answer.ts';
import type { RunningFrontEnd } from '../front-end.ts';

/** Where the scheduler posts digests. */
export interface DigestDelivery {
  /** True when a running front end can post to the channel's platform. */
  canDeliver(channel: ChannelRef): boolean;
  /**
   * Post the digest; rejects when the channel is gone or the bot was removed. The
   * marker, when the platform can carry it, lets `wasPosted` find the post again.
   */
  post(channel: ChannelRef, answer: Answer, options?: { marker?: string }): Promise<void>;
  /**
   * Whether a post carrying `marker` reached the channel since `since`; undefined when
   * the platform cannot tell (then a post interrupted by a crash is not retried).
   */
  wasPosted?(channel: ChannelRef, marker: string, since: Date): Promise<boolean | undefined>;
}

/**
 * Route each digest to the running front end of the channel's platform (the front
 * end's `name` is the platform: `slack`, `discord`, `console`).
 */
export function frontEndDelivery(running: readonly RunningFrontEnd[]): DigestDelivery {
  const find = (channel: ChannelRef) => running.find((r) => r.name.toLowerCase() === channel.platform && typeof r.post === 'function');
  return {
    canDeliver: (channel) => find(channel) !== undefined,
    post: async (channel, answer, options) => {
      const frontEnd = find(channel);
      if (!frontEnd?.post) throw new Error(`no running front end posts to ${channel.platform}`);
      await frontEnd.post(channel, answer, options);
    },
    wasPosted: async (channel, marker, since) => {
      const frontEnd = find(channel);
      return frontEnd?.wasPosted ? frontEnd.wasPosted(channel, marker, since) : undefined;
    },
  };
}
