import { makeStyles, tokens } from "@fluentui/react-components";

export const useSettingsSectionStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  pair: {
    display: "grid",
    gridTemplateColumns: "1fr 1fr",
    columnGap: tokens.spacingHorizontalM,
    alignItems: "start",
  },
  triple: {
    display: "grid",
    gridTemplateColumns: "1fr 1fr 1fr",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "start",
  },
  control: {
    minWidth: "0",
    width: "100%",
  },
  note: {
    color: tokens.colorNeutralForeground3,
  },
});
