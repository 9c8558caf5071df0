/**
 * Kiểm tra: choose or drop one or many `.xlsx` files; each is read in the page and checked as
 * `bieumau check` does. Per file its summary (the pane's CheckSummary), then its findings grouped by
 * table in the one order of every surface (src/ui FindingsByTable: whole file first, tables in
 * workbook order, errors first, cells in reading order). The findings can be downloaded as CSV and as
 * the `bieumau check --json` document.
 */
import { useLayoutEffect, useReducer, useRef, type ReactNode, type RefObject } from 'react';
import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { countFindings, type FindingCounts } from '../core/check/findings';
import { resultsCsv, resultsJson, type FileResult } from '../core/check/check-json';
import { formatNumberIn } from '../core/numbers';
import type { PackCatalog } from '../core/forms/catalog';
import { format, type Language } from '../ui/i18n';
import { CheckSummary } from '../ui/CheckSummary';
import { FindingsByTable } from '../ui/FindingsByTable';
import { revealResult } from '../ui/reveal';
import { FilePicker, XLSX_ACCEPT, fileSource, readAhead } from '../ui/FilePicker';
import { yielder } from '../ui/yield';
import { WEB_STRINGS, type WebStrings } from './strings';
import { addHistoryInPage, checkFile, ensureChecker, historyJson } from './engine';
import { download } from '../ui/download';
import type { Source } from '../xlsx/intake';
import type { HistoryResult } from '../core/history/history';
import type { WorkbookRead } from '../core/tables/table-read';
import { formatRangeVi } from '../core/dates';
import { ExportButtons } from './ExportButtons';
import { BUILTIN_CATALOG } from '../core/forms/builtin';
import { TieOutSection } from './TieOutSection';
import { historyNoteLines } from '../ui/model/history-lines';
import { webCheck, webCheckStart } from './check-model';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  file: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
    minWidth: 0,
  },
  fileHead: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, margin: 0, overflowWrap: 'anywhere' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

interface Outcome {
  results: FileResult[];
  /** The files checked, in the order of `results` (the export reads the readable ones again). */
  files: File[];
  ms: number;
  /** 1 for the first check since the page opened, then 2, 3…: tells one result from the next. */
  run: number;
  /** With earlier periods chosen: each compared file's comparison (`check --history`). */
  history: Map<FileResult, HistoryResult> | null;
  /** The JSON document to download (with the `history` fields when compared). */
  json: string;
}

/** Files without errors, with errors, unreadable; and the findings of all, counted as every summary counts them. */
function totals(results: readonly FileResult[]): { ok: number; withErrors: number; unreadable: number } & FindingCounts {
  const t = { ok: 0, withErrors: 0, unreadable: 0, errors: 0, warnings: 0, blank: 0 };
  for (const r of results) {
    if ('error' in r) {
      t.unreadable++;
      continue;
    }
    const c = countFindings(r.findings);
    t.errors += c.errors;
    t.warnings += c.warnings;
    t.blank += c.blank;
    if (c.errors > 0) t.withErrors++;
    else t.ok++;
  }
  return t;
}

function summaryText(results: readonly FileResult[], s: WebStrings, lang: Language): string {
  const t = totals(results);
  const n = (x: number): string => formatNumberIn(x, lang);
  const main = format(s.summary, { files: n(results.length), ok: n(t.ok), withErrors: n(t.withErrors), unreadable: n(t.unreadable), errors: n(t.errors), warnings: n(t.warnings) });
  return t.blank > 0 ? `${main} ${format(s.blankDetail, { blank: n(t.blank) })}` : main;
}

/** Which earlier periods a file was compared with, and the files left out and why. */
function HistoryLines({ h, lang }: { h: HistoryResult; lang: Language }): ReactNode {
  const s = WEB_STRINGS[lang];
  const list = h.compared.map((c) => `${c.file} (${formatRangeVi(c)})`).join(', ');
  return (
    <div data-testid="file-history">
      <Text size={200} as="p">
        {h.compared.length === 0 ? s.comparedNone : format(s.comparedWithCount, { count: h.compared.length, list })}
      </Text>
      {historyNoteLines(h, s.skipped, lang).map((line, i) => (
        <Text key={i} size={200} as="p" data-testid="history-note" data-kind={h.notes[i].kind}>
          {line}
        </Text>
      ))}
    </div>
  );
}

