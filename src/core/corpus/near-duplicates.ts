/**
 * Near-duplicate documents: the same article saved twice with a different header line,
 * a timestamp or a share counter. Counting both would quote the same statement twice in
 * an answer and double its weight, so the later one is reported and left out.
 */

/** Share of statements two documents must have in common to be one document. */
export const NEAR_DUPLICATE_SHARE = 0.8;
/** Documents with fewer statements than this are too short to judge. */
const MIN_STATEMENTS = 4;
/** Shortest line or sentence compared: shorter ones ("Operator", "---") say nothing. */
const MIN_STATEMENT_CHARS = 12;
/** Documents listed per statement; a boilerplate line in every document is not evidence. */
const MAX_POSTINGS = 64;

/** The statements of a text: its lines and sentences, blanks collapsed. */
export function statementsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const piece of text.split(/\n|(?<=[。！？!?])|(?<=\.)\s/u)) {
    const s = piece.replace(/\s+/gu, ' ').trim();
    if (s.length >= MIN_STATEMENT_CHARS) out.add(s);
  }
  return out;
}

/** What a document repeats. */
export interface NearDuplicate {
  /** File of the earlier document it repeats. */
  of: string;
  /** Statements the two have in common, and the larger statement count of the two. */
  same: number;
  total: number;
}

/** Finds, for each document in turn, an earlier one it nearly repeats. */
export class NearDuplicateFinder {
  private readonly sizes: number[] = [];
  private readonly files: string[] = [];
  private readonly postings = new Map<string, number[]>();

  /** The earlier document this text nearly repeats; else records it and returns null. */
  check(file: string, text: string): NearDuplicate | null {
    const statements = statementsOf(text);
    if (statements.size >= MIN_STATEMENTS) {
      const shared = new Map<number, number>();
      for (const s of statements) for (const d of this.postings.get(s) ?? []) shared.set(d, (shared.get(d) ?? 0) + 1);
      let best: NearDuplicate | null = null;
      for (const [d, same] of shared) {
        const total = Math.max(statements.size, this.sizes[d]!);
        if (same >= NEAR_DUPLICATE_SHARE * total && (!best || same / total > best.same / best.total)) best = { of: this.files[d]!, same, total };
      }
      if (best) return best;
    }
    const id = this.files.length;
    this.files.push(file);
    this.sizes.push(statements.size);
    for (const s of statements) {
      let list = this.postings.get(s);
      if (!list) this.postings.set(s, (list = []));
      if (list.length < MAX_POSTINGS) list.push(id);
    }
    return null;
  }
}
