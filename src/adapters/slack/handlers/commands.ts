import type { App } from '@slack/bolt';
import { safeError } from '../bolt-logger.ts';
import { encodeButtonValue } from '../button-value.ts';
import { stripSlackMarkup } from '../markup.ts';
import { renderAnswer } from '../render.ts';
import type { HandlerState } from './state.ts';

/** How long a command waits for de-duplication and the rate limit before acking anyway. */
const ADMISSION_ACK_BUDGET_MS = 1_500;

/**
 * Slash commands. Every command of `commands/` is routed here (the manifest lists them);
 * the handler acks at once, then answers privately through the response URL with a
 * "Post to channel" button. The question is not shown to the channel unless the user
 * posts the answer. A chart is uploaded privately and shown in the answer (an image block).
 */
export function registerCommandHandlers(app: App, state: HandlerState): void {
  app.command(/^\/[\p{L}\p{N}_-]+$/u, async ({ command, ack, respond, context }) => {
    state.lane.noteArrival();
    const origin = { team: command.team_id, channel: command.channel_id, user: command.user_id };
    // Slack redelivers a command it thinks we missed (the trigger id is the same); the
    // rate limit applies to the first delivery only. Both may take a database round trip.
    const admission = (async () => {
      if (!(await state.dedupe.firstDelivery(`command:${command.trigger_id}`))) return { repeated: true as const };
      return { repeated: false as const, refusal: await state.refusal(origin) };
    })();
    // The refusal goes in the ack when the store answers in time; if not, ack first (Slack waits 3 s at most).
    const early = await Promise.race([admission, new Promise<null>((r) => setTimeout(() => r(null), ADMISSION_ACK_BUDGET_MS).unref())]);
    if (!early) await ack();
    const verdict = early ?? (await admission);
    if (verdict.repeated) {
      if (early) await ack();
      state.logger.info({ command: command.command, retryNum: context.retryNum }, 'slack command redelivered; answered once');
      return;
    }
    if (verdict.refusal) {
      if (early) await ack({ response_type: 'ephemeral', text: verdict.refusal });
      else await respond({ response_type: 'ephemeral', text: verdict.refusal }).catch(() => {});
      return;
    }
    if (early) await ack();
    const request = { command: command.command.replace(/^\//u, ''), text: stripSlackMarkup(command.text ?? '') };
    await state.track(
      (async () => {
        const answer = await state.answer(request, origin);
        const value = encodeButtonValue(request);
        try {
          await state.send(
            answer,
            origin,
            (chartImage) => renderAnswer(answer, { postToChannel: value, moreSources: value, chartImage }),
            (message) => respond({ response_type: 'ephemeral', replace_original: false, ...message }),
          );
        } catch (error) {
          state.logger.error({ command: request.command, errorId: answer.errorId, err: safeError(error) }, 'slack response_url refused the answer');
        }
      })(),
    );
  });
}