function FileReport({ r, lang, history }: { r: FileResult; lang: Language; history?: HistoryResult }): ReactNode {
  const styles = useStyles();
  const s = WEB_STRINGS[lang];
  if ('error' in r) {
    return (
      <section className={styles.file} data-file={r.file} data-state="unreadable" aria-label={r.file}>
        <h3 className={styles.fileHead}>
          <span>{r.file}</span>
          <Badge appearance="filled" color="danger">
            {s.unreadable}
          </Badge>
        </h3>
        <Text className={styles.error}>{r.error[lang]}</Text>
      </section>
    );
  }
  const counts = countFindings(r.findings);
  return (
    <section className={styles.file} data-file={r.file} data-state={counts.errors > 0 ? 'errors' : 'ok'} aria-label={r.file}>
      <h3 className={styles.fileHead}>{r.file}</h3>
      <CheckSummary counts={counts} lang={lang} testId="file-summary" />
      {history && <HistoryLines h={history} lang={lang} />}
      <FindingsByTable findings={r.findings} lang={lang} headingLevel={4} showRule />
    </section>
  );
}

/** The files of a check that could be read, as the export reads them again. */
function readableFiles(outcome: Outcome): Source[] {
  return outcome.files.filter((_, i) => !('error' in outcome.results[i])).map(fileSource);
}

/** How many files are being read ahead of the one being checked. */
const READ_AHEAD = 4;

/** Each file checked in turn, the next ones read ahead; with earlier files, each compared with them. */
async function checkAll(files: File[], earlierFiles: File[], catalog: PackCatalog | undefined, onDone: (done: number) => void): Promise<Omit<Outcome, 'run' | 'ms'>> {
  await ensureChecker();
  const results: FileResult[] = [];
  const turn = yielder();
  const comparing = earlierFiles.length > 0;
  const workbooks = new Map<FileResult, WorkbookRead>();
  // The next files' bytes are read while this one is checked (a few ahead: the browser reads a
  // file in its own process, and the page would otherwise wait for each one in turn).
  // A file too large is refused by its size: never read ahead, never read.
  const sources = files.map(fileSource);
  const reads = sources.slice(0, READ_AHEAD).map((f) => readAhead(f));
  for (let i = 0; i < files.length; i++) {
    const source = reads[i];
    if (i + READ_AHEAD < files.length) reads.push(readAhead(sources[i + READ_AHEAD]));
    let workbook: WorkbookRead | undefined;
    const result = await checkFile(source, catalog, comparing ? (w) => (workbook = w) : undefined);
    results.push(result);
    // Kept only to compare with earlier periods (the file is not read a second time).
    if (workbook) workbooks.set(result, workbook);
    delete reads[i]; // its bytes can go
    onDone(results.length);
    await turn();
  }
  const history = comparing ? await addHistoryInPage(results, (r) => workbooks.get(r), earlierFiles.map(fileSource), catalog ?? BUILTIN_CATALOG) : null;
  const json = history ? await historyJson(resultsJson(results), results, history) : resultsJson(results);
  return { results, files, history, json };
}

/** The check's state and `run`: the files checked (against the earlier files given, else those chosen). */
function useWebCheck(lang: Language, announce: (text: string) => void, catalog: PackCatalog | undefined) {
  const s = WEB_STRINGS[lang];
  const runs = useRef(0);
  const [state, dispatch] = useReducer(webCheck<Outcome>, undefined, webCheckStart<Outcome>);
  /** The files checked last, checked again when the earlier periods change. */
  const lastFiles = useRef<File[]>([]);
  const run = async (files: File[], earlierFiles: File[] = state.earlier): Promise<void> => {
    if (files.length === 0 || state.progress) return;
    lastFiles.current = files;
    const started = performance.now();
    dispatch({ type: 'start', total: files.length });
    announce(format(s.checkingProgress, { done: 0, total: files.length }));
    try {
      const checked = await checkAll(files, earlierFiles, catalog, (done) => dispatch({ type: 'progress', done }));
      runs.current += 1;
      dispatch({ type: 'done', outcome: { ...checked, ms: Math.round(performance.now() - started), run: runs.current } });
      announce(summaryText(checked.results, s, lang));
    } catch (e) {
      dispatch({ type: 'failed', message: format(s.engineFailed, { detail: e instanceof Error ? e.message : String(e) }) });
      announce('');
    }
  };
  /** Earlier periods chosen (or none): the files checked last are checked again against them. */
  const compareWith = (files: File[]): void => {
    dispatch({ type: 'earlier', files });
    void run(lastFiles.current, files);
  };
  return { state, run, compareWith };
}

