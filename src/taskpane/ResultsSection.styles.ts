import { makeStyles, tokens } from "@fluentui/react-components";

export const useResultsSectionStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  heading: {
    ":focus-visible": {
      outlineWidth: tokens.strokeWidthThick,
      outlineStyle: "solid",
      outlineColor: tokens.colorStrokeFocus2,
    },
  },
  tiers: {
    display: "grid",
    gridTemplateColumns: "repeat(4, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    margin: "0",
    padding: "0",
    listStyleType: "none",
  },
  tier: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  list: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    margin: "0",
    padding: "0",
    listStyleType: "none",
    maxHeight: "360px",
    overflowY: "auto",
  },
  row: {
    width: "100%",
    justifyContent: "flex-start",
    textAlign: "start",
    fontWeight: tokens.fontWeightRegular,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  rowContent: {
    display: "grid",
    gridTemplateColumns: "auto 1fr auto",
    columnGap: tokens.spacingHorizontalS,
    width: "100%",
    alignItems: "baseline",
  },
  issueContent: {
    display: "flex",
    flexDirection: "column",
    width: "100%",
  },
  muted: {
    color: tokens.colorNeutralForeground3,
  },
  reason: {
    color: tokens.colorPaletteRedForeground1,
  },
  badge: {
    fontWeight: tokens.fontWeightSemibold,
  },
  ellipsis: {
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
});
