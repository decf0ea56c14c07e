import { makeStyles, tokens } from "@fluentui/react-components";

export const useRunSectionStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalM,
  },
  button: {
    alignSelf: "stretch",
  },
  note: {
    color: tokens.colorNeutralForeground3,
  },
  multiline: {
    whiteSpace: "pre-line",
  },
  message: {
    ":focus-visible": {
      outlineWidth: tokens.strokeWidthThick,
      outlineStyle: "solid",
      outlineColor: tokens.colorStrokeFocus2,
    },
  },
  writtenTitle: {
    marginTop: tokens.spacingVerticalS,
  },
  written: {
    marginTop: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalL,
  },
});
