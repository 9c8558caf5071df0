/**
 * One finding, as the pane and the web page show it: severity and message, its cells, left / right /
 * difference on arithmetic rules, and the fix described ("Cách sửa: … (ô Biểu 01!G8)"). A surface
 * adds its own: the pane a link per cell that selects it in Excel and a Sửa button (`renderCell`,
 * `renderFix`); the web page the rule id (`showRule`).
 */
import { Fragment, useId, type ReactNode } from 'react';
import { Badge, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { CellRef, Finding } from '../core/check/findings';
import { cellName } from '../core/check/check-json';
import { formatNumberIn } from '../core/numbers';
import { format, type Language } from './i18n';
import { UI_STRINGS } from './strings';
import { FINDING_CARD, FINDING_ERROR_BAR } from './finding-styles';

const useStyles = makeStyles({
  item: FINDING_CARD,
  // Windows high contrast draws every border in one colour: an error's bar stays solid, a warning's
  // turns dashed (and the badge says which, in words).
  error: FINDING_ERROR_BAR,
  warning: {
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteYellowBorder2}`,
    '@media (forced-colors: active)': { borderLeftStyle: 'dashed' },
  },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS },
  cells: { fontSize: tokens.fontSizeBase200 },
  numbers: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, margin: 0, fontSize: tokens.fontSizeBase200 },
  pair: { display: 'flex', columnGap: tokens.spacingHorizontalXS },
  dd: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  fixLine: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  rule: { color: tokens.colorNeutralForeground3 },
});

export interface FindingItemProps {
  finding: Finding;
  lang: Language;
  /** `data-key` of the item (the pane follows the keyboard across re-checks by it); the item then takes focus. */
  itemKey?: string;
  /** A cell as the surface shows it (default: its name, `Biểu 01!G8`). */
  renderCell?: (cell: CellRef) => ReactNode;
  /** The surface's action on the fix (the pane's Sửa button), given the id of the finding's message. */
  renderFix?: (finding: Finding, messageId: string) => ReactNode;
  /** The surface's action on a finding without a cell fix (the pane's "Thiết lập báo cáo" on `report.incomplete`). */
  renderAction?: (finding: Finding, messageId: string) => ReactNode;
  /** Shows the rule id (`cross.council`) under the finding. */
  showRule?: boolean;
}

export function FindingItem({ finding, lang, itemKey, renderCell, renderFix, renderAction, showRule }: FindingItemProps): ReactNode {
  const styles = useStyles();
  const s = UI_STRINGS[lang];
  const messageId = useId();
  const isError = finding.severity === 'error';
  const num = (x: number): string => formatNumberIn(x, lang);
  return (
    <li
      className={mergeClasses(styles.item, isError ? styles.error : styles.warning)}
      data-rule={finding.rule}
      data-severity={finding.severity}
      data-cells={finding.cells.map(cellName).join(' ')}
      data-key={itemKey}
      tabIndex={itemKey === undefined ? undefined : -1}
    >
      <div className={styles.line}>
        <Badge appearance="filled" color={isError ? 'danger' : 'warning'} size="small">
          {isError ? s.error : s.warning}
        </Badge>
        <Text id={messageId} size={300}>
          {finding.message[lang]}
        </Text>
      </div>
      {finding.cells.length > 0 && (
        <div className={mergeClasses(styles.line, styles.cells)} data-testid="finding-cells">
          <span>{s.cells}:</span>{' '}
          {finding.cells.map((c, i) => (
            <Fragment key={`${cellName(c)}#${i}`}>
              {i > 0 && ', '}
              {renderCell ? renderCell(c) : <span>{cellName(c)}</span>}
            </Fragment>
          ))}
        </div>
      )}
      {finding.left !== undefined && finding.right !== undefined && (
        <dl className={styles.numbers} data-testid="finding-values">
          <div className={styles.pair}>
            <dt>{s.left}:</dt>
            <dd className={styles.dd}>{num(finding.left)}</dd>
          </div>
          <div className={styles.pair}>
            <dt>{s.right}:</dt>
            <dd className={styles.dd}>{num(finding.right)}</dd>
          </div>
          {finding.difference !== undefined && (
            <div className={styles.pair}>
              <dt>{s.difference}:</dt>
              <dd className={styles.dd}>{num(finding.difference)}</dd>
            </div>
          )}
        </dl>
      )}
      {finding.fix && (
        <div className={styles.line}>
          {renderFix?.(finding, messageId)}
          <Text className={styles.fixLine} data-testid="finding-fix">
            {format(s.fixDescribed, { label: finding.fix.label[lang], cell: cellName(finding.fix.cell) })}
          </Text>
        </div>
      )}
      {!finding.fix && renderAction && <div className={styles.line}>{renderAction(finding, messageId)}</div>}
      {showRule && (
        <Text size={100} className={styles.rule}>
          {finding.rule}
        </Text>
      )}
    </li>
  );
}

/** A finding's identity across re-checks: its rule and cells. */
export function findingKey(f: Finding): string {
  return `${f.rule}|${f.cells.map(cellName).join(',')}`;
}

/** Each finding's key: `findingKey`, with `#2`, `#3`, … on a repeat (React keys must be unique). */
export function findingKeys(findings: readonly Finding[]): Map<Finding, string> {
  const seen = new Map<string, number>();
  const out = new Map<Finding, string>();
  for (const f of findings) {
    const k = findingKey(f);
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    out.set(f, n === 1 ? k : `${k}#${n}`);
  }
  return out;
}
