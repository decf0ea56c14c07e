import { makeStyles, tokens } from "@fluentui/react-components";

export const useCombineViewStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  files: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
  },
  file: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  picker: { display: "flex", flexDirection: "column", alignItems: "flex-start", rowGap: tokens.spacingVerticalS },
  lines: { whiteSpace: "pre-line" },
  /** What was read from each file and what the combine kept: one item a file, then the total. */
  summary: {
    margin: 0,
    marginTop: tokens.spacingVerticalS,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
});
