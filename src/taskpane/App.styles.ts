import { makeStaticStyles, makeStyles, tokens } from "@fluentui/react-components";

/**
 * The page itself: no browser margin around the pane, which showed as a white frame around the
 * dark theme and made an empty pane 16 px taller than its viewport (a scroll bar for nothing).
 */
export const usePageStyles = makeStaticStyles({
  body: { margin: "0" },
});

export const useAppStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalXXL,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  header: {
    margin: "0",
  },
  // Four tabs (合并工作簿 / Combine workbooks the longest) do not fit in one line at 320 px: they wrap, never scroll sideways.
  tabs: {
    flexWrap: "wrap",
  },
  // A view's panel, and the Detected section within Review: their parts spaced as the pane's.
  view: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minWidth: "0",
  },
  center: {
    paddingTop: tokens.spacingVerticalXXL,
  },
  multiline: {
    whiteSpace: "pre-line",
  },
  // Read by screen readers, not shown.
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: "0",
    overflow: "hidden",
    clip: "rect(0, 0, 0, 0)",
    whiteSpace: "nowrap",
    border: "0",
  },
});
