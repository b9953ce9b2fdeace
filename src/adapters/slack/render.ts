import type { types } from '@slack/bolt';
import type { Answer, Figure } from '../../core/answer.ts';
import { escapeMrkdwn } from './markup.ts';
import { context, fitMessage, header, section, sections, SLACK_LIMITS, truncate, type SlackMessage } from './render-limits.ts';
import { alternativeLines, documentLine, figureSectionText, metricName, passageText, qualifierNotes, quoteText, valueLine } from './render-sources.ts';

/** Action ids of our buttons; the handlers listen for exactly these. */
export const ACTION_POST_TO_CHANNEL = 'finqa_post';
export const ACTION_MORE_SOURCES = 'finqa_more';

/** What to add around an answer. */
export interface RenderOptions {
  /** Value of a "Post to channel" button; no button without it. */
  postToChannel?: string;
  /** Value of a "More sources" button; shown only when the answer has more to show. */
  moreSources?: string;
  /** The answer was shared to the channel by this user, who had asked this. */
  sharedBy?: { userId: string; query: string };
  /**
   * The answer's chart as an image block (see `chart-block.ts`). It goes right after the
   * figures' header, so trimming a long answer to 50 blocks never drops it.
   */
  chartImage?: types.ImageBlock;
}

/**
 * An answer as a Slack message: the figure first (header, value, change), its quote as a
 * block quote with title and date, qualifiers in a context line; passages, documents or
 * the plain message otherwise. Always within Slack's limits.
 */
export function renderAnswer(answer: Answer, options: RenderOptions = {}): SlackMessage {
  const blocks: types.KnownBlock[] = [];
  if (options.sharedBy) {
    const asked = options.sharedBy.query ? `: ${escapeMrkdwn(truncate(options.sharedBy.query, 300))}` : '';
    blocks.push(context([`<@${options.sharedBy.userId}> shared an answer${asked}`]));
  }
  const content: types.KnownBlock[] = [];
  if (answer.figures.length === 1) content.push(...singleFigure(answer.figures[0]!));
  else if (answer.figures.length > 1) content.push(...severalFigures(answer));
  else if (answer.passages.length) content.push(...passageBlocks(answer));
  else if (answer.documents?.length) content.push(...documentBlocks(answer));
  else content.push(...sections(escapeMrkdwn(answer.message)));
  if (options.chartImage) content.splice(content[0]?.type === 'header' ? 1 : 0, 0, options.chartImage);
  blocks.push(...content);

  // A figure answer shows no message text, so what is known (e.g. the company of a
  // comparison that states nothing) is shown in full; elsewhere only what the message lacks.
  const known = answer.figures.length ? answer.known : answer.known.filter((k) => !answer.message.includes(k));
  if (known.length) blocks.push(...sections(known.map((k) => `• ${escapeMrkdwn(k)}`).join('\n')));
  if (answer.suggestions.length && answer.status !== 'error') {
    blocks.push(context([`Try: ${answer.suggestions.slice(0, 5).map((s) => `\`${escapeMrkdwn(s)}\``).join(' · ')}`]));
  }
  const buttons = actionButtons(answer, options);
  if (buttons) blocks.push(buttons);
  return fitMessage({ text: escapeMrkdwn(answer.message), blocks });
}

/** True when "More sources" has something the main message does not show. */
export function hasMoreSources(answer: Answer): boolean {
  return answer.figures.some((f) => f.corroborating.length > 0 || f.alternatives.length > 0 || Boolean(f.change?.against));
}

function singleFigure(f: Figure): types.KnownBlock[] {
  const title = `${metricName(f)} of ${f.companyName}, ${f.period}: ${f.display}`;
  // A header cut at 150 characters may lose the company or period; then say them again.
  const label = title.length > SLACK_LIMITS.headerText ? `\n*${escapeMrkdwn(f.companyName)}* · ${escapeMrkdwn(metricName(f))} · ${escapeMrkdwn(f.period)}` : '';
  const blocks: types.KnownBlock[] = [header(title), section(`${valueLine(f)}${label}`), section(quoteText(f.source))];
  const notes = qualifierNotes(f).map((n) => escapeMrkdwn(n));
  const others = f.corroborating.length + (f.corroboratingMore ?? 0);
  if (others) notes.push(`also stated in ${others} other source${others === 1 ? '' : 's'}`);
  if (notes.length) blocks.push(context([notes.join(' · ')]));
  const alternatives = alternativeLines(f);
  if (alternatives.length) blocks.push(context(alternatives));
  return blocks;
}

function severalFigures(answer: Answer): types.KnownBlock[] {
  const first = answer.message.split('\n', 1)[0] ?? '';
  const blocks: types.KnownBlock[] = [header(first || `${answer.figures[0]!.metricLabel}`)];
  for (const f of answer.figures) {
    blocks.push(section(figureSectionText(f)));
    const alternatives = alternativeLines(f);
    if (alternatives.length) blocks.push(context(alternatives));
  }
  return blocks;
}

function passageBlocks(answer: Answer): types.KnownBlock[] {
  const intro = answer.message.split('\n', 1)[0] ?? '';
  return [section(escapeMrkdwn(intro || 'From the documents:')), ...answer.passages.map((p, i) => section(passageText(p, i)))];
}

function documentBlocks(answer: Answer): types.KnownBlock[] {
  const docs = answer.documents ?? [];
  const intro = answer.message.split('\n', 1)[0] ?? `${docs.length} documents:`;
  return [section(`*${escapeMrkdwn(intro)}*`), ...sections(docs.map(documentLine).join('\n'))];
}

function actionButtons(answer: Answer, options: RenderOptions): types.ActionsBlock | undefined {
  const elements: types.Button[] = [];
  if (options.postToChannel && answer.status === 'answered') {
    elements.push({ type: 'button', action_id: ACTION_POST_TO_CHANNEL, text: { type: 'plain_text', text: 'Post to channel' }, style: 'primary', value: options.postToChannel });
  }
  if (options.moreSources && hasMoreSources(answer)) {
    elements.push({ type: 'button', action_id: ACTION_MORE_SOURCES, text: { type: 'plain_text', text: 'More sources' }, value: options.moreSources });
  }
  return elements.length ? { type: 'actions', elements } : undefined;
}

/** Limits re-exported for tests and callers that check messages. */
export { SLACK_LIMITS };