/** So với các kỳ trước…: choose the earlier periods' files, or put them away. */
function EarlierPicker({ lang, earlier, busy, compareWith }: { lang: Language; earlier: File[]; busy: boolean; compareWith: (files: File[]) => void }): ReactNode {
  const styles = useStyles();
  const s = WEB_STRINGS[lang];
  return (
    <>
      <div className={styles.actions}>
        <FilePicker label={s.compareEarlier} accept={XLSX_ACCEPT} multiple inputTestId="earlier-input" disabled={busy} onFiles={(files) => files.length > 0 && compareWith(files)} />
        {earlier.length > 0 && (
          <Button appearance="subtle" disabledFocusable={busy} onClick={() => compareWith([])}>
            {s.earlierClear}
          </Button>
        )}
      </div>
      <Text size={200}>{s.earlierFilesHint}</Text>
      {earlier.length > 0 && <Text data-testid="earlier-chosen">{format(s.earlierFilesChosen, { count: earlier.length, names: earlier.map((f) => f.name).join(', ') })}</Text>}
    </>
  );
}

/** The check's outcome: the summary, each file's report, the time taken, the downloads and the export. */
function CheckOutcome({ outcome, lang, announce, catalog, summaryRef }: { outcome: Outcome; lang: Language; announce: (text: string) => void; catalog?: PackCatalog; summaryRef: RefObject<HTMLParagraphElement | null> }): ReactNode {
  const styles = useStyles();
  const s = WEB_STRINGS[lang];
  return (
    <>
      <Text as="p" weight="semibold" data-testid="web-check-summary" data-run={outcome.run} ref={summaryRef} tabIndex={-1}>
        {summaryText(outcome.results, s, lang)}
      </Text>
      {/* The results right under their summary; the downloads after them, so no row of buttons pushes the results away. */}
      {outcome.results.map((r, i) => (
        <FileReport key={`${r.file}-${i}`} r={r} lang={lang} history={outcome.history?.get(r)} />
      ))}
      <Text as="p" size={200} data-testid="web-check-time" data-ms={outcome.ms}>
        {format(s.timeTaken, { ms: outcome.ms })}
      </Text>
      <div className={styles.actions}>
        <Button onClick={() => download('ket-qua-kiem-tra.csv', resultsCsv(outcome.results), 'text/csv;charset=utf-8')}>{s.downloadCsv}</Button>
        <Button onClick={() => download('ket-qua-kiem-tra.json', `${outcome.json}\n`, 'application/json')}>{s.downloadJson}</Button>
      </div>
      {outcome.results.some((r) => !('error' in r)) && (
        <ExportButtons key={outcome.run} lang={lang} catalog={catalog ?? BUILTIN_CATALOG} base="so-lieu" announce={announce} files={() => readableFiles(outcome)} />
      )}
    </>
  );
}

export function CheckTab({ lang, announce, catalog }: { lang: Language; announce: (text: string) => void; catalog?: PackCatalog }): ReactNode {
  const styles = useStyles();
  const s = WEB_STRINGS[lang];
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const { state, run, compareWith } = useWebCheck(lang, announce, catalog);
  const { progress, outcome, failure } = state;

  // A new result: its summary and the first finding in view, the keyboard on the summary.
  useLayoutEffect(() => {
    if (!outcome) return;
    revealResult(summaryRef.current, rootRef.current?.querySelector<HTMLElement>('li[data-rule]') ?? null);
  }, [outcome]);

  return (
    <div className={styles.root} ref={rootRef}>
      <Text as="p" size={300}>
        {s.checkFilesIntro}
      </Text>
      <FilePicker
        label={s.chooseFiles}
        accept={XLSX_ACCEPT}
        multiple
        inputTestId="file-input"
        appearance="primary"
        disabled={progress !== null}
        dropHint={s.dropHere}
        dropTestId="drop-zone"
        onFiles={(files) => void run(files)}
      />
      <EarlierPicker lang={lang} earlier={state.earlier} busy={progress !== null} compareWith={compareWith} />
      {progress && <Text data-testid="check-progress">{format(s.checkingProgress, progress)}</Text>}
      {failure !== '' && (
        <Text role="alert" className={styles.error}>
          {failure}
        </Text>
      )}
      {outcome && <CheckOutcome outcome={outcome} lang={lang} announce={announce} catalog={catalog} summaryRef={summaryRef} />}
      <TieOutSection lang={lang} announce={announce} catalog={catalog} />
    </div>
  );
}
