/**
 * Thiết lập báo cáo: issuing unit, report number and date, who reports, and the period, with quick
 * picks for the standard periods of Decree 09/2019/NĐ-CP. Saved in the workbook; saving updates the
 * heading of every table already inserted. Settings read from the workbook after the form is shown
 * fill only the fields the clerk has not touched yet.
 */
import { useId, useMemo, useState, type ReactNode } from 'react';
import { Button, Field, Input, Select, Text, makeStyles, tokens, type InputOnChangeData } from '@fluentui/react-components';
import type { ReportInfo } from '../../excel/types';
import { formatDateVi, isValidIsoDate } from '../../core/dates';
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
  dateShown: { color: tokens.colorNeutralForeground2, minHeight: tokens.lineHeightBase200 },
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

function periodFormOf(settings: ReportInfo, day: string): PeriodForm {
  const initial = settings.from && settings.to ? identifyPeriod({ from: settings.from, to: settings.to }) : defaultPeriod(day);
  return formFromChoice(initial, Number(day.slice(0, 4)));
}

/**
 * A native date input (it shows the date in the browser's own format, mm/dd/yyyy on an English
 * Windows) with the chosen date written the Vietnamese way (dd/mm/yyyy) right under it, as the
 * input's description for screen readers; empty when no date is chosen.
 */
function DateField(props: {
  label: string;
  value: string;
  onChange: (ev: unknown, data: InputOnChangeData) => void;
  className?: string;
  validationMessage?: string;
}): ReactNode {
  const s = useAppStrings();
  const styles = useStyles();
  const shownId = useId();
  return (
    <Field label={props.label} className={props.className} validationMessage={props.validationMessage}>
      <Input type="date" value={props.value} onChange={props.onChange} aria-describedby={shownId} />
      <Text id={shownId} size={200} className={styles.dateShown}>
        {isValidIsoDate(props.value) ? format(s.dateShown, { date: formatDateVi(props.value) }) : ''}
      </Text>
    </Field>
  );
}

/** Form fields the clerk may have edited: the report's texts one by one, the period as a whole. */
type EditedKey = 'unit' | 'reportNo' | 'reportDate' | 'reportBy' | 'period';
const INFO_KEYS = ['unit', 'reportNo', 'reportDate', 'reportBy'] as const;

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
  const [period, setPeriod] = useState<PeriodForm>(() => periodFormOf(settings, day));
  const [busy, setBusy] = useState(false);
  const legendId = useId();
  /** Fields the clerk has changed in this form. */
  const [edited, setEdited] = useState<ReadonlySet<EditedKey>>(() => new Set());
  /** The settings the form was last filled from (or last saved). */
  const [shown, setShown] = useState<ReportInfo>(settings);

  // Saved settings read from the workbook after the form appeared (Excel can be slow to answer):
  // fill what the clerk has not touched, keep what they typed. Adjusted during render, no remount.
  if (settings !== shown) {
    setShown(settings);
    setInfo((i) => {
      const next = { ...i, from: settings.from, to: settings.to };
      for (const k of INFO_KEYS) if (!edited.has(k)) next[k] = settings[k];
      return next;
    });
    if (!edited.has('period')) setPeriod(periodFormOf(settings, day));
  }

  const markEdited = (key: EditedKey): void => setEdited((e) => (e.has(key) ? e : new Set(e).add(key)));

  const choice = useMemo(() => choiceOf(period), [period]);
  const range = useMemo(() => (choice ? periodRange(choice) : null), [choice]);
  const customProblem = period.kind === 'custom' ? customRangeProblem(period.from, period.to) : null;

  const setText = (key: (typeof INFO_KEYS)[number]) => (_: unknown, data: { value: string }) => {
    markEdited(key);
    setInfo((i) => ({ ...i, [key]: data.value }));
  };
  const setP = (key: keyof PeriodForm) => (_: unknown, data: { value: string }) => {
    markEdited('period');
    setPeriod((p) => ({ ...p, [key]: data.value }));
  };

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
      // What the form shows is what was saved: not settings to fill the form with.
      setShown(next);
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
        <DateField label={s.reportDate} className={styles.grow} value={info.reportDate} onChange={setText('reportDate')} />
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
            <DateField label={s.from} className={styles.grow} validationMessage={customProblem ? customProblem[lang] : undefined} value={period.from} onChange={setP('from')} />
            <DateField label={s.to} className={styles.grow} value={period.to} onChange={setP('to')} />
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
