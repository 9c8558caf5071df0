/**
 * Tổng hợp: the clerk chooses the units' `.xlsx` files (read here, in the pane: nothing leaves the
 * machine), sees each with its unit, period and check result, optionally gives the units expected,
 * and `Tổng hợp` writes the consolidated tables, the detail sheet and the Sources sheet into the
 * open workbook as new sheets (the adapter's insert: never over an existing sheet). The reading
 * and adding up are the same core as `bieumau consolidate`; this chunk is loaded when the tab opens.
 * "Theo kỳ" (the choice "Cách tổng hợp") rolls the chosen reports of one unit's consecutive periods
 * up instead, as `bieumau roll-up` does (`core/rollup`), and adds the roll-up's sheets the same way.
 */
import { useId, useState, type ReactNode } from 'react';
import { Button, Checkbox, Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { BUILTIN_CATALOG } from '../../core/builtin';
import { reportFromForm } from '../../core/text';
import { formatNumberIn } from '../../core/numbers';
import { CSV_ACCEPT, FilePicker, XLSX_ACCEPT, fileSource, fileText } from '../../ui/FilePicker';
import { ConsolidationRefusals, ConsolidationSummary } from '../../ui/ConsolidationSummary';
import type { PackCatalog } from '../../core/catalog';
import type { SheetPlan } from '../../core/plan';
import { consolidate, type ConsolidationSummary as Summary, type SourceSummary } from '../../core/consolidate';
import { rollUp, type RollUp } from '../../core/rollup';
import { unitsField } from '../../ui/model/units';
import { includedCount } from '../../ui/model/counts';
import { formatDateVi } from '../../core/dates';
import { format } from '../i18n';
import { useAppStrings, useLang, usePane } from './context';
import { APP_STRINGS } from './strings';
import { StickyActions } from './StickyActions';
import { ModeChoice, type ConsolidateMode } from '../../ui/ModeChoice';
import { RollUpResult } from '../../ui/RollUpResult';

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  meta: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  bad: { fontSize: tokens.fontSizeBase200, color: tokens.colorPaletteRedForeground1 },
  good: { fontSize: tokens.fontSizeBase200, color: tokens.colorPaletteGreenForeground1 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
});

/** How a refusal names the switch that lets sources with errors in (the pane's checkbox, quoted). */
const ALLOW_ERRORS_SWITCH = { vi: `“${APP_STRINGS.vi.allowErrors}”`, en: `“${APP_STRINGS.en.allowErrors}”` };

/** Reads, checks and fingerprints one chosen file, keeping only its numbers; never throws. */
export async function readChosenFile(file: File, catalog: PackCatalog = BUILTIN_CATALOG, today = new Date()): Promise<SourceSummary> {
  // the reader (and the engine behind it) is loaded with the first file chosen
  const { sourceSummary } = await import(/* webpackChunkName: "xlsx-read" */ '../../xlsx/source');
  return sourceSummary(fileSource(file), catalog.list(), today, catalog);
}

interface Done {
  sheets: string[];
  summary: Summary;
}

