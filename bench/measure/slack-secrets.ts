/** Test-shaped Slack secrets for the load benchmark (never real ones): the bot checks their format only. */
export const LOAD_BOT_TOKEN = 'xoxb-1111111111-2222222222-LOADloadLOADloadLOADload';
export const LOAD_SIGNING_SECRET = '0123456789abcdef0123456789abcdef';
