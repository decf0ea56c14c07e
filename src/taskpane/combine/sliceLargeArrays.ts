/**
 * Arrays longer than this cross between the worker and the pane in slices of this many items,
 * each its own message: the pane then deserializes a few thousand rows per task, never a whole
 * 166,000-row sheet in one (issue 17: "a 10 MB workbook must not freeze the pane").
 */
export const SLICE_ITEMS = 5000;

const MARK = "slicedArray";

/** Where a large array stood: its slices came under `key`, `length` items in all. */
interface SlicedMark {
  [MARK]: number;
  length: number;
}

/**
 * A copy of `value` in which every array longer than `limit` is a mark, its items handed to
 * `send` in slices of `limit` (in order, before this returns). Plain objects and arrays are
 * walked; anything else (numbers, text, typed arrays) is kept as it is.
 * @example sliceLargeArrays({ rows: [1, 2, 3] }, send, 2) // { rows: { slicedArray: 0, length: 3 } }; send(0, [1, 2]); send(0, [3])
 */
export function sliceLargeArrays(
  value: unknown,
  send: (key: number, items: unknown[]) => void,
  limit = SLICE_ITEMS,
): unknown {
  let keys = 0;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      if (v.length <= limit) return v.map(walk);
      const key = keys++;
      for (let i = 0; i < v.length; i += limit) send(key, v.slice(i, i + limit));
      const mark: SlicedMark = { [MARK]: key, length: v.length };
      return mark;
    }
    if (!isPlainObject(v)) return v;
    const out: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(v)) out[k] = walk(item);
    return out;
  };
  return walk(value);
}

/** The other side of sliceLargeArrays: gathers the slices as they come, then puts the arrays back in place. */
export class SliceJoiner {
  private readonly arrays = new Map<number, unknown[]>();

  add(key: number, items: readonly unknown[]): void {
    let array = this.arrays.get(key);
    if (!array) this.arrays.set(key, (array = []));
    for (const item of items) array.push(item);
  }

  /** `skeleton` with every mark replaced by its gathered array (in place: the skeleton is the message's own copy). */
  join(skeleton: unknown): unknown {
    if (Array.isArray(skeleton)) {
      for (let i = 0; i < skeleton.length; i++) skeleton[i] = this.join(skeleton[i]);
      return skeleton;
    }
    if (!isPlainObject(skeleton)) return skeleton;
    if (MARK in skeleton) return this.take(skeleton as unknown as SlicedMark);
    for (const k of Object.keys(skeleton)) skeleton[k] = this.join(skeleton[k]);
    return skeleton;
  }

  private take(mark: SlicedMark): unknown[] {
    const array = this.arrays.get(mark[MARK]) ?? [];
    if (array.length !== mark.length)
      throw new Error(`slice ${mark[MARK]}: ${array.length} items arrived, ${mark.length} were sent`);
    this.arrays.delete(mark[MARK]);
    return array;
  }
}

/** An object literal's kind, of any realm (a message's copy may come from another one's Object), not a class instance. */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}
