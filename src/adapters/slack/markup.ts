/**
 * Slack text in and out. Incoming messages carry Slack's markup (`<@U123>`,
 * `<#C1|general>`, `<https://x|label>`, HTML entities); outgoing mrkdwn must escape
 * `&`, `<` and `>` or document text could form links or mentions.
 */

/** Turn a message's Slack markup into the plain text the user meant. */
export function stripSlackMarkup(text: string): string {
  return text
    .replace(/<([^<>]*)>/gu, (_match, inner: string) => {
      const [target = '', label] = inner.split('|', 2);
      if (target.startsWith('@') || target.startsWith('!')) return ' ';
      if (target.startsWith('#')) return label ? `#${label}` : ' ';
      return label ?? target;
    })
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&amp;/gu, '&')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Escape text for a mrkdwn field so it is shown as written. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}
