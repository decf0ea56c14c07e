import { PartBytes } from "./partBytes";

/**
 * A patched part's bytes written out with splices: the source's bytes are copied up to a
 * position, what the patcher writes goes there (`at`), and the copy goes on from where the
 * patcher says (`skipTo`). What lies between splices is copied in one piece, so a row that
 * only gains cells costs one copy. Everything goes into one `PartBytes`, handed on a chunk
 * at a time (`ready`), as a generated part's bytes are.
 */
export class ByteOut {
  readonly out = new PartBytes();
  /** Chunks handed on and not yet taken by `ready`. */
  private chunks: Buffer[] = [];
  private source: Buffer = Buffer.alloc(0);
  /** Source bytes from here on are still to be copied. */
  private from = 0;

  /** Goes on with the next source buffer (the patcher's pending bytes and a new chunk). */
  begin(source: Buffer): void {
    this.source = source;
    this.from = 0;
  }

  /** Copies the source up to `at` and returns the writer, for what goes there. */
  at(at: number): PartBytes {
    if (at < this.from) throw new Error(`ByteOut: splice at ${at} after ${this.from} (splices must come in order)`);
    if (at > this.from) this.out.copy(this.source, this.from, at);
    this.from = at;
    return this.out;
  }

  /** Leaves out the source bytes up to `resume` (what the patcher wrote replaces them). */
  skipTo(resume: number): void {
    this.from = resume;
  }

  /** Copies the source up to `from` and leaves out its bytes up to `to` (the row's `spans`). */
  drop(from: number, to: number): void {
    this.at(from);
    this.from = to;
  }

  /**
   * Copies the source up to `at`, writes `bytes` (a byte string: the latin1 text of bytes, one
   * char a byte), and goes on from `resume`.
   */
  spliceBytes(at: number, bytes: string, resume = at): void {
    this.at(at).ascii(bytes);
    this.from = resume;
  }

  /** Hands on a chunk once a chunk's worth is written or waiting to be copied before `at`. */
  handOnAt(at: number): void {
    if (this.out.fullWith(at - this.from)) this.chunks.push(this.at(at).take());
  }

  /** Copies the source up to `end`; returns the chunks handed on since the last call. */
  ready(end: number): Buffer[] {
    this.handOnAt(end);
    this.at(end);
    const chunks = this.chunks;
    this.chunks = [];
    return chunks;
  }

  /** Everything written and not yet handed on (after the last `ready`). */
  finish(): Buffer[] {
    const rest = this.out.take();
    return rest.length > 0 ? [rest] : [];
  }
}
