/**
 * Tổng hợp: the clerk chooses the units' `.xlsx` files (read here, in the pane: nothing leaves the
 * machine), sees each with its unit, period and check result, optionally gives the units expected,
 * and `Tổng hợp` writes the consolidated tables, the detail sheet and the Sources sheet into the
 * open workbook as new sheets (the adapter's insert: never over an existing sheet). The reading
 * and adding up are the same core as `bieumau consolidate`; this chunk is loaded when the tab opens.
 * "Theo kỳ" (the choice "Cách tổng hợp") rolls the chosen reports of one unit's consecutive periods
 * up instead, as `bieumau roll-up` does (`core/combine/rollup`), and adds the roll-up's sheets the same way.
 */
import { useId, useReducer, useState, type ReactNode } from 'react';
import { Button, Checkbox, Field, Text, makeStyles, tokens } from '@fluentui/react-components';
import { BUILTIN_CATALOG } from '../../core/forms/builtin';
import { reportFromForm } from '../../core/text';
import { formatNumberIn } from '../../core/numbers';
import { fileSource } from '../../ui/FilePicker';
import { ChooseFiles } from './ChooseFiles';
import { ConsolidationRefusals, ConsolidationSummary } from '../../ui/ConsolidationSummary';
import type { PackCatalog } from '../../core/forms/catalog';
import type { SheetPlan } from '../../core/forms/plan';
import { consolidate, type ConsolidationSummary as Summary, type SourceSummary } from '../../core/combine/consolidate';
import { rollUp, type RollUp } from '../../core/combine/rollup';
import { unitsField } from '../../ui/model/units-field';
import { includedCount } from '../../ui/model/counts';
import { formatDateVi } from '../../core/dates';
import { format } from '../../ui/i18n';
import { useAppStrings, useLang, usePane } from './context';
import { APP_STRINGS } from './strings';
import { StickyActions } from './StickyActions';
import { ModeChoice } from '../../ui/ModeChoice';
import { RollUpResult } from '../../ui/RollUpResult';
import { UnitsInput } from '../../ui/UnitsInput';
import { combineForm, combineFormStart, type CombineAction, type CombineForm } from '../../ui/model/combine';

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

/** What the last Tổng hợp gave: the sheets written and the summary, the roll-up (refused, or its sheets), or why it was refused. */
export type PaneOutcome =
  | { kind: 'consolidated'; sheets: string[]; summary: Summary }
  | { kind: 'rolled'; result: RollUp; sheets: string[] | null }
  | { kind: 'problems'; messages: string[] };
type Form = CombineForm<PaneOutcome, 'reading' | 'writing'>;
type Dispatch = (a: CombineAction<PaneOutcome, 'reading' | 'writing'>) => void;

/** The form's state and its two actions: read the chosen files, and Tổng hợp (by unit or by period). */
function useCombine(): { form: Form; dispatch: Dispatch; sources: SourceSummary[]; setSources: (s: SourceSummary[]) => void; onFiles: (f: File[]) => Promise<void>; go: () => Promise<void> } {
  const s = useAppStrings();
  const lang = useLang();
  const { adapter, settings, run, announce, packs } = usePane();
  const [form, dispatch] = useReducer(combineForm<PaneOutcome, 'reading' | 'writing'>, undefined, combineFormStart<PaneOutcome, 'reading' | 'writing'>);
  const [sources, setSources] = useState<SourceSummary[]>([]);
  const onFiles = async (chosen: File[]): Promise<void> => {
    dispatch({ type: 'start', working: 'reading' });
    announce(s.readingFiles);
    const read: SourceSummary[] = [];
    // one file at a time: only its numbers are kept
    for (const f of chosen) read.push(await readChosenFile(f, packs.catalog));
    setSources((list) => [...list, ...read]);
    dispatch({ type: 'finish' });
    announce(format(s.filesRead, { count: read.length }));
  };
  /** Each plan added as a new sheet, one at a time; the sheets' names, or null once one fails (its error is shown). */
  const insertPlans = async (plans: readonly SheetPlan[], working: string): Promise<string[] | null> => {
    dispatch({ type: 'start', working: 'writing' });
    announce(working);
    const sheets: string[] = [];
    for (const plan of plans) {
      const w = await run(() => adapter.insertTemplate(plan));
      if (!w) return null;
      sheets.push(w.sheet);
    }
    return sheets;
  };
  const options = { templates: packs.catalog.list(), allowErrors: form.allowErrors, allowErrorsSwitch: ALLOW_ERRORS_SWITCH };
  /**
   * Theo kỳ: the roll-up of the chosen files into their covering period. The rolled-up workbook keeps
   * the sources' unit (all the same, or it is refused); the report's number, date and author are the
   * settings' as for consolidation.
   */
  const goRollUp = async (): Promise<void> => {
    const r = rollUp(sources, { ...options, report: reportFromForm({ ...settings, unit: '' }) });
    if (r.refusals.length > 0) {
      dispatch({ type: 'outcome', outcome: { kind: 'rolled', result: r, sheets: null } });
      announce(`${s.rollUpRefused} ${r.refusals.map((x) => x.message[lang]).join(' ')}`);
      return;
    }
    const sheets = await insertPlans(r.plans, s.rollingUp);
    dispatch({ type: 'finish', outcome: sheets ? { kind: 'rolled', result: r, sheets } : undefined });
    if (sheets) announce(format(s.rolledUp, { files: formatNumberIn(includedCount(r.summary), lang), sheets: sheets.join(', ') }));
  };
  const go = async (): Promise<void> => {
    if (form.working !== null || sources.length === 0) return;
    if (form.mode === 'periods') return goRollUp();
    const { units, problem } = unitsField(form.unitsText, lang);
    const c = problem === '' ? consolidate(sources, { ...options, report: reportFromForm(settings), units }) : null;
    if (!c || c.refusals.length > 0) {
      const messages = c ? c.refusals.map((r) => r.message[lang]) : [format(s.unitsInvalid, { detail: problem })];
      dispatch({ type: 'outcome', outcome: { kind: 'problems', messages } });
      return;
    }
    const sheets = await insertPlans(c.plans, s.consolidating);
    dispatch({ type: 'finish', outcome: sheets ? { kind: 'consolidated', sheets, summary: c.summary } : undefined });
    if (sheets) announce(format(s.consolidated, { files: includedCount(c.summary), sheets: sheets.join(', ') }));
  };
  return { form, dispatch, sources, setSources, onFiles, go };
}

