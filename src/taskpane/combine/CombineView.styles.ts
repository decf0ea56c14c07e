import { makeStyles, tokens } from "@fluentui/react-components";

export const useCombineViewStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  files: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  lines: { whiteSpace: "pre-line" },
});
