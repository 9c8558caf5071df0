/**
 * Tạo biểu mẫu: choose tables and the report information (unit, number, date, issuer, a Decree
 * 09/2019 period or a custom one, data rows), then download the workbook `bieumau new` writes
 * with the same options — the same layout, formulas and defined names, made in the page.
 */
import { useId, useMemo, useState, type ReactNode } from 'react';
import { Button, Checkbox, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { BUILTIN_CATALOG, SEED_REPORT, type Template } from '../templates';
import { templateKey, type PackCatalog } from '../core/catalog';
import type { LayoutOptions } from '../core/plan';
import { formatDateVi, isValidIsoDate } from '../core/dates';
import { customRangeProblem, defaultPeriod, periodName, periodRange, rangeText, type PeriodChoice, type PeriodKind, PERIOD_KINDS } from '../core/periods';
import type { Language } from '../taskpane/strings';
import { APP_STRINGS, type AppStrings } from '../taskpane/app/strings';
import { format } from '../taskpane/i18n';
import { WEB_STRINGS } from './strings';
import { XLSX_TYPE, createWorkbook, download } from './engine';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0, maxWidth: '720px' },
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
  grow: { flexGrow: 1, flexBasis: '200px', minWidth: 0 },
  range: { fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground2 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

function todayIso(): string {
  const d = new Date();
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function kindLabel(kind: PeriodKind, s: AppStrings): string {
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

interface PeriodForm {
  kind: PeriodKind;
  year: string;
  month: string;
  quarter: string;
  from: string;
  to: string;
}

function initialPeriod(day: string): PeriodForm {
  const c = defaultPeriod(day);
  const r = c.kind === 'custom' ? { from: c.from, to: c.to } : periodRange(c);
  return {
    kind: c.kind,
    year: String(c.kind === 'custom' ? Number(day.slice(0, 4)) : c.year),
    month: String(c.kind === 'month' ? c.month : 1),
    quarter: String(c.kind === 'quarter' ? c.quarter : 1),
    from: r.from,
    to: r.to,
  };
}

/** The choice the form describes, or null when it is not a valid period. */
function choiceOf(f: PeriodForm): PeriodChoice | null {
  const year = Number(f.year);
  const valid = /^\d{4}$/.test(f.year.trim()) && year >= 1901 && year <= 9999;
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

/** A text option as the command line takes it: trimmed, NFC, absent when blank. */
function text(v: string): string | undefined {
  const t = v.normalize('NFC').trim();
  return t === '' ? undefined : t;
}

/** A date input with the chosen date written the Vietnamese way under it (its description). */
function DateInput(props: { label: string; value: string; onChange: (v: string) => void; lang: Language; invalid?: string; className?: string }): ReactNode {
  const styles = useStyles();
  const shownId = useId();
  const a = APP_STRINGS[props.lang];
  return (
    <Field label={props.label} className={props.className} validationMessage={props.invalid}>
      <Input type="date" value={props.value} onChange={(_, d) => props.onChange(d.value)} aria-describedby={shownId} />
      <Text id={shownId} size={200} className={styles.hint}>
        {isValidIsoDate(props.value) ? format(a.dateShown, { date: formatDateVi(props.value) }) : ''}
      </Text>
    </Field>
  );
}

export function CreateTab({ lang, announce, today, catalog = BUILTIN_CATALOG }: { lang: Language; announce: (text: string) => void; today?: string; catalog?: PackCatalog }): ReactNode {
  const styles = useStyles();
  const s = WEB_STRINGS[lang];
  const a = APP_STRINGS[lang];
  const day = today ?? todayIso();
  // The standard tables are chosen at first; a deployed pack's tables are offered beside them (packs/index.json).
  const offered = catalog.list();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(BUILTIN_CATALOG.list().map(templateKey)));
  const [unit, setUnit] = useState('');
  const [reportNo, setReportNo] = useState('');
  const [reportDate, setReportDate] = useState('');
  const [reportBy, setReportBy] = useState('');
  const [period, setPeriod] = useState<PeriodForm>(() => initialPeriod(day));
  const [rows, setRows] = useState('');
  const [sample, setSample] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');
  const legendTables = useId();
  const legendPeriod = useId();

  const choice = useMemo(() => choiceOf(period), [period]);
  const range = useMemo(() => (choice ? periodRange(choice) : null), [choice]);
  const customProblem = period.kind === 'custom' ? customRangeProblem(period.from, period.to) : null;
  const rowsValue = rows.trim() === '' ? undefined : /^\d+$/.test(rows.trim()) ? Number(rows.trim()) : NaN;
  const rowsProblem = rowsValue !== undefined && !(Number.isInteger(rowsValue) && rowsValue >= 1 && rowsValue <= 10000);
  const dateProblem = reportDate !== '' && !isValidIsoDate(reportDate);
  const templates: Template[] = offered.filter((t) => chosen.has(templateKey(t)));
  const ready = templates.length > 0 && range !== null && !rowsProblem && !dateProblem;

  const setP = (key: keyof PeriodForm) => (_: unknown, d: { value: string }) => setPeriod((p) => ({ ...p, [key]: d.value }));
  const toggle = (id: string, on: boolean): void =>
    setChosen((c) => {
      const next = new Set(c);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const submit = async (): Promise<void> => {
    if (!ready || busy || !range) return;
    const defaults = sample ? SEED_REPORT : undefined;
    const options: LayoutOptions = {
      unit: text(unit) ?? defaults?.unit,
      reportNo: text(reportNo) ?? defaults?.reportNo,
      reportDate: (reportDate === '' ? undefined : reportDate) ?? defaults?.reportDate,
      reportBy: text(reportBy) ?? defaults?.reportBy,
      from: range.from,
      to: range.to,
    };
    if (rowsValue !== undefined) options.dataRows = rowsValue;
    for (const k of Object.keys(options) as (keyof LayoutOptions)[]) if (options[k] === undefined) delete options[k];
    setBusy(true);
    setFailure('');
    announce(s.creating);
    try {
      const bytes = await createWorkbook(templates, options, sample);
      const file = `bieu-mau-${range.from}-${range.to}.xlsx`;
      download(file, bytes, XLSX_TYPE);
      announce(format(s.created, { file }));
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      setFailure(format(s.engineFailed, { detail }));
      announce('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className={styles.form}
      aria-label={s.tabCreate}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Text as="p" size={300}>
        {s.createIntro}
      </Text>
      <fieldset className={styles.fieldset} aria-labelledby={legendTables}>
        <legend id={legendTables}>
          <Text weight="semibold">{s.tablesLegend}</Text>
        </legend>
        {offered.map((t) => (
          <Checkbox
            key={templateKey(t)}
            checked={chosen.has(templateKey(t))}
            onChange={(_, d) => toggle(templateKey(t), d.checked === true)}
            label={t.summary ? `${t.name[lang]}: ${t.summary[lang]}` : `${t.name[lang]}: ${t.title[lang]}`}
            data-template={templateKey(t)}
          />
        ))}
        {templates.length === 0 && (
          <Text role="alert" className={styles.error}>
            {s.chooseOneTable}
          </Text>
        )}
      </fieldset>
      <Field label={a.unit} hint={a.unitHint}>
        <Input value={unit} onChange={(_, d) => setUnit(d.value)} />
      </Field>
      <div className={styles.row}>
        <Field label={a.reportNo} hint={a.reportNoHint} className={styles.grow}>
          <Input value={reportNo} onChange={(_, d) => setReportNo(d.value)} />
        </Field>
        <DateInput label={a.reportDate} value={reportDate} onChange={setReportDate} lang={lang} className={styles.grow} invalid={dateProblem ? s.reportDateInvalid : undefined} />
      </div>
      <Field label={a.reportBy} hint={a.reportByHint}>
        <Input value={reportBy} onChange={(_, d) => setReportBy(d.value)} />
      </Field>
      <fieldset className={styles.fieldset} aria-labelledby={legendPeriod}>
        <legend id={legendPeriod}>
          <Text weight="semibold">{a.period}</Text>
        </legend>
        <div className={styles.row}>
          <Field label={a.periodKind} className={styles.grow}>
            <Select value={period.kind} onChange={setP('kind')}>
              {PERIOD_KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindLabel(k, a)}
                </option>
              ))}
            </Select>
          </Field>
          {period.kind !== 'custom' && (
            <Field label={a.year} className={styles.grow} validationMessage={choice ? undefined : a.invalidPeriod}>
              <Input type="number" min={1901} max={9999} value={period.year} onChange={setP('year')} />
            </Field>
          )}
          {period.kind === 'month' && (
            <Field label={a.month} className={styles.grow}>
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
            <Field label={a.quarter} className={styles.grow}>
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
            <DateInput label={a.from} value={period.from} onChange={(v) => setPeriod((p) => ({ ...p, from: v }))} lang={lang} className={styles.grow} invalid={customProblem ? customProblem[lang] : undefined} />
            <DateInput label={a.to} value={period.to} onChange={(v) => setPeriod((p) => ({ ...p, to: v }))} lang={lang} className={styles.grow} />
          </div>
        )}
        <Text size={300} className={styles.range} data-testid="web-period-range">
          {choice && range ? `${choice.kind === 'custom' ? '' : `${periodName(choice)[lang]}: `}${rangeText(range)[lang]}` : a.invalidPeriod}
        </Text>
      </fieldset>
      <Field label={s.rows} hint={s.rowsHint} validationMessage={rowsProblem ? s.rowsInvalid : undefined}>
        <Input type="number" min={1} max={10000} value={rows} onChange={(_, d) => setRows(d.value)} />
      </Field>
      <Field hint={s.sampleHint}>
        <Checkbox checked={sample} onChange={(_, d) => setSample(d.checked === true)} label={s.sample} />
      </Field>
      {failure !== '' && (
        <Text role="alert" className={styles.error}>
          {failure}
        </Text>
      )}
      <div>
        <Button appearance="primary" type="submit" disabledFocusable={busy || !ready}>
          {busy ? s.creating : s.create}
        </Button>
      </div>
    </form>
  );
}
