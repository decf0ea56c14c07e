import { Badge } from "@fluentui/react-components";
import { t, type Lang } from "../i18n";
import { useInvalidMarkStyles } from "./InvalidMark.styles";

/**
 * The mark beside the Settings tab's label while a setting is invalid, so a user on the
 * Review tab sees why Run is off and where to look. Its accessible name says it in words
 * (a screen reader reads the tab as "Settings, a setting needs fixing").
 */
export function InvalidMark({ lang }: { lang: Lang }) {
  const styles = useInvalidMarkStyles();
  return (
    <Badge
      className={styles.mark}
      appearance="filled"
      color="danger"
      size="small"
      shape="circular"
      role="img"
      aria-label={t(lang, "pane.settings.invalidMark")}
      data-testid="settings-invalid"
    >
      !
    </Badge>
  );
}
