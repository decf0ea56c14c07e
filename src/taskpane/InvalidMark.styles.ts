import { makeStyles, tokens } from "@fluentui/react-components";

export const useInvalidMarkStyles = makeStyles({
  mark: {
    marginInlineStart: tokens.spacingHorizontalS,
  },
});
