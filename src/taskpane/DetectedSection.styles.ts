import { makeStyles, tokens } from "@fluentui/react-components";

export const useDetectedSectionStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  // The summary line and its "Change columns" link; the link wraps under the line in a narrow pane.
  summary: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  role: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  columns: {
    display: "grid",
    gridTemplateColumns: "minmax(80px, 1fr) minmax(120px, 2fr)",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  dropdown: {
    minWidth: "0",
    width: "100%",
  },
  multiline: {
    whiteSpace: "pre-line",
  },
  note: {
    color: tokens.colorNeutralForeground3,
  },
});
