/**
 * Tổng hợp: the units' workbooks (and optionally the list of units expected) become one consolidated
 * workbook, as `bieumau consolidate` makes it (`core/combine/consolidate`: a row per unit, groups with
 * subtotals, missing units marked, Biểu 04 summed with a detail sheet, the Nguồn sheet), downloaded
 * from the page. "Theo kỳ" (the choice "Cách tổng hợp") makes instead the roll-up of one unit's
 * consecutive periods, as `bieumau roll-up` makes it (`core/combine/rollup`), downloaded as
 * `luy-ke-<from>-<to>.xlsx`. Files are read one at a time in the page; nothing is sent anywhere.
 */
import { useId, useReducer, useState, type ReactNode } from 'react';
import { Button, Checkbox, Field, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Consolidation } from '../core/combine/consolidate';
import type { PackCatalog } from '../core/forms/catalog';
import type { RollUp } from '../core/combine/rollup';
import { unitsField } from '../ui/model/units-field';
import { includedCount } from '../ui/model/counts';
import { isValidIsoDate } from '../core/dates';
import { formatNumberIn } from '../core/numbers';
import { reportFromForm, type ReportForm } from '../core/text';
import { format, type Language } from '../ui/i18n';
import { FIELDSET_STYLE } from '../ui/PeriodFieldset';
import { ReportFields } from '../ui/ReportFields';
import { FilePicker, XLSX_ACCEPT, fileSource } from '../ui/FilePicker';
import { ConsolidationRefusals, ConsolidationSummary } from '../ui/ConsolidationSummary';
import { TabForm } from './TabForm';
import { WEB_STRINGS } from './strings';
import { ModeChoice } from '../ui/ModeChoice';
import { UnitsInput } from '../ui/UnitsInput';
import { combineForm, combineFormStart } from '../ui/model/combine';
import { RollUpResult } from '../ui/RollUpResult';
import { XLSX_TYPE, consolidateFiles, rollUpFiles } from './engine';
import { download } from '../ui/download';
import type { Source } from '../xlsx/intake';
import { ExportButtons } from './ExportButtons';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0, maxWidth: '720px' },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  grow: { flexGrow: 1, flexBasis: '200px', minWidth: 0 },
  fieldset: FIELDSET_STYLE,
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** The workbook just consolidated or rolled up, as the export reads it (named as it was downloaded). */
function exportedWorkbook({ file, bytes }: { file: string | null; bytes: Uint8Array | null }): Source[] {
  return file !== null && bytes !== null ? [{ name: file, bytes: async () => bytes }] : [];
}

/** What the last Tổng hợp gave: the consolidation or the roll-up, with the workbook downloaded (none when refused); or why the page failed. */
type WebOutcome =
  | { kind: 'consolidated'; consolidation: Consolidation; file: string | null; bytes: Uint8Array | null }
  | { kind: 'rolled'; result: RollUp; file: string | null; bytes: Uint8Array | null }
  | { kind: 'failed'; message: string };
type Progress = { done: number; total: number };

const ALLOW_ERRORS_SWITCH = { vi: `“${WEB_STRINGS.vi.allowErrors}”`, en: `“${WEB_STRINGS.en.allowErrors}”` };

/** The form, the files chosen, the consolidated workbook's report information, and Tổng hợp itself (download included). */
function useCombine(lang: Language, announce: (text: string) => void, catalog: PackCatalog) {
  const s = WEB_STRINGS[lang];
  const num = (n: number): string => formatNumberIn(n, lang);
  const [form, dispatch] = useReducer(combineForm<WebOutcome, Progress>, undefined, combineFormStart<WebOutcome, Progress>);
  const [files, setFiles] = useState<File[]>([]);
  const [report, setReport] = useState<ReportForm>({ unit: '', reportNo: '', reportDate: '', reportBy: '' });
  const { units, problem: unitsProblem } = unitsField(form.unitsText, lang);
  const dateProblem = report.reportDate !== '' && !isValidIsoDate(report.reportDate);
  const byPeriod = form.mode === 'periods';
  const ready = files.length > 0 && (byPeriod || unitsProblem === '') && !dateProblem && form.working === null;
  const combine = async (): Promise<WebOutcome> => {
    const chosen = files.map(fileSource);
    const options = { report: reportFromForm(report), allowErrors: form.allowErrors, allowErrorsSwitch: ALLOW_ERRORS_SWITCH };
    const progress = (n: number): void => dispatch({ type: 'progress', working: { done: n, total: files.length } });
    if (byPeriod) {
      const { rollUp, bytes } = await rollUpFiles(chosen, options, catalog, progress);
      const p = rollUp.summary.period;
      const file = bytes && p ? `luy-ke-${p.from}-${p.to}.xlsx` : null;
      if (bytes && file) download(file, bytes, XLSX_TYPE);
      announce(file ? format(s.rolledUpFile, { included: num(includedCount(rollUp.summary)), total: num(files.length), file }) : s.rollUpNotMade);
      return { kind: 'rolled', result: rollUp, file, bytes };
    }
    const { consolidation, bytes } = await consolidateFiles(chosen, { ...options, units }, catalog, progress);
    const p = consolidation.summary.period;
    const file = bytes ? (p ? `tong-hop-${p.from}-${p.to}.xlsx` : 'tong-hop.xlsx') : null;
    if (bytes && file) download(file, bytes, XLSX_TYPE);
    announce(file ? format(s.consolidatedFile, { included: num(includedCount(consolidation.summary)), total: num(files.length), file }) : s.refused);
    return { kind: 'consolidated', consolidation, file, bytes };
  };
  const run = async (): Promise<void> => {
    if (!ready) return;
    dispatch({ type: 'start', working: { done: 0, total: files.length } });
    const outcome = await combine().catch((e: unknown): WebOutcome => ({ kind: 'failed', message: format(s.engineFailed, { detail: e instanceof Error ? e.message : String(e) }) }));
    dispatch({ type: 'finish', outcome });
  };
  const chooseFiles = (chosen: File[]): void => {
    setFiles(chosen);
    dispatch({ type: 'outcome', outcome: null });
  };
  return { form, dispatch, files, chooseFiles, report, setReport, unitsProblem, ready, run };
}

