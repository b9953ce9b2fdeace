import type { Answer } from '../../core/answer.ts';

/** Console rendering: the answer's own text, with suggestions when nothing was found. */
export function renderText(answer: Answer): string {
  const lines = [answer.message];
  if (answer.chart) lines.push(`Chart: ${answer.chart.path}`);
  if (answer.status !== 'answered' && answer.suggestions.length) lines.push(`Try: ${answer.suggestions.slice(0, 3).join(' | ')}`);
  return `${lines.join('\n')}\n`;
}
