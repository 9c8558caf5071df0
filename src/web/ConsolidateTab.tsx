/**
 * Tổng hợp: the units' workbooks (and optionally the list of units expected) become one consolidated
 * workbook, as `bieumau consolidate` makes it (`core/consolidate`: a row per unit, groups with
 * subtotals, missing units marked, Biểu 04 summed with a detail sheet, the Nguồn sheet), downloaded
 * from the page. "Theo kỳ" (the choice "Cách tổng hợp") makes instead the roll-up of one unit's
 * consecutive periods, as `bieumau roll-up` makes it (`core/rollup`), downloaded as
 * `luy-ke-<from>-<to>.xlsx`. Files are read one at a time in the page; nothing is sent anywhere.
 */
import { useId, useState, type ReactNode } from 'react';
import { Button, Checkbox, Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { Consolidation } from '../core/consolidate';
import type { PackCatalog } from '../core/catalog';
import type { RollUp } from '../core/rollup';
import { unitsField } from '../ui/model/units';
import { includedCount } from '../ui/model/counts';
import { isValidIsoDate } from '../core/dates';
import { formatNumberIn } from '../core/numbers';
import { reportFromForm, type ReportForm } from '../core/text';
import { format, type Language } from '../ui/i18n';
import { FIELDSET_STYLE } from '../ui/PeriodFieldset';
import { ReportFields } from '../ui/ReportFields';
import { CSV_ACCEPT, FilePicker, XLSX_ACCEPT, fileSource, fileText } from '../ui/FilePicker';
import { ConsolidationRefusals, ConsolidationSummary } from '../ui/ConsolidationSummary';
import { TabForm } from './TabForm';
import { WEB_STRINGS } from './strings';
import { ModeChoice, type ConsolidateMode } from '../ui/ModeChoice';
import { RollUpResult } from '../ui/RollUpResult';
import { XLSX_TYPE, consolidateFiles, download, rollUpFiles } from './engine';
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

interface Done {
  consolidation: Consolidation;
  file: string | null;
  /** The workbook downloaded as `file` (its figures are what the export buttons give). */
  bytes: Uint8Array | null;
}

export function ConsolidateTab({ lang, announce, catalog }: { lang: Language; announce: (text: string) => void; catalog: PackCatalog }): ReactNode {
  const styles = useStyles();
  const s = WEB_STRINGS[lang];
  const num = (n: number): string => formatNumberIn(n, lang);
  const legendId = useId();
  const [files, setFiles] = useState<File[]>([]);
  const [unitsText, setUnitsText] = useState('');
  const [report, setReport] = useState<ReportForm>({ unit: '', reportNo: '', reportDate: '', reportBy: '' });
  const [allowErrors, setAllowErrors] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [mode, setMode] = useState<ConsolidateMode>('units');
  const [rolled, setRolled] = useState<{ result: RollUp; file: string | null; bytes: Uint8Array | null } | null>(null);
  const [failure, setFailure] = useState('');

  const { units, problem: unitsProblem } = unitsField(unitsText, lang);
  const dateProblem = report.reportDate !== '' && !isValidIsoDate(report.reportDate);
  const byPeriod = mode === 'periods';
  const ready = files.length > 0 && (byPeriod || unitsProblem === '') && !dateProblem && progress === null;

  const run = async (): Promise<void> => {
    if (!ready) return;
    setFailure('');
    setDone(null);
    setRolled(null);
    setProgress({ done: 0, total: files.length });
    try {
      const chosen = files.map(fileSource);
      const allowErrorsSwitch = { vi: `“${WEB_STRINGS.vi.allowErrors}”`, en: `“${WEB_STRINGS.en.allowErrors}”` };
      if (byPeriod) {
        const { rollUp, bytes } = await rollUpFiles(chosen, { report: reportFromForm(report), allowErrors, allowErrorsSwitch }, catalog, (n) => setProgress({ done: n, total: files.length }));
        const p = rollUp.summary.period;
        const file = bytes && p ? `luy-ke-${p.from}-${p.to}.xlsx` : null;
        if (bytes && file) download(file, bytes, XLSX_TYPE);
        setRolled({ result: rollUp, file, bytes });
        const included = includedCount(rollUp.summary);
        announce(file ? format(s.rolledUpFile, { included: num(included), total: num(files.length), file }) : s.rollUpNotMade);
        return;
      }
      const { consolidation, bytes } = await consolidateFiles(chosen, { report: reportFromForm(report), units, allowErrors, allowErrorsSwitch }, catalog, (n) => setProgress({ done: n, total: files.length }));
      let file: string | null = null;
      if (bytes) {
        const p = consolidation.summary.period;
        file = p ? `tong-hop-${p.from}-${p.to}.xlsx` : 'tong-hop.xlsx';
        download(file, bytes, XLSX_TYPE);
      }
      setDone({ consolidation, file, bytes });
      const included = includedCount(consolidation.summary);
      announce(file ? format(s.consolidatedFile, { included: num(included), total: num(files.length), file }) : s.refused);
    } catch (e) {
      setFailure(format(s.engineFailed, { detail: e instanceof Error ? e.message : String(e) }));
    } finally {
      setProgress(null);
    }
  };

  const summary = done?.consolidation.summary;
  const included = summary ? includedCount(summary) : 0;

  return (
    <TabForm className={styles.root} label={s.tabConsolidate} intro={byPeriod ? s.rollUpFilesIntro : s.consolidateFilesIntro} onSubmit={() => void run()}>
      <ModeChoice
        value={mode}
        lang={lang}
        disabled={progress !== null}
        onChange={(m) => {
          setMode(m);
          setDone(null);
          setRolled(null);
        }}
      />
      <div className={styles.row}>
        <FilePicker
          label={s.chooseSources}
          accept={XLSX_ACCEPT}
          multiple
          inputTestId="sources-input"
          onFiles={(chosen) => {
            setFiles(chosen);
            setDone(null);
            setRolled(null);
          }}
        />
        <Text data-testid="sources-chosen">{files.length > 0 ? format(s.sourcesChosen, { count: num(files.length) }) : s.noSources}</Text>
      </div>
      {!byPeriod && (
        <>
          <Field label={s.unitsList} hint={s.unitsHint} validationMessage={unitsProblem || undefined}>
            <Textarea value={unitsText} onChange={(_, d) => setUnitsText(d.value)} rows={4} resize="vertical" />
          </Field>
          <div className={styles.row}>
            <FilePicker label={s.unitsFile} accept={CSV_ACCEPT} inputTestId="units-input" size="small" onFiles={([f]) => void (f ? fileText(f).then(setUnitsText) : undefined)} />
          </div>
        </>
      )}
      <fieldset className={styles.fieldset} aria-labelledby={legendId}>
        <legend id={legendId}>
          <Text weight="semibold">{s.consolidatedInfo}</Text>
        </legend>
        <ReportFields value={report} lang={lang} onChange={(key, value) => setReport((r) => ({ ...r, [key]: value }))} />
      </fieldset>
      <Field hint={byPeriod ? s.rollUpAllowErrorsHint : s.allowErrorsHint}>
        <Checkbox checked={allowErrors} onChange={(_, d) => setAllowErrors(d.checked === true)} label={s.allowErrors} />
      </Field>
      <div>
        <Button appearance="primary" type="submit" disabledFocusable={!ready}>
          {byPeriod ? s.rollUpDownload : s.consolidate}
        </Button>
      </div>
      {progress && <Text data-testid="consolidate-progress">{format(s.readingProgress, { done: num(progress.done), total: num(progress.total) })}</Text>}
      {failure !== '' && (
        <Text role="alert" className={styles.error}>
          {failure}
        </Text>
      )}
      {rolled && (
        <div className={styles.root} data-testid="consolidate-result" data-mode="periods" data-written={rolled.file !== null ? 'yes' : 'no'}>
          <RollUpResult
            result={rolled.result}
            headline={rolled.file !== null ? format(s.rolledUpFile, { included: num(includedCount(rolled.result.summary)), total: num(rolled.result.summary.sources.length), file: rolled.file }) : null}
            refusedHeading={s.rollUpNotMade}
            lang={lang}
          />
          {rolled.file !== null && rolled.bytes !== null && (
            <ExportButtons lang={lang} catalog={catalog} base={`${rolled.file.replace(/\.xlsx$/, '')}-so-lieu`} announce={announce} files={() => exportedWorkbook(rolled)} />
          )}
        </div>
      )}
      {done && summary && (
        <div className={styles.root} data-testid="consolidate-result" data-written={done.file !== null ? 'yes' : 'no'}>
          {done.consolidation.refusals.length > 0 ? (
            <ConsolidationRefusals messages={done.consolidation.refusals.map((r) => r.message[lang])} kinds={done.consolidation.refusals.map((r) => r.kind)} lang={lang} testId="consolidate-refusals" />
          ) : null}
          <ConsolidationSummary
            summary={summary}
            lang={lang}
            headline={done.file !== null ? format(s.consolidatedFile, { included: num(included), total: num(summary.sources.length), file: done.file }) : null}
            textTestId="consolidate-summary"
            sourcesTestId="consolidate-sources"
          />
          {done.file !== null && done.bytes !== null && (
            <ExportButtons lang={lang} catalog={catalog} base={`${done.file.replace(/\.xlsx$/, '')}-so-lieu`} announce={announce} files={() => exportedWorkbook(done)} />
          )}
        </div>
      )}
    </TabForm>
  );
}
