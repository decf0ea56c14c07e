import { CombineInputError } from "../../adapters/combineWorkbooks";
import { PickedFileError } from "../../adapters/pickedFileError";
import { NotZipError } from "../../adapters/xlsx/package/sniffBytes";
import { MissingColumnError, NoReadableRowsError } from "../../core/errors";
import { t } from "../../i18n";
import { errorFromWire, errorToWire } from "./errorWire";

/** `e` as the pane gets it from the worker: as data, through a message's structured clone. */
const across = (e: unknown) => errorFromWire(structuredClone(errorToWire(e, "en-US")));

describe("errorWire", () => {
  it("brings a missing column back as MissingColumnError with its fields", () => {
    const seen = [{ sheet: "Orders", headerRow: 0, headers: ["Date", "Amount"] }];
    const back = across(new MissingColumnError("orders", [["customerId", "customerName"]], seen));
    expect(back).toBeInstanceOf(MissingColumnError);
    expect({ ...(back as MissingColumnError) }).toEqual({
      role: "orders",
      missing: [["customerId", "customerName"]],
      seen,
      name: "MissingColumnError",
    });
  });

  it("brings no readable rows back as NoReadableRowsError with its issues", () => {
    const issues = [
      { sheet: "Orders", address: "A2", field: "orderDate" as const, code: "notADate" as const, value: "x" },
    ];
    const back = across(new NoReadableRowsError("Orders", issues)) as NoReadableRowsError;
    expect(back).toBeInstanceOf(NoReadableRowsError);
    expect([back.sheet, back.issues]).toEqual(["Orders", issues]);
  });

  it("keeps an input's failure with the command line's words for it", () => {
    const back = across(new CombineInputError("a.xls", new NotZipError("oldXls", "a.xls"))) as CombineInputError;
    expect(back).toBeInstanceOf(CombineInputError);
    expect(back.input).toBe("a.xls");
    expect(back.reason).toBeInstanceOf(PickedFileError);
    expect((back.reason as PickedFileError).words).toBe(t("en-US", "cli.unreadable.oldXls", { file: "a.xls" }));
  });

  it("keeps a RangeError's message and says where any other error happened", () => {
    const range = across(new RangeError("bad month"));
    expect(range).toBeInstanceOf(RangeError);
    expect(range.message).toBe("bad month");
    expect(across(new TypeError("x is undefined")).message).toBe(
      "the combine failed in the read worker: x is undefined",
    );
  });
});
