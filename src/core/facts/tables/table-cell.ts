import { fold } from '../../text/fold.ts';
import { findNumbers, type NumberToken } from '../numbers.ts';

/**
 * The value of one data cell: `1,234`, `(1,234)` (negative), `-5.2%`, `+12.3%`, `1.2 ppt`,
 * `RMB 1.2 billion`, `8.25亿元`. A cell that holds anything else besides its number (a
 * footnote mark, a second number, words) is in doubt and gives nothing.
 */
export type CellValue =
  | { kind: 'empty' }
  | { kind: 'doubt' }
  | {
      kind: 'number';
      /** Signed value; already multiplied by a scale the cell writes itself ("1.2 billion"). */
      value: number;
      /** Written in parentheses or with a minus sign. */
      negative: boolean;
      parenthesized: boolean;
      token: NumberToken;
    };

// Cells that say "no figure": dashes, n/a, not meaningful.
const NOTHING = /^(?:[-–—−~/*]+|n\/?a\.?|n\.a\.|n\.?m\.?|nm|n\/m|none|nil|不适用|无|—|－|不适用\*?)$/u;

/** Read one data cell. */
export function readCell(text: string): CellValue {
  let t = fold(text).trim().replace(/\\\|/gu, '|');
  if (!t || NOTHING.test(t)) return { kind: 'empty' };
  let parenthesized = false;
  const paren = t.match(/^[(（]\s?([^()（）]+?)\s?[)）]$/u);
  if (paren) {
    parenthesized = true;
    t = paren[1]!;
  }
  let plus = false;
  if (/^\+\s?\d/u.test(t)) {
    plus = true;
    t = t.replace(/^\+\s?/u, '');
  }
  // "1.2 ppt", "+3.1 pts": the number is in percentage points.
  t = t.replace(/(\d)\s?(?:ppts?|pts)$/u, '$1pp');
  const numbers = findNumbers(t);
  if (numbers.length !== 1) return { kind: 'doubt' };
  const token = numbers[0]!;
  if (token.start !== 0 || token.end !== t.length) return { kind: 'doubt' };
  if (parenthesized && (token.signed || plus)) return { kind: 'doubt' };
  const negative = parenthesized || token.signed;
  const magnitude = Math.abs(token.value);
  return { kind: 'number', value: negative ? -magnitude : magnitude, negative, parenthesized, token };
}