/** The last outcome: the roll-up or the consolidation (refusals, summary, export buttons), or the page's failure. */
function Outcome({ outcome, lang, announce, catalog }: { outcome: WebOutcome | null; lang: Language; announce: (text: string) => void; catalog: PackCatalog }): ReactNode {
  const styles = useStyles();
  const s = WEB_STRINGS[lang];
  const num = (n: number): string => formatNumberIn(n, lang);
  if (outcome === null) return null;
  if (outcome.kind === 'failed')
    return (
      <Text role="alert" className={styles.error}>
        {outcome.message}
      </Text>
    );
  const { file, bytes } = outcome;
  const exports = file !== null && bytes !== null && <ExportButtons lang={lang} catalog={catalog} base={`${file.replace(/\.xlsx$/, '')}-so-lieu`} announce={announce} files={() => exportedWorkbook(outcome)} />;
  if (outcome.kind === 'rolled') {
    const { summary } = outcome.result;
    return (
      <div className={styles.root} data-testid="consolidate-result" data-mode="periods" data-written={file !== null ? 'yes' : 'no'}>
        <RollUpResult result={outcome.result} headline={file !== null ? format(s.rolledUpFile, { included: num(includedCount(summary)), total: num(summary.sources.length), file }) : null} refusedHeading={s.rollUpNotMade} lang={lang} />
        {exports}
      </div>
    );
  }
  const { summary, refusals } = outcome.consolidation;
  return (
    <div className={styles.root} data-testid="consolidate-result" data-written={file !== null ? 'yes' : 'no'}>
      {refusals.length > 0 ? <ConsolidationRefusals messages={refusals.map((r) => r.message[lang])} kinds={refusals.map((r) => r.kind)} lang={lang} testId="consolidate-refusals" /> : null}
      <ConsolidationSummary
        summary={summary}
        lang={lang}
        headline={file !== null ? format(s.consolidatedFile, { included: num(includedCount(summary)), total: num(summary.sources.length), file }) : null}
        textTestId="consolidate-summary"
        sourcesTestId="consolidate-sources"
      />
      {exports}
    </div>
  );
}

export function ConsolidateTab({ lang, announce, catalog }: { lang: Language; announce: (text: string) => void; catalog: PackCatalog }): ReactNode {
  const styles = useStyles();
  const s = WEB_STRINGS[lang];
  const num = (n: number): string => formatNumberIn(n, lang);
  const legendId = useId();
  const { form, dispatch, files, chooseFiles, report, setReport, unitsProblem, ready, run } = useCombine(lang, announce, catalog);
  const byPeriod = form.mode === 'periods';
  const progress = form.working;

  return (
    <TabForm className={styles.root} label={s.tabConsolidate} intro={byPeriod ? s.rollUpFilesIntro : s.consolidateFilesIntro} onSubmit={() => void run()}>
      <ModeChoice value={form.mode} lang={lang} disabled={progress !== null} onChange={(mode) => dispatch({ type: 'mode', mode })} />
      <div className={styles.row}>
        <FilePicker label={s.chooseSources} accept={XLSX_ACCEPT} multiple inputTestId="sources-input" onFiles={chooseFiles} />
        <Text data-testid="sources-chosen">{files.length > 0 ? format(s.sourcesChosen, { count: num(files.length) }) : s.noSources}</Text>
      </div>
      {!byPeriod && <UnitsInput text={form.unitsText} onText={(text) => dispatch({ type: 'unitsText', text })} labels={s} problem={unitsProblem} fileTestId="units-input" />}
      <fieldset className={styles.fieldset} aria-labelledby={legendId}>
        <legend id={legendId}>
          <Text weight="semibold">{s.consolidatedInfo}</Text>
        </legend>
        <ReportFields value={report} lang={lang} onChange={(key, value) => setReport((r) => ({ ...r, [key]: value }))} />
      </fieldset>
      <Field hint={byPeriod ? s.rollUpAllowErrorsHint : s.allowErrorsHint}>
        <Checkbox checked={form.allowErrors} onChange={(_, d) => dispatch({ type: 'allowErrors', on: d.checked === true })} label={s.allowErrors} />
      </Field>
      <div>
        <Button appearance="primary" type="submit" disabledFocusable={!ready}>
          {byPeriod ? s.rollUpDownload : s.consolidate}
        </Button>
      </div>
      {progress && <Text data-testid="consolidate-progress">{format(s.readingProgress, { done: num(progress.done), total: num(progress.total) })}</Text>}
      <Outcome outcome={form.outcome} lang={lang} announce={announce} catalog={catalog} />
    </TabForm>
  );
}
