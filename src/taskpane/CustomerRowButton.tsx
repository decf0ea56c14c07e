import { Badge, Button } from "@fluentui/react-components";
import type { ActionView } from "./host";
import { useResultsSectionStyles } from "./ResultsSection.styles";

export interface CustomerRowButtonProps {
  testId: string;
  /** The customer; without a target (not in the customer sheet) the button stays focusable but does nothing. */
  row: Pick<ActionView, "customer" | "name" | "tier" | "target">;
  /** What follows the name: the reason, and for Collect the overdue amount. */
  detail: string;
  /** The detail's colour: an alert's (reasons, overdue amounts; the default) or plain (a greeting's occasion). */
  tone?: "alert" | "plain";
  label: string;
  select: (sheet: string, address: string) => Promise<void> | void;
}

/** One customer of a list in the results (actions, Collect, the Plan view's days): tier, id and name, detail; a click selects its row. */
export function CustomerRowButton({ testId, row, detail, tone = "alert", label, select }: CustomerRowButtonProps) {
  const styles = useResultsSectionStyles();
  const { customer, name, tier, target } = row;
  return (
    <Button
      className={styles.row}
      appearance="subtle"
      data-testid={testId}
      data-customer={customer}
      aria-label={label}
      disabledFocusable={!target}
      onClick={() => target && void select(target.sheet, target.address)}
    >
      <span className={styles.rowContent}>
        <Badge appearance="tint" color={tier === "A" ? "brand" : "informative"}>
          {tier}
        </Badge>
        <span className={styles.ellipsis}>
          {customer}
          {name ? ` ${name}` : ""}
        </span>
        <span className={tone === "alert" ? styles.reason : styles.muted}>{detail}</span>
      </span>
    </Button>
  );
}
