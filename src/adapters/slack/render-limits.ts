import type { types } from '@slack/bolt';
import { chunkText } from '../shared/chunk-text.ts';

/**
 * Slack's Block Kit limits, and the helpers that keep a message inside them. Slack
 * rejects a whole message when one block is over a limit, so everything is trimmed or
 * split here, with a visible note, instead.
 */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3_000,
  headerText: 150,
  fieldText: 2_000,
  fieldsPerSection: 10,
  contextElements: 10,
  contextText: 3_000,
  buttonText: 75,
  /** Fallback `text` is shown in notifications; Slack truncates at 40,000 but we keep it short. */
  fallbackText: 3_000,
} as const;

/** A Slack message body: blocks and the fallback text for notifications. */
export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

/**
 * Cut text to `max` characters, ending with `suffix`. Never cuts inside an HTML entity
 * (`&amp;`), which would show as garbage.
 */
export function truncate(text: string, max: number, suffix = '…'): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - suffix.length));
  cut = cut.replace(/&[a-z]{0,4}$/u, '');
  return `${cut}${suffix}`;
}

/**
 * Split text into chunks of at most `max` characters, at line breaks where possible, so
 * a long list becomes several sections rather than one rejected block.
 */
export function splitText(text: string, max: number = SLACK_LIMITS.sectionText): string[] {
  return chunkText(text, max);
}

/** A mrkdwn section, trimmed to the section limit. */
export function section(text: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, SLACK_LIMITS.sectionText), verbatim: true } };
}

/** Sections for text of any length. */
export function sections(text: string): types.SectionBlock[] {
  return splitText(text).map(section);
}

/** A header block (plain text, trimmed to 150 characters). */
export function header(text: string): types.HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text.replace(/\s+/gu, ' ').trim() || '—', SLACK_LIMITS.headerText), emoji: false } };
}

/** A context block of mrkdwn lines (at most 10 elements). */
export function context(lines: string[]): types.ContextBlock {
  const elements = lines
    .filter((l) => l.trim())
    .slice(0, SLACK_LIMITS.contextElements)
    .map((l) => ({ type: 'mrkdwn' as const, text: truncate(l, SLACK_LIMITS.contextText), verbatim: true }));
  return { type: 'context', elements };
}

/**
 * Make a message valid whatever the answer held: at most 50 blocks (the actions block
 * stays last, a note says what was left out), every text within its limit, and a
 * fallback text that is never empty.
 */
export function fitMessage(message: SlackMessage): SlackMessage {
  const blocks = message.blocks.filter((b) => b.type !== 'context' || b.elements.length > 0).map(fitBlock);
  const actions = blocks.filter((b) => b.type === 'actions');
  const content = blocks.filter((b) => b.type !== 'actions');
  const room = SLACK_LIMITS.blocksPerMessage - actions.length;
  let kept = content;
  if (content.length > room) {
    const shown = content.slice(0, room - 1);
    const left = content.length - shown.length;
    const hint = actions.some((a) => a.elements.some((e) => e.type === 'button' && e.action_id === 'finqa_more')) ? ' Use More sources for the rest.' : '';
    kept = [...shown, context([`_${left} more part${left === 1 ? '' : 's'} of this answer not shown (Slack shows at most ${SLACK_LIMITS.blocksPerMessage} blocks).${hint}_`])];
  }
  return {
    text: truncate(message.text.trim() || 'Answer', SLACK_LIMITS.fallbackText),
    blocks: [...kept, ...actions],
  };
}

function fitBlock(block: types.KnownBlock): types.KnownBlock {
  switch (block.type) {
    case 'header':
      return { ...block, text: { ...block.text, text: truncate(block.text.text, SLACK_LIMITS.headerText) } };
    case 'section': {
      const out: types.SectionBlock = { ...block };
      if (out.text) out.text = { ...out.text, text: truncate(out.text.text, SLACK_LIMITS.sectionText) };
      if (out.fields) out.fields = out.fields.slice(0, SLACK_LIMITS.fieldsPerSection).map((f) => ({ ...f, text: truncate(f.text, SLACK_LIMITS.fieldText) }));
      return out;
    }
    case 'context':
      return {
        ...block,
        elements: block.elements.slice(0, SLACK_LIMITS.contextElements).map((e) => ('text' in e && typeof e.text === 'string' ? { ...e, text: truncate(e.text, SLACK_LIMITS.contextText) } : e)),
      };
    default:
      return block;
  }
}
