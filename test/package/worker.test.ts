import { join } from "node:path";
import { describeRunError } from "../../src/adapters/describeRunError";
import { NotAnXlsxError, UnreadablePartError } from "../../src/adapters/xlsx/package/openXlsxError";
import { errorFromWorker, postedError, type PostedError } from "../../src/adapters/xlsx/worker/postedError";
import { startWorker } from "../../src/adapters/xlsx/worker/startWorker";

/** The error the fixture worker throws for `which`, as the main thread rebuilds it; the worker has ended. */
async function crossed(which: string): Promise<Error> {
  const worker = startWorker(join(__dirname, "..", "support", "postErrorWorker"), which);
  try {
    const posted = await new Promise<PostedError>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
    return errorFromWorker(posted);
  } finally {
    await worker.terminate();
  }
}

describe("an error thrown in a worker started by startWorker (TypeScript under ts-jest)", () => {
  it("comes back as UnreadablePartError with its kind, part and detail, worded as the original", async () => {
    const e = await crossed("unreadable");
    expect(e).toBeInstanceOf(UnreadablePartError);
    expect(e).toMatchObject({ kind: "rowOrder", part: "订单表", detail: "row 3 after row 4 in 订单表" });
    const original = new UnreadablePartError("rowOrder", "订单表", "row 3 after row 4 in 订单表");
    expect(describeRunError(e, "in.xlsx", "en-US")).toBe(describeRunError(original, "in.xlsx", "en-US"));
    expect(e.stack).toContain("postErrorWorker");
  });

  it("comes back as NotAnXlsxError with the same words for the user", async () => {
    const e = await crossed("notXlsx");
    expect(e).toBeInstanceOf(NotAnXlsxError);
    const original = new NotAnXlsxError("a.xlsx", "part xl/workbook.xml is missing");
    expect(e.message).toBe(original.message);
    expect(describeRunError(e, "a.xlsx", "zh-CN")).toBe(describeRunError(original, "a.xlsx", "zh-CN"));
  });

  it("keeps zlib's code (a damaged part) and a RangeError's class and message", async () => {
    const zlib = await crossed("zlib");
    expect((zlib as Error & { code?: string }).code).toBe("Z_DATA_ERROR");
    expect(describeRunError(zlib, "in.xlsx", "en-US")).toBe(
      describeRunError(new UnreadablePartError("damaged", "x", "y"), "in.xlsx", "en-US"),
    );
    const range = await crossed("range");
    expect(range).toBeInstanceOf(RangeError);
    expect(describeRunError(range, "in.xlsx", "en-US")).toBe("--month 2026-13 is not a month");
  });

  it("leaves any other error a plain Error with its message (a bug: no user wording)", async () => {
    const e = await crossed("plain");
    expect(e.constructor).toBe(Error);
    expect(e.message).toBe("a bug");
    expect(describeRunError(e, "in.xlsx", "en-US")).toBeUndefined();
  });
});

describe("postedError", () => {
  it("posts a thrown value that is not an Error as its text", () => {
    expect(errorFromWorker(postedError("gone"))).toMatchObject({ message: "gone" });
  });
});
