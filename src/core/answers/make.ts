import { AnswerSchema, type Answer } from '../answer.ts';
import { capCorroborating, figureIsFinite } from '../figure-limits.ts';
import { foldWidth } from '../text/fold.ts';

/** Longest input the bot reads; longer input is refused with a clear message. */
export const MAX_INPUT_CHARS = 1000;

/** Fill the defaults of an answer and check it against the schema. */
export function makeAnswer(fields: Partial<Answer> & Pick<Answer, 'query' | 'command' | 'status' | 'message'>): Answer {
  // A figure with a non-finite number (a damaged index) is left out rather than failing
  // the whole answer; every figure quotes a few agreeing statements and counts the rest.
  const figures = (fields.figures ?? []).filter(figureIsFinite).map(capCorroborating);
  return AnswerSchema.parse({ passages: [], suggestions: [], known: [], ...fields, figures });
}

/**
 * Make user input safe to read: full-width forms folded and zero-width characters
 * removed first, then no control characters, collapsed blanks.
 * Returns null when the input is over the length cap.
 */
export function sanitizeInput(raw: string): { text: string; tooLong: boolean } {
  const text = foldWidth(String(raw))
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  return { text: text.slice(0, MAX_INPUT_CHARS), tooLong: text.length > MAX_INPUT_CHARS };
}

/** The answer to input over the length cap. */
export function tooLongAnswer(command: string, text: string, length: number): Answer {
  return makeAnswer({
    query: text.slice(0, 200),
    command,
    status: 'invalid',
    message: `That message is ${length.toLocaleString('en-US')} characters long; I read questions of up to ${MAX_INPUT_CHARS.toLocaleString('en-US')} characters. Please ask a shorter question.`,
    suggestions: ['/metric <company> <metric> [period]', '/ask <question>'],
  });
}
