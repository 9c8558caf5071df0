/**
 * Tổng hợp: the units' workbooks (and optionally the list of units expected) become one consolidated
 * workbook, as `bieumau consolidate` makes it (`core/consolidate`: a row per unit, groups with
 * subtotals, missing units marked, Biểu 04 summed with a detail sheet, the Nguồn sheet), downloaded
 * from the page. Files are read one at a time in the page; nothing is sent anywhere.
 */
import { useId, useState, type ReactNode } from 'react';
import { Button, Checkbox, Field, Input, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { Consolidation, ConsolidateOptions } from '../core/consolidate';
import type { PackCatalog } from '../core/catalog';
import { parseUnitsText, UnitsListError, type UnitEntry } from '../core/units';
import { isValidIsoDate } from '../core/dates';
import { EN_SEPARATORS, VI_SEPARATORS, formatNumber } from '../core/numbers';
import type { Language } from '../taskpane/strings';
import { APP_STRINGS } from '../taskpane/app/strings';
import { format } from '../taskpane/i18n';
import { WEB_STRINGS } from './strings';
import { XLSX_TYPE, consolidateFiles, download } from './engine';
import { FileButton, XLSX_ACCEPT } from './FileButton';
import { FIELDSET_STYLE } from '../taskpane/app/PeriodFieldset';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0, maxWidth: '720px' },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  grow: { flexGrow: 1, flexBasis: '200px', minWidth: 0 },
  fieldset: FIELDSET_STYLE,
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, overflowWrap: 'anywhere' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

function listOf(items: readonly string[]): string {
  if (items.length === 0) return '';
  return ` (${items.length > 10 ? `${items.slice(0, 10).join(', ')}, …` : items.join(', ')})`;
}

interface Done {
  consolidation: Consolidation;
  file: string | null;
}