/** The files chosen, each with its unit, period and check result. */
function SourceList({ sources, headingId }: { sources: readonly SourceSummary[]; headingId: string }): ReactNode {
  const s = useAppStrings();
  const lang = useLang();
  const styles = useStyles();
  return (
    <section aria-labelledby={headingId}>
      <Text as="h2" size={400} weight="semibold" id={headingId}>
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
  );
}

/** What the last Tổng hợp gave, below the button. */
function Outcome({ outcome }: { outcome: PaneOutcome | null }): ReactNode {
  const s = useAppStrings();
  const lang = useLang();
  if (outcome?.kind === 'rolled') {
    const { result, sheets } = outcome;
    const headline = sheets ? format(s.rolledUp, { files: formatNumberIn(includedCount(result.summary), lang), sheets: sheets.join(', ') }) : null;
    return <RollUpResult result={result} headline={headline} refusedHeading={s.rollUpRefused} lang={lang} />;
  }
  if (outcome?.kind === 'problems') return <ConsolidationRefusals messages={outcome.messages} lang={lang} testId="consolidate-problems" />;
  if (outcome?.kind !== 'consolidated') return null;
  const headline = format(s.consolidated, { files: formatNumberIn(includedCount(outcome.summary), lang), sheets: outcome.sheets.join(', ') });
  return <ConsolidationSummary summary={outcome.summary} lang={lang} headline={headline} testId="consolidate-done" sourcesTestId="consolidate-outcome" />;
}

export default function ConsolidateTab(): ReactNode {
  const s = useAppStrings();
  const lang = useLang();
  const styles = useStyles();
  const { form, dispatch, sources, setSources, onFiles, go } = useCombine();
  const reading = form.working === 'reading';
  const busy = form.working === 'writing';
  const byPeriod = form.mode === 'periods';
  const filesId = useId();
  const clearSources = (): void => {
    setSources([]);
    if (form.outcome?.kind === 'rolled') dispatch({ type: 'outcome', outcome: null });
  };

  return (
    <>
      <ModeChoice value={form.mode} lang={lang} disabled={busy || reading} onChange={(mode) => dispatch({ type: 'mode', mode })} />
      <ChooseFiles
        label={reading ? s.readingFiles : s.chooseSourceFiles}
        hint={s.filesHint}
        clearLabel={s.clearSources}
        chosen={sources.length > 0}
        disabled={reading || busy}
        inputTestId="consolidate-files"
        rowClassName={styles.row}
        onFiles={(files) => void onFiles(files)}
        onClear={clearSources}
      />
      <SourceList sources={sources} headingId={`${filesId}-heading`} />
      {!byPeriod && <UnitsInput text={form.unitsText} onText={(text) => dispatch({ type: 'unitsText', text })} labels={s} textTestId="consolidate-units" fileTestId="consolidate-units-file" />}
      <Field hint={byPeriod ? s.rollUpAllowErrorsHint : s.allowErrorsHint}>
        <Checkbox checked={form.allowErrors} onChange={(_, d) => dispatch({ type: 'allowErrors', on: d.checked === true })} label={s.allowErrors} />
      </Field>
      <StickyActions>
        <Button appearance="primary" onClick={() => void go()} disabledFocusable={busy || reading || sources.length === 0}>
          {byPeriod ? (busy ? s.rollingUp : s.rollUpButton) : busy ? s.consolidating : s.consolidateButton}
        </Button>
      </StickyActions>
      <Outcome outcome={form.outcome} />
    </>
  );
}
