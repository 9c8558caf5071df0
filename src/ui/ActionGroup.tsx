/**
 * A titled group of actions: a heading, a line of help, a row of buttons (each disabled, still
 * focusable, while `busy`), then what the actions report (`children`). The pane's Số liệu (copy /
 * save the figures as CSV) and the web page's figure downloads (CSV, SDMX) are each one.
 */
import { useId, type ReactNode } from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

export interface GroupAction {
  label: string;
  onClick: () => void;
}

export interface ActionGroupProps {
  heading: string;
  /** The heading's level where the group sits (the pane's tab: h2; a result on the web page: h3). */
  headingAs: 'h2' | 'h3';
  hint: string;
  actions: readonly GroupAction[];
  busy: boolean;
  testId: string;
  children?: ReactNode;
}

export function ActionGroup({ heading, headingAs, hint, actions, busy, testId, children }: ActionGroupProps): ReactNode {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid={testId}>
      <Text as={headingAs} size={headingAs === 'h2' ? 400 : 300} weight="semibold" id={headingId}>
        {heading}
      </Text>
      <Text size={200}>{hint}</Text>
      <div className={styles.actions}>
        {actions.map((a) => (
          <Button key={a.label} onClick={a.onClick} disabledFocusable={busy}>
            {a.label}
          </Button>
        ))}
      </div>
      {children}
    </section>
  );
}
