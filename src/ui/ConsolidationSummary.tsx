/**
 * What a consolidation did, as the pane and the web page show it (the roll-up too, `RollUpResult`):
 * the headline the surface writes ("Đã tổng hợp 3/3 tệp vào …"), the units that did not report and
 * those not in the list, then every source with what became of it (included, included with errors,
 * not included and why; for a roll-up also each source's period). `ConsolidationRefusals` says why
 * nothing was made.
 */
import type { ReactNode } from 'react';
import { formatRangeVi } from '../core/dates';
import { MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ConsolidationSummary as Summary } from '../core/combine/consolidate';
import { formatNumberIn } from '../core/numbers';
import { format, type Language } from './i18n';
import { UI_STRINGS } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, overflowWrap: 'anywhere' },
});

/** ` (a, b, c)`, the first ten names and `…` beyond; '' for none. */
export function namesInBrackets(names: readonly string[], most = 10): string {
  if (names.length === 0) return '';
  return ` (${names.length > most ? `${names.slice(0, most).join(', ')}, …` : names.join(', ')})`;
}

/** The headline, then the missing and the unexpected units, in one text. */
export function consolidationText(summary: Summary, headline: string | null, lang: Language): string {
  const s = UI_STRINGS[lang];
  const n = (x: number): string => formatNumberIn(x, lang);
  const parts = headline === null ? [] : [headline];
  if (summary.expected > 0) parts.push(format(s.missingUnits, { missing: n(summary.missing.length), expected: n(summary.expected), list: namesInBrackets(summary.missing) }));
  if (summary.unexpected.length > 0) parts.push(format(s.unexpectedUnits, { count: n(summary.unexpected.length), list: namesInBrackets(summary.unexpected) }));
  return parts.join(' ');
}

export function ConsolidationSummary({
  summary,
  headline,
  lang,
  testId,
  textTestId,
  sourcesTestId,
  detail,
  rollUp = false,
}: {
  summary: Summary;
  /** What was made ("Đã tổng hợp 3/3 tệp vào …"); null when nothing was (the refusals say why). */
  headline: string | null;
  lang: Language;
  testId?: string;
  textTestId?: string;
  sourcesTestId?: string;
  /** Shown under the headline (the roll-up's covering period). */
  detail?: ReactNode;
  /** A roll-up's sources: "Đã lũy kế" / "Không lũy kế", and each source's period. */
  rollUp?: boolean;
}): ReactNode {
  const styles = useStyles();
  const s = UI_STRINGS[lang];
  const states = rollUp ? [s.rolledIncluded, s.rolledIncludedFlagged, s.rolledNotIncluded] : [s.included, s.includedFlagged, s.notIncluded];
  const n = (x: number): string => formatNumberIn(x, lang);
  return (
    <MessageBar intent={headline === null ? 'info' : 'success'} data-testid={testId}>
      <MessageBarBody className={styles.root}>
        {headline !== null && (
          <Text weight="semibold" data-testid={textTestId}>
            {consolidationText(summary, headline, lang)}
          </Text>
        )}
        {headline !== null && detail}
        <ul className={styles.list} data-testid={sourcesTestId}>
          {summary.sources.map((x, i) => (
            <li key={`${x.file}#${i}`} data-file={x.file} data-included={x.included ? 'yes' : 'no'}>
              <Text weight="semibold">{x.included ? (x.errors > 0 ? states[1] : states[0]) : states[2]}</Text>: {x.unit || x.file}
              {rollUp && x.period && `, ${formatRangeVi(x.period)}`} ({x.file})
              {x.readable && ` — ${format(s.counts, { errors: n(x.errors), warnings: n(x.warnings) })}`}
              {x.reason && ` — ${x.reason[lang]}`}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

/** Why nothing was consolidated: "Chưa tổng hợp được:" (or the `heading` given) and one line per reason. */
export function ConsolidationRefusals({
  messages,
  kinds,
  lang,
  testId,
  heading,
}: {
  messages: readonly string[];
  kinds?: readonly string[];
  lang: Language;
  testId?: string;
  heading?: string;
}): ReactNode {
  const styles = useStyles();
  return (
    <MessageBar intent="warning" data-testid={testId}>
      <MessageBarBody>
        {heading ?? UI_STRINGS[lang].refused}
        <ul className={styles.list}>
          {messages.map((m, i) => (
            <li key={i} data-refusal={kinds?.[i]}>
              {m}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
