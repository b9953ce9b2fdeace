/**
 * vega-lite adds `Set.prototype.toJSON` when it loads, and discord.js (through
 * @vladfrangu/async_event_emitter) fails to load after that. The bot loads discord.js
 * first; test files share their worker's modules (vitest `isolate: false`), so each worker
 * loads it first too, whichever test file happens to run first.
 */
import 'discord.js';
