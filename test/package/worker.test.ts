import { join } from "node:path";
import { CombineInputError } from "../../src/adapters/combineInputError";
import { describeRunError } from "../../src/adapters/describeRunError";
import { NotZipError } from "../../src/adapters/xlsx/package/sniffBytes";
import { ExcelLimitError, MissingColumnError, NoReadableRowsError } from "../../src/core/errors";
import { t } from "../../src/i18n";
import { NotAnXlsxError, UnreadablePartError } from "../../src/adapters/xlsx/package/openXlsxError";
import { errorFromWorker, postedError, type PostedError } from "../../src/adapters/postedError";
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

/** `e` as the other thread gets it: as data, through a message's structured clone. */
const across = (e: unknown) => errorFromWorker(structuredClone(postedError(e)));

describe("postedError", () => {
  it("posts a thrown value that is not an Error as its text", () => {
    expect(errorFromWorker(postedError("gone"))).toMatchObject({ message: "gone" });
  });

  it("brings a missing column back as MissingColumnError with its fields", () => {
    const seen = [{ sheet: "Orders", headerRow: 0, headers: ["Date", "Amount"] }];
    const original = new MissingColumnError("orders", [["customerId", "customerName"]], seen);
    const back = across(original);
    expect(back).toBeInstanceOf(MissingColumnError);
    expect({ ...(back as MissingColumnError) }).toEqual({ ...original });
    expect(describeRunError(back, "a.xlsx", "zh-CN")).toBe(describeRunError(original, "a.xlsx", "zh-CN"));
  });

  it("brings no readable rows back as NoReadableRowsError with its issues", () => {
    const issues = [
      { sheet: "Orders", address: "A2", field: "orderDate" as const, code: "notADate" as const, value: "x" },
    ];
    const back = across(new NoReadableRowsError("Orders", issues)) as NoReadableRowsError;
    expect(back).toBeInstanceOf(NoReadableRowsError);
    expect([back.sheet, back.issues]).toEqual(["Orders", issues]);
  });

  it("keeps an input's failure with its reason's class, so its words are the command line's", () => {
    const back = across(new CombineInputError("a.xls", new NotZipError("oldXls", "a.xls"))) as CombineInputError;
    expect(back).toBeInstanceOf(CombineInputError);
    expect(back.input).toBe("a.xls");
    expect(back.reason).toBeInstanceOf(NotZipError);
    expect(describeRunError(back.reason, "a.xls", "en-US")).toBe(
      t("en-US", "cli.unreadable.oldXls", { file: "a.xls" }),
    );
  });

  it("keeps Excel's limits as ExcelLimitError, a RangeError, and a TypeError's class", () => {
    const limit = across(new ExcelLimitError("tooManyRows", "Orders", "too many rows")) as ExcelLimitError;
    expect(limit).toBeInstanceOf(ExcelLimitError);
    expect(limit).toBeInstanceOf(RangeError);
    expect([limit.limit, limit.sheet, limit.message]).toEqual(["tooManyRows", "Orders", "too many rows"]);
    const type = across(new TypeError("x is undefined"));
    expect(type).toBeInstanceOf(TypeError);
    expect(type.message).toBe("x is undefined");
  });
});
