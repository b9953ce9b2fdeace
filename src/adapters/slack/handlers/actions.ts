import type { App, BlockButtonAction, RespondFn } from '@slack/bolt';
import { safeError } from '../bolt-logger.ts';
import { decodeButtonValue, encodeButtonValue } from '../button-value.ts';
import { ACTION_MORE_SOURCES, ACTION_POST_TO_CHANNEL, renderAnswer } from '../render.ts';
import { renderMoreSources } from '../render-more.ts';
import type { HandlerState } from './state.ts';

const EXPIRED = "That button no longer works (the bot was updated since). Please ask again.";

/**
 * The answer buttons. Each recomputes its answer from the request carried in the button
 * (a value is capped at 2,000 characters, too small for an answer) and replies through
 * the interaction's response URL. "Post to channel" shares the answer with its chart.
 */
export function registerActionHandlers(app: App, state: HandlerState): void {
  onPress(app, state, ACTION_POST_TO_CHANNEL, async ({ request, origin, body, respond }) => {
    const answer = await state.answer(request, origin);
    try {
      if (answer.status !== 'answered') {
        // The corpus changed since the private answer; show the new one, privately.
        await state.send(answer, origin, (chartImage) => renderAnswer(answer, { chartImage }), (message) => respond({ response_type: 'ephemeral', replace_original: false, ...message }));
        return;
      }
      // The recomputed answer draws the same chart file, so it shows the private answer's image.
      const sharedBy = { userId: body.user.id, query: `/${request.command} ${request.text}`.trim() };
      const moreSources = encodeButtonValue(request);
      await state.send(
        answer,
        origin,
        (chartImage) => renderAnswer(answer, { sharedBy, moreSources, chartImage }),
        (message) => respond({ response_type: 'in_channel', replace_original: false, ...message }),
      );
      // The private copy has done its job; removing it avoids posting twice.
      await respond({ delete_original: true });
    } catch (error) {
      state.logger.error({ action: ACTION_POST_TO_CHANNEL, err: safeError(error) }, 'slack could not post the answer to the channel');
      await respond({ response_type: 'ephemeral', replace_original: false, text: 'Sorry, I could not post that to the channel. Please try again.' }).catch(() => {});
    }
  });

  onPress(app, state, ACTION_MORE_SOURCES, async ({ request, origin, respond }) => {
    const answer = await state.answer(request, origin);
    await respond({ response_type: 'ephemeral', replace_original: false, ...renderMoreSources(answer) }).catch((error: unknown) => {
      state.logger.error({ action: ACTION_MORE_SOURCES, err: safeError(error) }, 'slack could not show more sources');
    });
  });
}

type Pressed = NonNullable<Awaited<ReturnType<typeof acceptPress>>>;

/** Registers a button: acknowledge at once, accept the press, then do the work tracked for shutdown. */
function onPress(
  app: App,
  state: HandlerState,
  actionId: string,
  work: (press: Pressed & { body: BlockButtonAction; respond: RespondFn }) => Promise<void>,
): void {
  app.action<BlockButtonAction>(actionId, async ({ ack, body, action, respond }) => {
    await ack();
    const pressed = await acceptPress(state, body, action, respond);
    if (!pressed) return;
    await state.track(work({ ...pressed, body, respond }));
  });
}

type Respond = (message: { response_type: 'ephemeral'; replace_original: false; text: string }) => Promise<unknown>;

/**
 * What every button press goes through: a redelivered press is dropped, a button whose
 * value this version cannot read says so, and the rate limit applies as to questions.
 */
async function acceptPress(state: HandlerState, body: BlockButtonAction, action: BlockButtonAction['actions'][number], respond: Respond) {
  if (!(await state.dedupe.firstDelivery(`action:${body.user.id}:${action.action_ts}`))) return null;
  const request = decodeButtonValue(action.value);
  if (!request) {
    await respond({ response_type: 'ephemeral', replace_original: false, text: EXPIRED }).catch(() => {});
    return null;
  }
  const origin = { team: body.team?.id, channel: body.channel?.id ?? '', user: body.user.id };
  const refusal = await state.refusal(origin);
  if (refusal) {
    await respond({ response_type: 'ephemeral', replace_original: false, text: refusal }).catch(() => {});
    return null;
  }
  return { request, origin };
}
