import { customerKey } from "./text";

/**
 * Interns text values (salespeople, order ids) as small integers, so that the
 * engine compares numbers, not strings, in its per-row loops. Matching folds
 * width, case and white space; the first spelling seen is the one shown.
 */
export class Interner {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();

  /** The id of a text, adding it when new; -1 for null. */
  add(text: string | null): number {
    if (text === null) return -1;
    const key = customerKey(text);
    let id = this.index.get(key);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(text);
      this.index.set(key, id);
    }
    return id;
  }

  /** The id of a text already added, or -1. */
  get(text: string | null): number {
    return text === null ? -1 : this.index.get(customerKey(text)) ?? -1;
  }

  get size(): number {
    return this.names.length;
  }
}
