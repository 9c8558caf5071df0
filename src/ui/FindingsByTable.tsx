/**
 * The findings grouped by table in the one order of core's `groupFindings` (every error before any
 * warning; within each, whole file first, tables in workbook order, cells in reading order): a titled
 * section per table and severity (a table with both has its errors among the errors, its warnings
 * among the warnings), a list of `FindingItem`s in each. The pane and the web page show a check with it.
 */
import { useId, type ReactNode } from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { groupFindings, type Finding } from '../core/check/findings';
import type { Language } from './i18n';
import { UI_STRINGS } from './strings';
import { FindingItem, findingKeys, type FindingItemProps } from './FindingItem';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});

export interface FindingsByTableProps extends Pick<FindingItemProps, 'renderCell' | 'renderFix' | 'renderAction' | 'showRule'> {
  findings: readonly Finding[];
  /** The tables' sheets in workbook order, when known (the pane); otherwise the order of the findings. */
  sheets?: readonly string[];
  lang: Language;
  /** The level of the tables' headings (2 in the pane, 4 under a file's heading on the web page). */
  headingLevel?: 2 | 3 | 4;
  /** Gives each item its `data-key` (the pane follows the keyboard across re-checks by it). */
  keyed?: boolean;
}

export function FindingsByTable({ findings, sheets, lang, headingLevel = 2, keyed, ...item }: FindingsByTableProps): ReactNode {
  const styles = useStyles();
  const s = UI_STRINGS[lang];
  const baseId = useId();
  const keys = findingKeys(findings);
  const heading = `h${headingLevel}` as const;
  return (
    <>
      {groupFindings(findings, sheets).map((g, gi) => (
        <section key={`${g.severity}:${g.sheet}`} className={styles.group} aria-labelledby={`${baseId}-g${gi}`} data-sheet={g.sheet} data-severity={g.severity}>
          <Text as={heading} size={400} weight="semibold" id={`${baseId}-g${gi}`} className={styles.heading}>
            {g.sheet === '' ? s.wholeFile : g.sheet}
          </Text>
          <ul className={styles.list}>
            {g.findings.map((f) => (
              <FindingItem key={keys.get(f)} itemKey={keyed ? keys.get(f) : undefined} finding={f} lang={lang} {...item} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
