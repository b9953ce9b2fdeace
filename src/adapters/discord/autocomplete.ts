import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import { completions, type CompletionKind } from '../../core/completions.ts';
import type { CorpusSnapshot } from '../../core/snapshot.ts';

/**
 * Discord autocomplete over the core's completions: only Discord's limits live here.
 * Discord shows at most 25 choices, and a choice's name and value are at most 100
 * characters each.
 */

export const MAX_CHOICES = 25;
const MAX_CHOICE_TEXT = 100;

function cut(text: string): string {
  return text.length <= MAX_CHOICE_TEXT ? text : `${text.slice(0, MAX_CHOICE_TEXT - 1)}…`;
}

/** Choices for the focused option. `others` holds the options typed so far. */
export function completionChoices(snapshot: CorpusSnapshot, kind: CompletionKind, typed: string, others: Record<string, string | undefined> = {}): ApplicationCommandOptionChoiceData<string>[] {
  return (
    completions(snapshot, kind, typed, others)
      // A value cut short would no longer resolve: a choice whose value does not fit is left out.
      .filter((c) => c.value.length <= MAX_CHOICE_TEXT)
      .slice(0, MAX_CHOICES)
      .map((c) => ({ name: cut(c.label), value: c.value }))
  );
}
