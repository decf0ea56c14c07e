import { columnLetters, columnNumber, parseA1, quoteSheetName, toA1, toA1Range } from "./a1";

describe("columnLetters", () => {
  it("names column 0 A and column 25 Z", () => {
    expect([columnLetters(0), columnLetters(25)]).toEqual(["A", "Z"]);
  });

  it("names column 26 AA and column 27 AB", () => {
    expect([columnLetters(26), columnLetters(27)]).toEqual(["AA", "AB"]);
  });

  it("names column 51 AZ and column 52 BA", () => {
    expect([columnLetters(51), columnLetters(52)]).toEqual(["AZ", "BA"]);
  });

  describe("edge cases", () => {
    it("names column 701 ZZ and column 702 AAA", () => {
      expect([columnLetters(701), columnLetters(702)]).toEqual(["ZZ", "AAA"]);
    });

    it("names column 16383, Excel's last, XFD", () => {
      expect(columnLetters(16383)).toBe("XFD");
    });

    it("round-trips through parseA1 for every column Excel has", () => {
      const mismatches: number[] = [];
      for (let col = 0; col <= 16383; col++) {
        if (parseA1(`${columnLetters(col)}1`).col !== col) mismatches.push(col);
      }
      expect(mismatches).toEqual([]);
    });
  });
});

describe("quoteSheetName", () => {
  it("leaves Chinese names unquoted", () => {
    expect(quoteSheetName("订单表")).toBe("订单表");
  });

  it("leaves plain English names unquoted", () => {
    expect([quoteSheetName("Orders"), quoteSheetName("Sheet1"), quoteSheetName("my_sheet")]).toEqual([
      "Orders",
      "Sheet1",
      "my_sheet",
    ]);
  });

  it("quotes names with spaces", () => {
    expect(quoteSheetName("Visit Log")).toBe("'Visit Log'");
  });

  it("quotes names with a leading digit", () => {
    expect(quoteSheetName("2024订单")).toBe("'2024订单'");
  });

  it("quotes names with punctuation", () => {
    expect([quoteSheetName("Sales-2024"), quoteSheetName("订单(1)")]).toEqual(["'Sales-2024'", "'订单(1)'"]);
  });

  it("quotes names that look like a cell address", () => {
    expect([quoteSheetName("A1"), quoteSheetName("XFD100")]).toEqual(["'A1'", "'XFD100'"]);
  });

  it("doubles apostrophes inside the quotes", () => {
    expect(quoteSheetName("Bob's")).toBe("'Bob''s'");
  });
});

describe("toA1", () => {
  it("writes C17 for row 16, column 2", () => {
    expect(toA1(16, 2)).toBe("C17");
  });

  it("writes A1 for the origin", () => {
    expect(toA1(0, 0)).toBe("A1");
  });

  it("qualifies a Chinese sheet name without quotes", () => {
    expect(toA1(16, 2, "订单表")).toBe("订单表!C17");
  });

  it("quotes a sheet name with a space", () => {
    expect(toA1(0, 0, "Visit Log")).toBe("'Visit Log'!A1");
  });

  it("quotes a sheet name with a leading digit", () => {
    expect(toA1(4, 27, "2024")).toBe("'2024'!AB5");
  });

  it("doubles an apostrophe in the sheet name", () => {
    expect(toA1(0, 1, "Rep's visits")).toBe("'Rep''s visits'!B1");
  });

  describe("edge cases", () => {
    it("writes the last cell of a sheet", () => {
      expect(toA1(1_048_575, 16383)).toBe("XFD1048576");
    });
  });
});

describe("toA1Range", () => {
  it("writes A1:C2 for two rows of three columns", () => {
    expect(toA1Range(0, 0, 2, 3)).toBe("A1:C2");
  });

  it("qualifies the whole range with the sheet once", () => {
    expect(toA1Range(1, 1, 10, 2, "订单表")).toBe("订单表!B2:C11");
  });

  it("quotes the sheet of a range when it needs it", () => {
    expect(toA1Range(0, 0, 2, 2, "Bob's list")).toBe("'Bob''s list'!A1:B2");
  });

  describe("edge cases", () => {
    it("writes a single cell without a colon", () => {
      expect([toA1Range(4, 3, 1, 1), toA1Range(4, 3, 1, 1, "Orders")]).toEqual(["D5", "Orders!D5"]);
    });

    it("writes a single row and a single column", () => {
      expect([toA1Range(0, 0, 1, 26), toA1Range(0, 26, 100, 1)]).toEqual(["A1:Z1", "AA1:AA100"]);
    });
  });
});

