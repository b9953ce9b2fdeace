import { describe, expect, it } from 'vitest';
import { commands, runInput } from '../../commands/index.ts';
import { bundledContext } from '../helpers/engine.ts';

/** `/help <command>` shows that command's own examples, and each of them answers. */
describe('/help <command>', () => {
  const ctx = bundledContext();

  it.each(commands.map((c) => c.name))('/help %s shows examples of /%s only, and they run', async (name) => {
    const a = await runInput(`/help ${name}`, ctx);
    expect(a.status).toBe('answered');
    expect(a.suggestions.length).toBeGreaterThan(0);
    for (const example of a.suggestions) {
      expect(example.split(' ')[0]).toBe(`/${name}`);
      expect(a.message).toContain(example);
    }
    for (const example of a.suggestions) {
      const answer = await runInput(example, { ...ctx, channel: { platform: 'console', id: 'help-test' } });
      // Subscription commands need the database, which this context does not have.
      const ok = answer.status === 'answered' || (/subscri/u.test(name) && answer.message.includes("bot's database"));
      expect(ok, `${example}: ${answer.status} ${answer.message.slice(0, 200)}`).toBe(true);
    }
  });

  it('/help subscribe shows no /metric example', async () => {
    const a = await runInput('/help subscribe', ctx);
    expect(a.message).not.toContain('/metric');
    expect(a.message).toContain('/subscribe');
  });

  it('/help alone lists every command', async () => {
    const a = await runInput('/help', ctx);
    for (const c of commands) expect(a.message).toContain(c.usage);
  });
});
