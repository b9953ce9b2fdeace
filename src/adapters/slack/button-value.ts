import { z } from 'zod';
import type { QueryContext } from '../../core/answer.ts';

/**
 * What a button carries to recompute its answer: the command, its text and the thread
 * context it was answered in. Slack caps a button value at 2,000 characters; input is
 * capped at 1,000 by the commands, so this fits, and anything bigger gets no button.
 */
export const MAX_BUTTON_VALUE_CHARS = 2_000;

const ButtonValueSchema = z.object({
  /** Command name without the slash. */
  c: z.string().min(1).max(40),
  /** The command's text as typed (markup already stripped). */
  t: z.string().max(1_200),
  /** Thread context the answer was computed with. */
  x: z.object({ company: z.string().optional(), metric: z.string().optional(), period: z.string().optional() }).optional(),
});

/** The recomputable request behind an answer. */
export interface AnswerRequest {
  command: string;
  text: string;
  conversation?: QueryContext;
}

/** Encode a request as a button value, or undefined when it would not fit. */
export function encodeButtonValue(request: AnswerRequest): string | undefined {
  const value = JSON.stringify({ c: request.command, t: request.text, ...(request.conversation ? { x: request.conversation } : {}) });
  return value.length <= MAX_BUTTON_VALUE_CHARS ? value : undefined;
}

/** Decode a button value; undefined when it is not one of ours (or was tampered with). */
export function decodeButtonValue(value: string | undefined): AnswerRequest | undefined {
  if (!value || value.length > MAX_BUTTON_VALUE_CHARS) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return undefined;
  }
  const parsed = ButtonValueSchema.safeParse(json);
  if (!parsed.success) return undefined;
  return { command: parsed.data.c, text: parsed.data.t, conversation: parsed.data.x };
}
