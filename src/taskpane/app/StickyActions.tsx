/**
 * A tab's primary action kept on screen: a bar that sticks to the bottom of the pane while the
 * tab's content scrolls under it (the settings form and the consolidation's options are taller
 * than a 560 px pane). The page keeps room for it when it scrolls a focused field into view
 * (`scroll-padding-bottom` in taskpane.html), so the bar never hides the field being filled.
 */
import type { ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  bar: {
    position: 'sticky',
    bottom: 0,
    zIndex: 1,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

export function StickyActions({ children }: { children: ReactNode }): ReactNode {
  const styles = useStyles();
  return (
    <div className={styles.bar} data-testid="sticky-actions">
      {children}
    </div>
  );
}
