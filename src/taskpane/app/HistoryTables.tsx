/**
 * Số liệu, compared with earlier periods: for one table, a small table of its flagged figures (and,
 * with "Hiện mọi số liệu", all of them): the figure, this period (value, and per day for a flow),
 * the earlier periods, the change (this period's rate ÷ the earlier periods' usual one). A flagged
 * figure's cell selects it in the sheet; Kiểm tra marks those cells like its other findings.
 */
import type { ReactNode } from 'react';
import { Badge, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ComparisonRow, PeriodFigure, TableComparison } from '../../core/history/history';
import { factorText, rateText } from '../../core/history/history-words';
import type { CellRef } from '../../core/check/findings';
import { EN_SEPARATORS, VI_SEPARATORS, formatNumber, type Separators } from '../../core/numbers';
import { formatRangeVi } from '../../core/dates';
import { format } from '../../ui/i18n';
import { useAppStrings, useLang, usePane } from './context';
import type { AppStrings } from './strings';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, minWidth: 0, overflowX: 'auto' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, width: '100%' },
  th: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  td: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, verticalAlign: 'top', overflowWrap: 'anywhere' },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  flagged: { backgroundColor: tokens.colorPaletteYellowBackground1 },
});

/** A period's figure as the table shows it: "306 (2,9/ngày)" for a flow, "1.939" for a stock; "—" when blank. */
export function figureText(f: PeriodFigure, flow: boolean, s: AppStrings, sep: Separators): string {
  if (f.value === null) return '—';
  const value = formatNumber(f.value, sep);
  return flow && f.rate !== null ? `${value} (${format(s.perDay, { rate: rateText(f.rate, sep) })})` : value;
}

/** The change column: "gấp 9,9 lần" / "×9.9"; "—" when unknown. */
export function changeText(row: ComparisonRow, s: AppStrings, sep: Separators): string {
  return row.change === null ? '—' : format(s.timesUsual, { factor: factorText(row.change, sep) });
}

function cellText(c: CellRef): string {
  return `${c.sheet}!${c.address}`;
}

export function HistoryTable({ comparison, all }: { comparison: TableComparison; all: boolean }): ReactNode {
  const s = useAppStrings();
  const lang = useLang();
  const styles = useStyles();
  const { adapter, run, announce } = usePane();
  const sep = lang === 'vi' ? VI_SEPARATORS : EN_SEPARATORS;
  const flow = comparison.overTime === 'sum';
  const rows = all ? comparison.rows : comparison.rows.filter((r) => r.flagged);
  const select = async (c: CellRef): Promise<void> => {
    const ok = await run(async () => {
      await adapter.selectCell(c);
      return true;
    });
    if (ok) announce(format(s.selected, { cell: cellText(c) }));
  };
  const periods = comparison.earlier.map((p) => `${formatRangeVi(p)} (${p.file})`).join('; ');
  return (
    <div className={styles.box} data-testid="history-table" data-sheet={comparison.sheet}>
      <Text as="h3" size={300} weight="semibold">
        {s.historyHeading}
      </Text>
      {rows.length === 0 ? (
        <Text size={200}>{s.historyNone}</Text>
      ) : (
        <table className={styles.table} aria-label={format(s.historyTableOf, { sheet: comparison.sheet })}>
          <thead>
            <tr>
              <th scope="col" className={styles.th}>
                {s.historyLabel}
              </th>
              <th scope="col" className={`${styles.th} ${styles.num}`}>
                {s.historyCurrent}
              </th>
              <th scope="col" className={`${styles.th} ${styles.num}`} title={periods}>
                {s.historyEarlier}
              </th>
              <th scope="col" className={`${styles.th} ${styles.num}`}>
                {s.historyChange}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={cellText(r.cell)} className={r.flagged ? styles.flagged : undefined} data-cell={cellText(r.cell)} data-flagged={r.flagged ? 'true' : 'false'}>
                <th scope="row" className={`${styles.td} ${styles.th}`}>
                  {r.label[lang]}{' '}
                  <Link as="button" title={s.selectCellHint} onClick={() => void select(r.cell)}>
                    {cellText(r.cell)}
                  </Link>
                </th>
                <td className={`${styles.td} ${styles.num}`}>{figureText(r.current, flow, s, sep)}</td>
                <td className={`${styles.td} ${styles.num}`}>
                  {r.earlier.map((f, i) => (
                    <div key={i} title={comparison.earlier[i] ? formatRangeVi(comparison.earlier[i]) : undefined}>
                      {figureText(f, flow, s, sep)}
                    </div>
                  ))}
                </td>
                <td className={`${styles.td} ${styles.num}`}>
                  {changeText(r, s, sep)}
                  {r.flagged && (
                    <>
                      {' '}
                      <Badge appearance="filled" color="warning" size="small">
                        {s.standsOut}
                      </Badge>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
