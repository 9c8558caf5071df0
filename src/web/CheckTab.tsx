/**
 * Kiểm tra: choose or drop one or many `.xlsx` files; each is read in the page and checked as
 * `bieumau check` does. Per file a summary, then its findings grouped by table (the sheet of the
 * finding's first cell, as the command line groups them): severity, message, each cell as
 * `Biểu 01!G8`, left / right / difference on arithmetic rules, the fix described. The findings can be
 * downloaded as CSV and as the `bieumau check --json` document.
 */
import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { Badge, Button, Text, makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import type { Finding } from '../core/findings';
import { cellName, resultsCsv, resultsJson, type FileResult } from '../core/check-json';
import { EN_SEPARATORS, VI_SEPARATORS, formatNumber } from '../core/numbers';
import type { Language } from '../taskpane/strings';
import { format } from '../taskpane/i18n';
import { WEB_STRINGS, type WebStrings } from './strings';
import { checkFile, download, ensureChecker } from './engine';
import { FileButton, XLSX_ACCEPT } from './FileButton';
import type { PackCatalog } from '../core/catalog';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  drop: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  dragging: { ...shorthands.borderColor(tokens.colorCompoundBrandStroke), backgroundColor: tokens.colorNeutralBackground2 },
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
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  finding: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorNeutralStroke1}`,
    overflowWrap: 'anywhere',
  },
  findingError: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  findingWarning: { borderLeftColor: tokens.colorPaletteYellowBorder2 },
  values: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, margin: 0 },
  pair: { display: 'flex', columnGap: tokens.spacingHorizontalXS },
  dd: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  sheet: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
});

interface Outcome {
  results: FileResult[];
  ms: number;
  /** 1 for the first check since the page opened, then 2, 3…: tells one result from the next. */
  run: number;
}

function counts(results: readonly FileResult[]): { ok: number; withErrors: number; unreadable: number; errors: number; warnings: number } {
  let ok = 0;
  let withErrors = 0;
  let unreadable = 0;
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    if ('error' in r) {
      unreadable++;
      continue;
    }
    const e = r.findings.filter((f) => f.severity === 'error').length;
    errors += e;
    warnings += r.findings.length - e;
    if (e > 0) withErrors++;
    else ok++;
  }
  return { ok, withErrors, unreadable, errors, warnings };
}

function summaryText(results: readonly FileResult[], s: WebStrings): string {
  return format(s.summary, { files: results.length, ...counts(results) });
}

/** Findings grouped by the sheet of their first cell, in order (the command line's grouping). */
function byTable(findings: readonly Finding[], s: WebStrings): { sheet: string; findings: Finding[] }[] {
  const groups: { sheet: string; findings: Finding[] }[] = [];
  for (const f of findings) {
    const sheet = f.cells[0]?.sheet ?? s.workbookLevel;
    const last = groups[groups.length - 1];
    if (last && last.sheet === sheet) last.findings.push(f);
    else groups.push({ sheet, findings: [f] });
  }
  return groups;
}

function FindingItem({ f, lang }: { f: Finding; lang: Language }): ReactNode {
  const styles = useStyles();
  const s = WEB_STRINGS[lang];
  const num = (x: number): string => formatNumber(x, lang === 'vi' ? VI_SEPARATORS : EN_SEPARATORS);
  return (
    <li className={mergeClasses(styles.finding, f.severity === 'error' ? styles.findingError : styles.findingWarning)} data-rule={f.rule} data-severity={f.severity}>
      <Text>
        <Badge appearance="tint" color={f.severity === 'error' ? 'danger' : 'warning'}>
          {f.severity === 'error' ? s.error : s.warning}
        </Badge>{' '}
        {f.message[lang]}
      </Text>
      {f.cells.length > 0 && (
        <Text size={200} data-testid="finding-cells">
          {s.cells}: {f.cells.map(cellName).join(', ')}
        </Text>
      )}
      {f.left !== undefined && f.right !== undefined && f.difference !== undefined && (
        <dl className={styles.values} data-testid="finding-values">
          {(
            [
              [s.left, f.left],
              [s.right, f.right],
              [s.difference, f.difference],
            ] as const
          ).map(([label, v]) => (
            <div key={label} className={styles.pair}>
              <dt>{label}:</dt>
              <dd className={styles.dd}>{num(v)}</dd>
            </div>
          ))}
        </dl>
      )}
      {f.fix && (
        <Text size={200} data-testid="finding-fix">
          {format(s.fixDescribed, { label: f.fix.label[lang], cell: cellName(f.fix.cell) })}
        </Text>
      )}
      <Text size={100}>{f.rule}</Text>
    </li>
  );
}

function FileReport({ r, lang }: { r: FileResult; lang: Language }): ReactNode {
  const styles = useStyles();
  const s = WEB_STRINGS[lang];
  if ('error' in r) {
    return (
      <section className={styles.file} data-file={r.file} data-state="unreadable" aria-label={r.file}>
        <h3 className={styles.fileHead}>
          <span>{r.file}</span>
          <Badge appearance="filled" color="danger">
            {s.fileUnreadable}
          </Badge>
        </h3>
        <Text className={styles.error}>{r.error[lang]}</Text>
      </section>
    );
  }
  const errors = r.findings.filter((f) => f.severity === 'error').length;
  const warnings = r.findings.length - errors;
  return (
    <section className={styles.file} data-file={r.file} data-state={errors > 0 ? 'errors' : 'ok'} aria-label={r.file}>
      <h3 className={styles.fileHead}>
        <span>{r.file}</span>
        <Badge appearance="filled" color={errors > 0 ? 'danger' : 'success'}>
          {errors > 0 ? s.notReady : s.readyToSend}
        </Badge>
      </h3>
      <Text data-testid="file-summary">{r.findings.length === 0 ? s.fileOk : format(s.fileCounts, { errors, warnings })}</Text>
      {byTable(r.findings, s).map((g, i) => (
        <div key={`${g.sheet}-${i}`}>
          <h4 className={styles.sheet}>{g.sheet}</h4>
          <ul className={styles.list}>
            {g.findings.map((f, j) => (
              <FindingItem key={j} f={f} lang={lang} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** Lets the page paint between files. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function CheckTab({ lang, announce, catalog }: { lang: Language; announce: (text: string) => void; catalog?: PackCatalog }): ReactNode {
  const styles = useStyles();
  const s = WEB_STRINGS[lang];
  const runs = useRef(0);
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [failure, setFailure] = useState('');

  const run = async (files: File[]): Promise<void> => {
    if (files.length === 0 || progress) return;
    const started = performance.now();
    setFailure('');
    setOutcome(null);
    setProgress({ done: 0, total: files.length });
    announce(format(s.checkingProgress, { done: 0, total: files.length }));
    try {
      await ensureChecker();
      const results: FileResult[] = [];
      for (const file of files) {
        results.push(await checkFile(file.name, async () => new Uint8Array(await file.arrayBuffer()), undefined, catalog));
        setProgress({ done: results.length, total: files.length });
        await nextTurn();
      }
      const ms = Math.round(performance.now() - started);
      runs.current += 1;
      setOutcome({ results, ms, run: runs.current });
      announce(summaryText(results, s));
    } catch (e) {
      setFailure(format(s.engineFailed, { detail: e instanceof Error ? e.message : String(e) }));
      announce('');
    } finally {
      setProgress(null);
    }
  };

  const onDrop = (e: DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    setDragging(false);
    void run([...e.dataTransfer.files]);
  };

  return (
    <div className={styles.root}>
      <Text as="p" size={300}>
        {s.checkIntro}
      </Text>
      <div
        className={mergeClasses(styles.drop, dragging && styles.dragging)}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="drop-zone"
      >
        <FileButton label={s.chooseFiles} accept={XLSX_ACCEPT} multiple inputTestId="file-input" appearance="primary" disabled={progress !== null} onFiles={(files) => void run(files)} />
        <Text>{s.dropHere}</Text>
      </div>
      {progress && <Text data-testid="check-progress">{format(s.checkingProgress, progress)}</Text>}
      {failure !== '' && (
        <Text role="alert" className={styles.error}>
          {failure}
        </Text>
      )}
      {outcome && (
        <>
          <Text as="p" weight="semibold" data-testid="web-check-summary" data-run={outcome.run}>
            {summaryText(outcome.results, s)}
          </Text>
          <Text as="p" size={200} data-testid="web-check-time" data-ms={outcome.ms}>
            {format(s.timeTaken, { ms: outcome.ms })}
          </Text>
          <div className={styles.actions}>
            <Button onClick={() => download('ket-qua-kiem-tra.csv', resultsCsv(outcome.results), 'text/csv;charset=utf-8')}>{s.downloadCsv}</Button>
            <Button onClick={() => download('ket-qua-kiem-tra.json', `${resultsJson(outcome.results)}\n`, 'application/json')}>{s.downloadJson}</Button>
          </div>
          {outcome.results.map((r, i) => (
            <FileReport key={`${r.file}-${i}`} r={r} lang={lang} />
          ))}
        </>
      )}
    </div>
  );
}