export default function ConsolidateTab(): ReactNode {
  const s = useAppStrings();
  const lang = useLang();
  const styles = useStyles();
  const { adapter, settings, run, announce, packs } = usePane();
  const [sources, setSources] = useState<SourceSummary[]>([]);
  const [reading, setReading] = useState(false);
  const [unitsText, setUnitsText] = useState('');
  const [allowErrors, setAllowErrors] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  const [mode, setMode] = useState<ConsolidateMode>('units');
  /** The last roll-up: its refusals, or what it wrote (`sheets`). */
  const [rolled, setRolled] = useState<{ result: RollUp; sheets: string[] | null } | null>(null);
  const byPeriod = mode === 'periods';
  const filesId = useId();

  const onFiles = async (chosen: File[]): Promise<void> => {
    setReading(true);
    setDone(null);
    setRolled(null);
    setProblems([]);
    announce(s.readingFiles);
    const read: SourceSummary[] = [];
    // one file at a time: only its numbers are kept
    for (const f of chosen) read.push(await readChosenFile(f, packs.catalog));
    setSources((list) => [...list, ...read]);
    setReading(false);
    announce(format(s.filesRead, { count: read.length }));
  };

  const onUnitsFile = async ([f]: File[]): Promise<void> => {
    if (f) setUnitsText(await fileText(f));
  };

  /** Each plan added as a new sheet, one at a time; the sheets' names, or null once one fails (its error is shown). */
  const insertPlans = async (plans: readonly SheetPlan[], working: string): Promise<string[] | null> => {
    setBusy(true);
    announce(working);
    const sheets: string[] = [];
    try {
      for (const plan of plans) {
        const w = await run(() => adapter.insertTemplate(plan));
        if (!w) return null;
        sheets.push(w.sheet);
      }
      return sheets;
    } finally {
      setBusy(false);
    }
  };

  /**
   * Theo kỳ: the roll-up of the chosen files into their covering period. The rolled-up workbook keeps
   * the sources' unit (all the same, or it is refused); the report's number, date and author are the
   * settings' as for consolidation.
   */
  const goRollUp = async (): Promise<void> => {
    if (busy || reading || sources.length === 0) return;
    setProblems([]);
    setDone(null);
    setRolled(null);
    const report = reportFromForm({ ...settings, unit: '' });
    const r = rollUp(sources, { templates: packs.catalog.list(), report, allowErrors, allowErrorsSwitch: ALLOW_ERRORS_SWITCH });
    if (r.refusals.length > 0) {
      setRolled({ result: r, sheets: null });
      announce(`${s.rollUpRefused} ${r.refusals.map((x) => x.message[lang]).join(' ')}`);
      return;
    }
    const sheets = await insertPlans(r.plans, s.rollingUp);
    if (sheets) {
      setRolled({ result: r, sheets });
      announce(format(s.rolledUp, { files: formatNumberIn(includedCount(r.summary), lang), sheets: sheets.join(', ') }));
    }
  };

  const go = async (): Promise<void> => {
    if (byPeriod) return goRollUp();
    if (busy || reading || sources.length === 0) return;
    setProblems([]);
    setDone(null);
    const { units, problem } = unitsField(unitsText, lang);
    if (problem !== '') {
      setProblems([format(s.unitsInvalid, { detail: problem })]);
      return;
    }
    const report = reportFromForm(settings);
    const c = consolidate(sources, { templates: packs.catalog.list(), report, units, allowErrors, allowErrorsSwitch: ALLOW_ERRORS_SWITCH });
    if (c.refusals.length > 0) {
      setProblems(c.refusals.map((r) => r.message[lang]));
      return;
    }
    const sheets = await insertPlans(c.plans, s.consolidating);
    if (sheets) {
      const included = includedCount(c.summary);
      setDone({ sheets, summary: c.summary });
      announce(format(s.consolidated, { files: included, sheets: sheets.join(', ') }));
    }
  };

  return (
    <>
      <ModeChoice
        value={mode}
        lang={lang}
        disabled={busy || reading}
        onChange={(m) => {
          setMode(m);
          setDone(null);
          setRolled(null);
          setProblems([]);
        }}
      />
      <div className={styles.row}>
        <FilePicker
          label={reading ? s.readingFiles : s.chooseSourceFiles}
          accept={XLSX_ACCEPT}
          multiple
          inputTestId="consolidate-files"
          disabled={reading || busy}
          describedBy={`${filesId}-hint`}
          onFiles={(files) => void onFiles(files)}
        />
        {sources.length > 0 && (
          <Button
            appearance="subtle"
            onClick={() => {
              setSources([]);
              setRolled(null);
            }}
            disabledFocusable={reading || busy}
          >
            {s.clearSources}
          </Button>
        )}
      </div>
      <Text size={200} id={`${filesId}-hint`}>
        {s.filesHint}
      </Text>

      <section aria-labelledby={`${filesId}-heading`}>
        <Text as="h2" size={400} weight="semibold" id={`${filesId}-heading`}>
          {s.sourcesHeading} ({sources.length})
        </Text>
        {sources.length === 0 ? (
          <Text as="p" size={200}>
            {s.noSources}
          </Text>
        ) : (
          <ul className={styles.list} data-testid="consolidate-sources">
            {sources.map((x, i) => (
              <li key={`${x.file}-${i}`} className={styles.item} data-file={x.file}>
                <Text weight="semibold">{x.label}</Text>
                <span className={styles.meta}>
                  {x.file}
                  {x.readError === null && ` · ${x.period ? `${formatDateVi(x.period.from)} – ${formatDateVi(x.period.to)}` : s.noPeriod}`}
                </span>
                {x.readError !== null ? (
                  <span className={styles.bad}>
                    {s.unreadable}: {x.readError[lang]}
                  </span>
                ) : x.errors > 0 || x.warnings > 0 ? (
                  <span className={x.errors > 0 ? styles.bad : styles.meta}>{format(s.counts, { errors: formatNumberIn(x.errors, lang), warnings: formatNumberIn(x.warnings, lang) })}</span>
                ) : (
                  <span className={styles.good}>{s.noErrors}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      {!byPeriod && (
        <>
          <Field label={s.unitsList} hint={s.unitsHint}>
            <Textarea value={unitsText} onChange={(_, d) => setUnitsText(d.value)} rows={4} resize="vertical" data-testid="consolidate-units" />
          </Field>
          <div className={styles.row}>
            <FilePicker label={s.unitsFile} accept={CSV_ACCEPT} inputTestId="consolidate-units-file" size="small" onFiles={(files) => void onUnitsFile(files)} />
          </div>
        </>
      )}
      <Field hint={byPeriod ? s.rollUpAllowErrorsHint : s.allowErrorsHint}>
        <Checkbox checked={allowErrors} onChange={(_, d) => setAllowErrors(d.checked === true)} label={s.allowErrors} />
      </Field>
      <StickyActions>
        <Button appearance="primary" onClick={() => void go()} disabledFocusable={busy || reading || sources.length === 0}>
          {byPeriod ? (busy ? s.rollingUp : s.rollUpButton) : busy ? s.consolidating : s.consolidateButton}
        </Button>
      </StickyActions>

      {rolled && (
        <RollUpResult
          result={rolled.result}
          headline={rolled.sheets ? format(s.rolledUp, { files: formatNumberIn(includedCount(rolled.result.summary), lang), sheets: rolled.sheets.join(', ') }) : null}
          refusedHeading={s.rollUpRefused}
          lang={lang}
        />
      )}
      {problems.length > 0 && <ConsolidationRefusals messages={problems} lang={lang} testId="consolidate-problems" />}
      {done && (
        <ConsolidationSummary
          summary={done.summary}
          lang={lang}
          headline={format(s.consolidated, { files: formatNumberIn(includedCount(done.summary), lang), sheets: done.sheets.join(', ') })}
          testId="consolidate-done"
          sourcesTestId="consolidate-outcome"
        />
      )}
    </>
  );
}
