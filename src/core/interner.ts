/**
 * Each distinct key once, numbered in the order first seen: a packed index writes a repeated
 * string or shape as its number (facts' parts and shapes, statement notes' keys).
 */
export class Interner {
  /** The keys, each once; a key's number is its place here. */
  readonly keys: string[] = [];
  private readonly ids = new Map<string, number>();

  /** The number of `key`, given it now when it is new. */
  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.keys.push(key);
      this.ids.set(key, id);
    }
    return id;
  }
}
