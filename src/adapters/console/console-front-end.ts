import type { ChannelRef } from '../../core/channel.ts';
import type { Answer } from '../../core/answer.ts';
import type { RunningFrontEnd } from '../../front-end.ts';
import { renderText } from './render-text.ts';

/**
 * The console as a front end the scheduler can post to, like Slack and Discord: a
 * digest for the `console` channel is printed between the answers.
 */
export function consoleFrontEnd(print: (text: string) => void): RunningFrontEnd {
  return {
    name: 'console',
    // The console's input loop is stopped by `main` itself (end of input, /quit).
    stop: async () => {},
    post: async (_channel: ChannelRef, answer: Answer) => print(renderText(answer)),
  };
}
