/**
 * What a roll-up (lũy kế, `core/combine/rollup`) did, as the pane's and the web page's Tổng hợp tabs show it
 * in "Theo kỳ", with the consolidation's components: why nothing was made (each refusal with its
 * kind as `data-refusal`, a gap naming the missing dates as `bieumau roll-up` does), or the headline
 * the surface writes and the covering period (dd/mm/yyyy and its number of days); then every source
 * in period order with its unit, period, check counts and what became of it.
 */
import type { ReactNode } from 'react';
import { Text } from '@fluentui/react-components';
import type { RollUp } from '../core/combine/rollup';
import { formatDateVi } from '../core/dates';
import { identifyPeriod, periodName } from '../core/periods';
import { formatNumberIn } from '../core/numbers';
import { format, type Language } from './i18n';
import { UI_STRINGS } from './strings';
import { ConsolidationRefusals, ConsolidationSummary } from './ConsolidationSummary';

/** "Kỳ lũy kế: từ ngày 15/6/2025 đến ngày 14/9/2025 (Quý III/2025, 92 ngày)." — the standard period's name when it is one. */
export function rollUpPeriodText(period: { from: string; to: string; days: number }, lang: Language): string {
  const s = UI_STRINGS[lang];
  const choice = identifyPeriod(period);
  const values = { from: formatDateVi(period.from), to: formatDateVi(period.to), days: formatNumberIn(period.days, lang) };
  if (choice.kind === 'custom') return format(s.rollUpPeriod, values);
  return format(s.rollUpPeriodNamed, { ...values, name: periodName(choice)[lang] });
}

export function RollUpResult({
  result,
  headline,
  refusedHeading,
  lang,
}: {
  result: RollUp;
  /** What was made ("Đã lũy kế 3/3 tệp vào …"); null when nothing was. */
  headline: string | null;
  /** Above the refusals: "Chưa lũy kế được:". */
  refusedHeading: string;
  lang: Language;
}): ReactNode {
  const { refusals, summary } = result;
  const made = refusals.length === 0 && headline !== null && summary.period !== null;
  return (
    <div data-testid="rollup-result">
      {refusals.length > 0 && (
        <ConsolidationRefusals heading={refusedHeading} messages={refusals.map((r) => r.message[lang])} kinds={refusals.map((r) => r.kind)} lang={lang} testId="rollup-refusals" />
      )}
      <ConsolidationSummary
        summary={{ period: summary.period, sources: summary.sources, missing: [], unexpected: [], expected: 0, totals: summary.totals }}
        headline={made ? headline : null}
        lang={lang}
        rollUp
        testId={made ? 'rollup-done' : undefined}
        textTestId="rollup-summary"
        sourcesTestId="rollup-sources"
        detail={
          summary.period && (
            <Text data-testid="rollup-period" data-from={summary.period.from} data-to={summary.period.to} data-days={summary.period.days}>
              {rollUpPeriodText(summary.period, lang)}
            </Text>
          )
        }
      />
    </div>
  );
}
