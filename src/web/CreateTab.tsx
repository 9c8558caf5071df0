/**
 * Tạo biểu mẫu: choose tables and the report information (unit, number, date, issuer, a Decree
 * 09/2019 period or a custom one, data rows), then download the workbook `bieumau new` writes
 * with the same options — the same layout, formulas and defined names, made in the page.
 */
import { useId, useMemo, useState, type ReactNode } from 'react';
import { Button, Checkbox, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { BUILTIN_CATALOG, SEED_REPORT } from '../core/forms/builtin';
import type { Template } from '../core/forms/template';
import { templateKey, type PackCatalog } from '../core/forms/catalog';
import type { LayoutOptions } from '../core/forms/plan';
import { isValidIsoDate } from '../core/dates';
import { defaultPeriod, periodRange } from '../core/periods';
import { reportFromForm, type ReportForm } from '../core/text';
import { format, type Language } from '../ui/i18n';
import { ReportFields } from '../ui/ReportFields';
import { FIELDSET_STYLE, PeriodFieldset, choiceOf, formFromChoice, todayIso, type PeriodForm } from '../ui/PeriodFieldset';
import { TabForm } from './TabForm';
import { WEB_STRINGS } from './strings';
import { XLSX_TYPE, createWorkbook } from './engine';
import { download } from '../ui/download';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0, maxWidth: '720px' },
  fieldset: FIELDSET_STYLE,
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  grow: { flexGrow: 1, flexBasis: '200px', minWidth: 0 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** The tables to put in the workbook, one box each; a message while none is chosen. */
function TablesFieldset({ offered, chosen, lang, noneChosen, onToggle }: { offered: readonly Template[]; chosen: ReadonlySet<string>; lang: Language; noneChosen: boolean; onToggle: (id: string, on: boolean) => void }): ReactNode {
  const styles = useStyles();
  const s = WEB_STRINGS[lang];
  const legendTables = useId();
  return (
    <fieldset className={styles.fieldset} aria-labelledby={legendTables}>
      <legend id={legendTables}>
        <Text weight="semibold">{s.tablesLegend}</Text>
      </legend>
      {offered.map((t) => (
        <Checkbox
          key={templateKey(t)}
          checked={chosen.has(templateKey(t))}
          onChange={(_, d) => onToggle(templateKey(t), d.checked === true)}
          label={t.summary ? `${t.name[lang]}: ${t.summary[lang]}` : `${t.name[lang]}: ${t.title[lang]}`}
          data-template={templateKey(t)}
        />
      ))}
      {noneChosen && (
        <Text role="alert" className={styles.error}>
          {s.chooseOneTable}
        </Text>
      )}
    </fieldset>
  );
}

export function CreateTab({ lang, announce, today, catalog = BUILTIN_CATALOG }: { lang: Language; announce: (text: string) => void; today?: string; catalog?: PackCatalog }): ReactNode {
  const styles = useStyles();
  const s = WEB_STRINGS[lang];
  const day = today ?? todayIso();
  // The standard tables are chosen at first; a deployed pack's tables are offered beside them (packs/index.json).
  const offered = catalog.list();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(BUILTIN_CATALOG.list().map(templateKey)));
  const [report, setReport] = useState<ReportForm>({ unit: '', reportNo: '', reportDate: '', reportBy: '' });
  const [period, setPeriod] = useState<PeriodForm>(() => formFromChoice(defaultPeriod(day), Number(day.slice(0, 4))));
  const [rows, setRows] = useState('');
  const [sample, setSample] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');

  const choice = useMemo(() => choiceOf(period), [period]);
  const range = useMemo(() => (choice ? periodRange(choice) : null), [choice]);
  const rowsValue = rows.trim() === '' ? undefined : /^\d+$/.test(rows.trim()) ? Number(rows.trim()) : NaN;
  const rowsProblem = rowsValue !== undefined && !(Number.isInteger(rowsValue) && rowsValue >= 1 && rowsValue <= 10000);
  const dateProblem = report.reportDate !== '' && !isValidIsoDate(report.reportDate);
  const templates: Template[] = offered.filter((t) => chosen.has(templateKey(t)));
  const ready = templates.length > 0 && range !== null && !rowsProblem && !dateProblem;

  const toggle = (id: string, on: boolean): void =>
    setChosen((c) => {
      const next = new Set(c);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const submit = async (): Promise<void> => {
    if (!ready || busy || !range) return;
    // The report information as the command line takes it (core/text: trimmed, NFC, absent when blank).
    const options: LayoutOptions = { ...reportFromForm(report, sample ? SEED_REPORT : {}), from: range.from, to: range.to };
    if (rowsValue !== undefined) options.dataRows = rowsValue;
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
    <TabForm className={styles.form} label={s.tabCreate} intro={s.createIntro} onSubmit={() => void submit()}>
      <TablesFieldset offered={offered} chosen={chosen} lang={lang} noneChosen={templates.length === 0} onToggle={toggle} />
      <ReportFields value={report} lang={lang} onChange={(key, value) => setReport((r) => ({ ...r, [key]: value }))} />
      <PeriodFieldset period={period} onChange={(key, value) => setPeriod((p) => ({ ...p, [key]: value }))} lang={lang} rangeTestId="web-period-range" />
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
    </TabForm>
  );
}
