/**
 * The report period as a form: a Decree 09/2019/NĐ-CP quick pick (month, quarter, 6 months,
 * 9 months, year) or a custom range of two dates (dd/mm/yyyy whatever the browser's language, with a
 * calendar: DateField). The pane's Thiết lập báo cáo tab and the web page's Tạo biểu mẫu tab both use it.
 */
import { useId, type ReactNode } from 'react';
import { Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { PERIOD_KINDS, customRangeProblem, periodName, periodRange, rangeText, type PeriodChoice, type PeriodKind } from '../core/periods';
import type { Language } from './i18n';
import { UI_STRINGS, type UiStrings } from './strings';
import { DateField } from './DateField';


/** A fieldset of the forms (pane and web page): a light frame, its fields one under another. */
export const FIELDSET_STYLE = {
  display: 'flex',
  flexDirection: 'column',
  rowGap: tokens.spacingVerticalS,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  borderRadius: tokens.borderRadiusMedium,
  padding: tokens.spacingHorizontalM,
  margin: 0,
  minWidth: 0,
} as const;

const useStyles = makeStyles({
  fieldset: FIELDSET_STYLE,
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  grow: { flexGrow: 1, minWidth: '120px' },
  range: { fontWeight: tokens.fontWeightSemibold },
});

/** Today on this machine as `yyyy-mm-dd`. */
export function todayIso(): string {
  const d = new Date();
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** What the period fields hold, as typed. */
export interface PeriodForm {
  kind: PeriodKind;
  year: string;
  month: string;
  quarter: string;
  from: string;
  to: string;
}

/** The form showing a period choice; `fallbackYear` fills the year field of a custom range. */
export function formFromChoice(c: PeriodChoice, fallbackYear: number): PeriodForm {
  const r = c.kind === 'custom' ? { from: c.from, to: c.to } : periodRange(c);
  return {
    kind: c.kind,
    year: String(c.kind === 'custom' ? fallbackYear : c.year),
    month: String(c.kind === 'month' ? c.month : 1),
    quarter: String(c.kind === 'quarter' ? c.quarter : 1),
    from: r.from,
    to: r.to,
  };
}

/** The choice the form describes, or null when it is not a valid period. */
export function choiceOf(f: PeriodForm): PeriodChoice | null {
  const year = Number(f.year);
  const valid = Number.isInteger(year) && year >= 1901 && year <= 9999;
  switch (f.kind) {
    case 'month':
      return valid ? { kind: 'month', year, month: Number(f.month) } : null;
    case 'quarter':
      return valid ? { kind: 'quarter', year, quarter: Number(f.quarter) } : null;
    case 'halfYear':
    case 'nineMonths':
    case 'year':
      return valid ? { kind: f.kind, year } : null;
    case 'custom':
      return customRangeProblem(f.from, f.to) === null ? { kind: 'custom', from: f.from, to: f.to } : null;
  }
}

function kindLabel(kind: PeriodKind, s: UiStrings): string {
  const labels: Record<PeriodKind, string> = {
    month: s.kindMonth,
    quarter: s.kindQuarter,
    halfYear: s.kindHalfYear,
    nineMonths: s.kindNineMonths,
    year: s.kindYear,
    custom: s.kindCustom,
  };
  return labels[kind];
}

/**
 * The period fieldset: kind, year, month or quarter, or the two dates of a custom range, and the
 * range it stands for written out (`rangeTestId` names that line for the tests).
 */
export function PeriodFieldset(props: {
  period: PeriodForm;
  onChange: (key: keyof PeriodForm, value: string) => void;
  lang: Language;
  rangeTestId: string;
}): ReactNode {
  const { period, lang } = props;
  const s = UI_STRINGS[lang];
  const styles = useStyles();
  const legendId = useId();
  const choice = choiceOf(period);
  const range = choice ? periodRange(choice) : null;
  const customProblem = period.kind === 'custom' ? customRangeProblem(period.from, period.to) : null;
  const set = (key: keyof PeriodForm) => (_: unknown, d: { value: string }) => props.onChange(key, d.value);
  return (
    <fieldset className={styles.fieldset} aria-labelledby={legendId}>
      <legend id={legendId}>
        <Text weight="semibold">{s.period}</Text>
      </legend>
      <div className={styles.row}>
        <Field label={s.periodKind} className={styles.grow}>
          <Select value={period.kind} onChange={set('kind')}>
            {PERIOD_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k, s)}
              </option>
            ))}
          </Select>
        </Field>
        {period.kind !== 'custom' && (
          <Field label={s.year} className={styles.grow} validationMessage={choice ? undefined : s.invalidPeriod}>
            <Input type="number" min={1901} max={9999} value={period.year} onChange={set('year')} />
          </Field>
        )}
        {period.kind === 'month' && (
          <Field label={s.month} className={styles.grow}>
            <Select value={period.month} onChange={set('month')}>
              {Array.from({ length: 12 }, (_, i) => (
                <option key={i + 1} value={String(i + 1)}>
                  {i + 1}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {period.kind === 'quarter' && (
          <Field label={s.quarter} className={styles.grow}>
            <Select value={period.quarter} onChange={set('quarter')}>
              {['I', 'II', 'III', 'IV'].map((q, i) => (
                <option key={q} value={String(i + 1)}>
                  {q}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      {period.kind === 'custom' && (
        <div className={styles.row}>
          <DateField label={s.from} lang={lang} className={styles.grow} validationMessage={customProblem ? customProblem[lang] : undefined} value={period.from} onChange={(v) => props.onChange('from', v)} />
          <DateField label={s.to} lang={lang} className={styles.grow} value={period.to} onChange={(v) => props.onChange('to', v)} />
        </div>
      )}
      <Text size={300} className={styles.range} data-testid={props.rangeTestId}>
        {choice && range ? `${choice.kind === 'custom' ? '' : `${periodName(choice)[lang]}: `}${rangeText(range)[lang]}` : s.invalidPeriod}
      </Text>
    </fieldset>
  );
}
