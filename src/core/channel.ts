/** Where a command was typed: enough to answer there later (digests). */
export interface ChannelRef {
  platform: 'slack' | 'discord' | 'console';
  /** Channel id on the platform (`C0123`, a Discord channel snowflake, `console`). */
  id: string;
  /** Slack team or Discord guild, when there is one. */
  workspace?: string;
}
