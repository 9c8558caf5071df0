/**
 * Thiết lập báo cáo: issuing unit, report number and date, who reports, and the period, with quick
 * picks for the standard periods of Decree 09/2019/NĐ-CP. Saved in the workbook; saving updates the
 * heading of every table already inserted.
 */
import { useId, useMemo, useState, type ReactNode } from 'react';
import { Button, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReportInfo } from '../../excel/types';
import { customRangeProblem, defaultPeriod, identifyPeriod, periodName, periodRange, rangeText, type PeriodChoice, type PeriodKind } from '../../core/periods';
import { format } from '../i18n';
import { useAppStrings, useLang, usePane } from './context';
import type { AppStrings } from './strings';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  fieldset: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    margin: 0,
    minWidth: 0,
  },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  grow: { flexGrow: 1, minWidth: '120px' },
  range: { fontWeight: tokens.fontWeightSemibold },
});

function todayIso(): string {
  const d = new Date();
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function kindLabel(kind: PeriodKind, s: AppStrings): string {
  switch (kind) {
    case 'month':
      return s.kindMonth;
    case 'quarter':
      return s.kindQuarter;
    case 'halfYear':
      return s.kindHalfYear;
    case 'nineMonths':
      return s.kindNineMonths;
    case 'year':
      return s.kindYear;
    case 'custom':
      return s.kindCustom;
  }
}

const KINDS: PeriodKind[] = ['month', 'quarter', 'halfYear', 'nineMonths', 'year', 'custom'];

interface PeriodForm {
  kind: PeriodKind;
  year: string;
  month: string;
  quarter: string;
  from: string;
  to: string;
}

function formFromChoice(c: PeriodChoice, fallbackYear: number): PeriodForm {
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
function choiceOf(f: PeriodForm): PeriodChoice | null {
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

export default function SettingsTab({ today }: { today?: string }): ReactNode {
  const s = useAppStrings();
  const lang = useLang();
  const styles = useStyles();
  const { adapter, settings, setSettings, setCheck, run, announce } = usePane();
  const day = today ?? todayIso();
  const [info, setInfo] = useState<ReportInfo>(settings);
  const [period, setPeriod] = useState<PeriodForm>(() => {
    const initial = settings.from && settings.to ? identifyPeriod({ from: settings.from, to: settings.to }) : defaultPeriod(day);
    return formFromChoice(initial, Number(day.slice(0, 4)));
  });
  const [busy, setBusy] = useState(false);
  const legendId = useId();

  const choice = useMemo(() => choiceOf(period), [period]);
  const range = useMemo(() => (choice ? periodRange(choice) : null), [choice]);
  const customProblem = period.kind === 'custom' ? customRangeProblem(period.from, period.to) : null;

  const setText = (key: keyof ReportInfo) => (_: unknown, data: { value: string }) => setInfo((i) => ({ ...i, [key]: data.value }));
  const setP = (key: keyof PeriodForm) => (_: unknown, data: { value: string }) => setPeriod((p) => ({ ...p, [key]: data.value }));

  const save = async (): Promise<void> => {
    if (!range || busy) return;
    const next: ReportInfo = { ...info, unit: info.unit.trim(), reportNo: info.reportNo.trim(), reportBy: info.reportBy.trim(), from: range.from, to: range.to };
    setBusy(true);
    const count = await run(async () => {
      await adapter.saveSettings(next);
      return adapter.updateReportInfo(next);
    });
    setBusy(false);
    if (count !== undefined) {
      setSettings(next);
      // The headings and the period changed: the last check result no longer holds.
      if (count > 0) setCheck((c) => ({ ...c, findings: null }));
      announce(format(s.saved, { count }));
    }
  };

  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Text as="p" size={300}>
        {s.settingsIntro}
      </Text>
      <Field label={s.unit} hint={s.unitHint}>
        <Input value={info.unit} onChange={setText('unit')} />
      </Field>
      <div className={styles.row}>
        <Field label={s.reportNo} hint={s.reportNoHint} className={styles.grow}>
          <Input value={info.reportNo} onChange={setText('reportNo')} />
        </Field>
        <Field label={s.reportDate} className={styles.grow}>
          <Input type="date" value={info.reportDate} onChange={setText('reportDate')} />
        </Field>
      </div>
      <Field label={s.reportBy} hint={s.reportByHint}>
        <Input value={info.reportBy} onChange={setText('reportBy')} />
      </Field>
      <fieldset className={styles.fieldset} aria-labelledby={legendId}>
        <legend id={legendId}>
          <Text weight="semibold">{s.period}</Text>
        </legend>
        <div className={styles.row}>
          <Field label={s.periodKind} className={styles.grow}>
            <Select value={period.kind} onChange={setP('kind')}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindLabel(k, s)}
                </option>
              ))}
            </Select>
          </Field>
          {period.kind !== 'custom' && (
            <Field label={s.year} className={styles.grow} validationMessage={choice ? undefined : s.invalidPeriod}>
              <Input type="number" min={1901} max={9999} value={period.year} onChange={setP('year')} />
            </Field>
          )}
          {period.kind === 'month' && (
            <Field label={s.month} className={styles.grow}>
              <Select value={period.month} onChange={setP('month')}>
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
              <Select value={period.quarter} onChange={setP('quarter')}>
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
            <Field label={s.from} className={styles.grow} validationMessage={customProblem ? customProblem[lang] : undefined}>
              <Input type="date" value={period.from} onChange={setP('from')} />
            </Field>
            <Field label={s.to} className={styles.grow}>
              <Input type="date" value={period.to} onChange={setP('to')} />
            </Field>
          </div>
        )}
        <Text size={300} className={styles.range} data-testid="period-range">
          {choice && range ? `${choice.kind === 'custom' ? '' : `${periodName(choice)[lang]}: `}${rangeText(range)[lang]}` : s.invalidPeriod}
        </Text>
      </fieldset>
      <div>
        <Button appearance="primary" type="submit" disabledFocusable={busy || !range}>
          {busy ? s.saving : s.save}
        </Button>
      </div>
    </form>
  );
}
