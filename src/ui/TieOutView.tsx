/**
 * The tie-out's result as the pane and the web page show it: each finding with its quoted sentence,
 * the figure highlighted (`<mark>`), the expected value, the rule; a finding at a table cell names
 * the cell (the pane makes it a link that selects the cell: `renderCell`); then the figures that
 * match.
 */
import type { ReactNode } from 'react';
import { Badge, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { TieOutFinding, TieOutResult } from '../core/tieout/tieout';
import { formatNumberIn } from '../core/numbers';
import { format, type Language } from './i18n';
import { TIEOUT_STRINGS } from './tieout-strings';
import { FINDING_CARD, FINDING_ERROR_BAR } from './finding-styles';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  item: FINDING_CARD,
  error: FINDING_ERROR_BAR,
  warning: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteYellowBorder2}` },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS },
  quote: { margin: 0, paddingLeft: tokens.spacingHorizontalM, borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`, color: tokens.colorNeutralForeground2 },
  mark: { backgroundColor: tokens.colorPaletteYellowBackground2, color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  numbers: { fontSize: tokens.fontSizeBase200 },
  rule: { color: tokens.colorNeutralForeground3 },
});

function Quote({ f }: { f: TieOutFinding }): ReactNode {
  const styles = useStyles();
  if (!('quote' in f.where)) return null;
  const q = f.where.quote;
  if (!f.figure) return <blockquote className={styles.quote}>{q}</blockquote>;
  return (
    <blockquote className={styles.quote} data-testid="tieout-quote">
      {q.slice(0, f.figure.start)}
      <mark className={styles.mark}>{q.slice(f.figure.start, f.figure.end)}</mark>
      {q.slice(f.figure.end)}
    </blockquote>
  );
}

export function TieOutView({ result, lang, renderCell }: { result: TieOutResult; lang: Language; renderCell?: (table: string, cell: string, text: string) => ReactNode }): ReactNode {
  const styles = useStyles();
  const s = TIEOUT_STRINGS[lang];
  const n = (x: number): string => formatNumberIn(x, lang);
  return (
    <>
      {result.findings.length > 0 && (
        <ul className={styles.list} data-testid="tieout-findings">
          {result.findings.map((f, i) => {
            const where = 'paragraph' in f.where ? format(s.paragraph, { n: f.where.paragraph }) : format(s.cell, { table: f.where.table, cell: f.where.cell });
            return (
              <li key={i} className={mergeClasses(styles.item, f.severity === 'error' ? styles.error : styles.warning)} data-testid="tieout-finding" data-rule={f.rule}>
                <div className={styles.line}>
                  <Badge appearance="filled" color={f.severity === 'error' ? 'danger' : 'warning'}>
                    {f.severity === 'error' ? s.error : s.warning}
                  </Badge>
                  <Text weight="semibold">{'table' in f.where && renderCell ? renderCell(f.where.table, f.where.cell, where) : where}</Text>
                  <Text size={200} className={styles.rule}>
                    {f.rule}
                  </Text>
                </div>
                <Text>{f.message[lang]}</Text>
                <Quote f={f} />
                {f.stated !== null && f.expected !== null && (
                  <Text className={styles.numbers}>
                    {s.stated}: {n(f.stated)} · {s.expected}: <strong>{n(f.expected)}</strong>
                    {f.tableCell && renderCell && <> · {renderCell(f.tableCell.table, f.tableCell.cell, format(s.cell, { table: f.tableCell.table, cell: f.tableCell.cell }))}</>}
                  </Text>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {result.matched.length > 0 && (
        <section aria-label={s.matchedTitle} data-testid="tieout-matched">
          <Text as="h4" weight="semibold">
            {s.matchedTitle}
          </Text>
          <ul>
            {result.matched.map((m, i) => (
              <li key={i}>
                {renderCell ? (
                  <Text size={200}>
                    {n(m.stated)} — {renderCell(m.table, m.cell, format(s.cell, { table: m.table, cell: m.cell }))} ({format(s.paragraph, { n: m.paragraph }).toLocaleLowerCase(lang)})
                  </Text>
                ) : (
                  <Text size={200}>{format(s.matched, { stated: n(m.stated), table: m.table, cell: m.cell, paragraph: m.paragraph })}</Text>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
