import { makeStyles, tokens } from "@fluentui/react-components";

/** The Plan view's own styles; rows, lists' text colours and badges are the Results view's (ResultsSection.styles). */
export const usePlanSectionStyles = makeStyles({
  days: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    margin: "0",
    padding: "0",
    listStyleType: "none",
  },
  visits: {
    margin: "0",
    padding: "0",
    listStyleType: "none",
  },
  over: {
    color: tokens.colorPaletteRedForeground1,
  },
  /** A festival's greeting, level with the customers' rows beside it. */
  line: {
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    paddingInlineStart: tokens.spacingHorizontalM,
  },
  lines: {
    margin: "0",
    paddingInlineStart: tokens.spacingHorizontalL,
  },
});