export function ConsolidateTab({ lang, announce, catalog }: { lang: Language; announce: (text: string) => void; catalog: PackCatalog }): ReactNode {
  const styles = useStyles();
  const s = WEB_STRINGS[lang];
  const a = APP_STRINGS[lang];
  const num = (n: number): string => formatNumber(n, lang === 'vi' ? VI_SEPARATORS : EN_SEPARATORS);
  const legendId = useId();
  const [files, setFiles] = useState<File[]>([]);
  const [unitsText, setUnitsText] = useState('');
  const [unit, setUnit] = useState('');
  const [reportNo, setReportNo] = useState('');
  const [reportDate, setReportDate] = useState('');
  const [reportBy, setReportBy] = useState('');
  const [allowErrors, setAllowErrors] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [failure, setFailure] = useState('');

  let units: UnitEntry[] | null = null;
  let unitsProblem = '';
  if (unitsText.trim() !== '') {
    try {
      units = parseUnitsText(unitsText);
    } catch (e) {
      unitsProblem = e instanceof UnitsListError ? e.reason[lang] : String(e);
    }
  }
  const dateProblem = reportDate !== '' && !isValidIsoDate(reportDate);
  const ready = files.length > 0 && unitsProblem === '' && !dateProblem && progress === null;

  const run = async (): Promise<void> => {
    if (!ready) return;
    const report: NonNullable<ConsolidateOptions['report']> = {};
    const t = (v: string): string | undefined => (v.normalize('NFC').trim() === '' ? undefined : v.normalize('NFC').trim());
    if (t(unit)) report.unit = t(unit);
    if (t(reportNo)) report.reportNo = t(reportNo);
    if (reportDate !== '') report.reportDate = reportDate;
    if (t(reportBy)) report.reportBy = t(reportBy);
    setFailure('');
    setDone(null);
    setProgress({ done: 0, total: files.length });
    try {
      const chosen = files.map((f) => ({ name: f.name, bytes: async () => new Uint8Array(await f.arrayBuffer()) }));
      const { consolidation, bytes } = await consolidateFiles(chosen, { report, units, allowErrors, allowErrorsSwitch: { vi: `“${WEB_STRINGS.vi.allowErrors}”`, en: `“${WEB_STRINGS.en.allowErrors}”` } }, catalog, (n) => setProgress({ done: n, total: files.length }));
      let file: string | null = null;
      if (bytes) {
        const p = consolidation.summary.period;
        file = p ? `tong-hop-${p.from}-${p.to}.xlsx` : 'tong-hop.xlsx';
        download(file, bytes, XLSX_TYPE);
      }
      setDone({ consolidation, file });
      const included = consolidation.summary.sources.filter((x) => x.included).length;
      announce(file ? format(s.consolidated, { included: num(included), total: num(files.length), file }) : s.refused);
    } catch (e) {
      setFailure(format(s.engineFailed, { detail: e instanceof Error ? e.message : String(e) }));
    } finally {
      setProgress(null);
    }
  };

  const summary = done?.consolidation.summary;
  const included = summary ? summary.sources.filter((x) => x.included).length : 0;

  return (
    <form
      className={styles.root}
      aria-label={s.tabConsolidate}
      onSubmit={(e) => {
        e.preventDefault();
        void run();
      }}
    >
      <Text as="p" size={300}>
        {s.consolidateIntro}
      </Text>
      <div className={styles.row}>
        <FileButton
          label={s.chooseSources}
          accept={XLSX_ACCEPT}
          multiple
          inputTestId="sources-input"
          onFiles={(chosen) => {
            setFiles(chosen);
            setDone(null);
          }}
        />
        <Text data-testid="sources-chosen">{files.length > 0 ? format(s.sourcesChosen, { count: num(files.length) }) : s.noSources}</Text>
      </div>
      <Field label={s.unitsList} hint={s.unitsListHint} validationMessage={unitsProblem || undefined}>
        <Textarea value={unitsText} onChange={(_, d) => setUnitsText(d.value)} rows={4} resize="vertical" />
      </Field>
      <div className={styles.row}>
        <FileButton label={s.openUnitsFile} accept=".csv,.txt,text/csv,text/plain" inputTestId="units-input" size="small" onFiles={([f]) => void f?.text().then(setUnitsText)} />
      </div>
      <fieldset className={styles.fieldset} aria-labelledby={legendId}>
        <legend id={legendId}>
          <Text weight="semibold">{s.consolidatedInfo}</Text>
        </legend>
        <Field label={a.unit} hint={a.unitHint}>
          <Input value={unit} onChange={(_, d) => setUnit(d.value)} />
        </Field>
        <div className={styles.row}>
          <Field label={a.reportNo} className={styles.grow}>
            <Input value={reportNo} onChange={(_, d) => setReportNo(d.value)} />
          </Field>
          <Field label={a.reportDate} className={styles.grow} validationMessage={dateProblem ? s.reportDateInvalid : undefined}>
            <Input type="date" value={reportDate} onChange={(_, d) => setReportDate(d.value)} />
          </Field>
        </div>
        <Field label={a.reportBy}>
          <Input value={reportBy} onChange={(_, d) => setReportBy(d.value)} />
        </Field>
      </fieldset>
      <Field hint={s.allowErrorsHint}>
        <Checkbox checked={allowErrors} onChange={(_, d) => setAllowErrors(d.checked === true)} label={s.allowErrors} />
      </Field>
      <div>
        <Button appearance="primary" type="submit" disabledFocusable={!ready}>
          {s.consolidate}
        </Button>
      </div>
      {progress && <Text data-testid="consolidate-progress">{format(s.consolidating, { done: num(progress.done), total: num(progress.total) })}</Text>}
      {failure !== '' && (
        <Text role="alert" className={styles.error}>
          {failure}
        </Text>
      )}
      {done && summary && (
        <div className={styles.root} data-testid="consolidate-result" data-written={done.file !== null ? 'yes' : 'no'}>
          {done.consolidation.refusals.length > 0 ? (
            <div role="alert">
              <Text weight="semibold" className={styles.error}>
                {s.refused}
              </Text>
              <ul className={styles.list}>
                {done.consolidation.refusals.map((r, i) => (
                  <li key={i} data-refusal={r.kind}>
                    {r.message[lang]}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <Text weight="semibold" data-testid="consolidate-summary">
              {format(s.consolidated, { included: num(included), total: num(summary.sources.length), file: done.file ?? '' })}
              {summary.expected > 0 && ` ${format(s.missingUnits, { missing: num(summary.missing.length), expected: num(summary.expected), list: listOf(summary.missing) })}`}
              {summary.unexpected.length > 0 && ` ${format(s.unexpectedUnits, { count: num(summary.unexpected.length), list: listOf(summary.unexpected) })}`}
            </Text>
          )}
          <ul className={styles.list} data-testid="consolidate-sources">
            {summary.sources.map((x, i) => (
              <li key={i} data-file={x.file} data-included={x.included ? 'yes' : 'no'}>
                <Text weight="semibold">{x.included ? (x.errors > 0 ? s.includedFlagged : s.included) : s.notIncluded}</Text>: {x.unit} ({x.file})
                {x.sha256 !== null && ` — ${format(s.sourceCounts, { errors: num(x.errors), warnings: num(x.warnings) })}`}
                {x.reason && ` — ${x.reason[lang]}`}
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