describe("parseA1", () => {
  it("parses C17 as row 16, column 2", () => {
    expect(parseA1("C17")).toEqual({ row: 16, col: 2 });
  });

  it("parses A1 as the origin", () => {
    expect(parseA1("A1")).toEqual({ row: 0, col: 0 });
  });

  it("parses absolute references", () => {
    expect([parseA1("$C$17"), parseA1("$C17"), parseA1("C$17")]).toEqual([
      { row: 16, col: 2 },
      { row: 16, col: 2 },
      { row: 16, col: 2 },
    ]);
  });

  it("parses lower-case letters and surrounding spaces", () => {
    expect(parseA1(" ab5 ")).toEqual({ row: 4, col: 27 });
  });

  it("parses the last cell of a sheet", () => {
    expect(parseA1("XFD1048576")).toEqual({ row: 1_048_575, col: 16383 });
  });

  it("inverts toA1", () => {
    expect(parseA1(toA1(99, 702))).toEqual({ row: 99, col: 702 });
  });

  describe("invalid input", () => {
    it("throws on garbage, naming the address", () => {
      expect(() => parseA1("hello")).toThrow("Not an A1 cell address: hello");
    });

    it("throws on an empty string", () => {
      expect(() => parseA1("")).toThrow("Not an A1 cell address: ");
    });

    it("throws on a range", () => {
      expect(() => parseA1("A1:B2")).toThrow("Not an A1 cell address: A1:B2");
    });

    it("throws on a sheet-qualified address", () => {
      expect(() => parseA1("订单表!C17")).toThrow("Not an A1 cell address: 订单表!C17");
    });

    it("throws on letters only or digits only", () => {
      expect(() => parseA1("C")).toThrow("Not an A1 cell address: C");
      expect(() => parseA1("17")).toThrow("Not an A1 cell address: 17");
    });

    it("throws on four column letters", () => {
      expect(() => parseA1("ABCD1")).toThrow("Not an A1 cell address: ABCD1");
    });

    it("throws on row 0, which no sheet has", () => {
      expect(() => parseA1("A0")).toThrow("Not an A1 cell address: A0");
    });
  });
});

describe("columnNumber", () => {
  it("reads the 1-based column of an A1 reference", () => {
    expect(["A1", "Z9", "AA10", "XFD1048576", "ZZZZZ3"].map((r) => columnNumber(r))).toEqual([
      1, 26, 27, 16_384, 12_356_630,
    ]);
  });

  it("starts at `from`, past a leading $", () => {
    expect([columnNumber("$AB$12", 1), columnNumber("$AB$12")]).toEqual([28, 0]);
  });

  it("reads lower-case letters only when asked", () => {
    expect([columnNumber("ab12"), columnNumber("ab12", 0, true), columnNumber("aB12", 0, true)]).toEqual([0, 28, 28]);
  });

  it("inverts columnLetters for every column Excel has, in either case", () => {
    const mismatches: number[] = [];
    for (let col = 0; col < 16_384; col++) {
      const letters = columnLetters(col);
      if (columnNumber(letters) !== col + 1 || columnNumber(letters.toLowerCase(), 0, true) !== col + 1)
        mismatches.push(col);
    }
    expect(mismatches).toEqual([]);
  });

  describe("invalid input", () => {
    it("gives 0 for a reference without letters where it starts", () => {
      expect([
        columnNumber("12"),
        columnNumber(""),
        columnNumber("a1"),
        columnNumber("$A1"),
        columnNumber("A1", 2),
      ]).toEqual([0, 0, 0, 0, 0]);
    });
  });
});
