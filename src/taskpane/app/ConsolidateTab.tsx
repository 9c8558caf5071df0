/**
 * Tổng hợp: the clerk chooses the units' `.xlsx` files (read here, in the pane: nothing leaves the
 * machine), sees each with its unit, period and check result, optionally gives the units expected,
 * and `Tổng hợp` writes the consolidated tables, the detail sheet and the Sources sheet into the
 * open workbook as new sheets (the adapter's insert: never over an existing sheet). The reading
 * and adding up are the same core as `bieumau consolidate`; this chunk is loaded when the tab opens.
 */
import { useId, useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import { Button, Checkbox, Field, MessageBar, MessageBarBody, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { Text as Bilingual } from '../../core/template';
import { BUILTIN_CATALOG } from '../../core/builtin';
import type { PackCatalog } from '../../core/catalog';
import { consolidate, summarizeSource, type ConsolidationSummary, type SourceSummary } from '../../core/consolidate';
import { parseUnitsText, UnitsListError, type UnitEntry } from '../../core/units';
import { formatDateVi } from '../../core/dates';
import { format } from '../i18n';
import { useAppStrings, useLang, usePane } from './context';
import { APP_STRINGS } from './strings';
import { StickyActions } from './StickyActions';

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
  file: { maxWidth: '100%' },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** SHA-256 of the bytes as lower-case hex (Web Crypto); null where the browser has none. */
export async function sha256Hex(bytes: Uint8Array): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function fileBytes(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return new Uint8Array(await file.arrayBuffer());
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsArrayBuffer(file);
  });
}

async function fileText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new TextDecoder('utf-8').decode(await fileBytes(file));
}

const CANNOT_READ: Bilingual = { vi: 'Không đọc được tệp (tệp hỏng hoặc không phải .xlsx).', en: 'The file cannot be read (corrupt or not an .xlsx).' };

/** Reads, checks and fingerprints one chosen file, keeping only its numbers; never throws. */
export async function readChosenFile(file: File, catalog: PackCatalog = BUILTIN_CATALOG, today = new Date()): Promise<SourceSummary> {
  const templates = catalog.list();
  let bytes: Uint8Array;
  try {
    bytes = await fileBytes(file);
  } catch {
    return summarizeSource({ file: file.name, sha256: null, read: null, readError: CANNOT_READ, errors: 0, warnings: 0 }, templates);
  }
  const sha256 = await sha256Hex(bytes).catch(() => null);
  // the reader (and the engine behind it) is loaded with the first file chosen
  const { sourceFromBytes } = await import(/* webpackChunkName: "xlsx-read" */ '../../xlsx/source');
  const source = await sourceFromBytes(file.name, bytes, sha256 ?? '', templates, today, catalog);
  return { ...source, sha256 };
}

interface Done {
  sheets: string[];
  summary: ConsolidationSummary;
}

function names(list: string[]): string {
  return list.length > 8 ? `${list.slice(0, 8).join(', ')}, …` : list.join(', ');
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
  const filesId = useId();
  const unitsFileId = useId();
  const filesInput = useRef<HTMLInputElement>(null);

  const onFiles = async (e: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const chosen = [...(e.target.files ?? [])];
    e.target.value = '';
    if (chosen.length === 0) return;
    setReading(true);
    setDone(null);
    setProblems([]);
    announce(s.readingFiles);
    const read: SourceSummary[] = [];
    // one file at a time: only its numbers are kept
    for (const f of chosen) read.push(await readChosenFile(f, packs.catalog));
    setSources((list) => [...list, ...read]);
    setReading(false);
    announce(format(s.filesRead, { count: read.length }));
  };

  const onUnitsFile = async (e: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const f = e.target.files?.[0];
    e.target.value = '';
    if (f) setUnitsText(await fileText(f));
  };

  const go = async (): Promise<void> => {
    if (busy || reading || sources.length === 0) return;
    setProblems([]);
    setDone(null);
    let units: UnitEntry[] | null = null;
    if (unitsText.trim() !== '') {
      try {
        units = parseUnitsText(unitsText);
      } catch (err) {
        const detail = err instanceof UnitsListError ? err.reason[lang] : String(err);
        setProblems([format(s.unitsInvalid, { detail })]);
        return;
      }
    }
    const report: { unit?: string; reportNo?: string; reportDate?: string; reportBy?: string } = {};
    if (settings.unit.trim()) report.unit = settings.unit.trim();
    if (settings.reportNo.trim()) report.reportNo = settings.reportNo.trim();
    if (settings.reportDate) report.reportDate = settings.reportDate;
    if (settings.reportBy.trim()) report.reportBy = settings.reportBy.trim();
    const allowErrorsSwitch = { vi: APP_STRINGS.vi.allowErrorsName, en: APP_STRINGS.en.allowErrorsName };
    const c = consolidate(sources, { templates: packs.catalog.list(), report, units, allowErrors, allowErrorsSwitch });
    if (c.refusals.length > 0) {
      setProblems(c.refusals.map((r) => r.message[lang]));
      return;
    }
    setBusy(true);
    announce(s.consolidating);
    const sheets: string[] = [];
    for (const plan of c.plans) {
      const r = await run(() => adapter.insertTemplate(plan));
      if (!r) break;
      sheets.push(r.sheet);
    }
    setBusy(false);
    if (sheets.length === c.plans.length) {
      const included = c.summary.sources.filter((x) => x.included).length;
      setDone({ sheets, summary: c.summary });
      announce(format(s.consolidated, { files: included, sheets: sheets.join(', ') }));
    }
  };

  return (
    <>
      <div className={styles.row}>
        <Button onClick={() => filesInput.current?.click()} disabledFocusable={reading || busy} aria-describedby={`${filesId}-hint`}>
          {reading ? s.readingFiles : s.chooseFiles}
        </Button>
        <input
          ref={filesInput}
          id={filesId}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple
          hidden
          aria-label={s.chooseFiles}
          data-testid="consolidate-files"
          onChange={(e) => void onFiles(e)}
        />
        {sources.length > 0 && (
          <Button appearance="subtle" onClick={() => setSources([])} disabledFocusable={reading || busy}>
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
                  <span className={x.errors > 0 ? styles.bad : styles.meta}>{format(s.checkCounts, { errors: x.errors, warnings: x.warnings })}</span>
                ) : (
                  <span className={styles.good}>{s.checkClean}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <Field label={s.unitsList} hint={s.unitsHint}>
        <Textarea value={unitsText} onChange={(_, d) => setUnitsText(d.value)} rows={4} resize="vertical" data-testid="consolidate-units" />
      </Field>
      <div className={styles.row}>
        <label htmlFor={unitsFileId}>{s.unitsFile}</label>
        <input id={unitsFileId} className={styles.file} type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void onUnitsFile(e)} />
      </div>
      <Checkbox checked={allowErrors} onChange={(_, d) => setAllowErrors(d.checked === true)} label={s.allowErrors} />
      <StickyActions>
        <Button appearance="primary" onClick={() => void go()} disabledFocusable={busy || reading || sources.length === 0}>
          {busy ? s.consolidating : s.consolidateButton}
        </Button>
      </StickyActions>

      {problems.length > 0 && (
        <MessageBar intent="warning" data-testid="consolidate-problems">
          <MessageBarBody>
            {s.refused}
            <ul className={styles.lines}>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {done && (
        <MessageBar intent="success" data-testid="consolidate-done">
          <MessageBarBody>
            {format(s.consolidated, { files: done.summary.sources.filter((x) => x.included).length, sheets: done.sheets.join(', ') })}
            {(done.summary.expected > 0 || done.summary.sources.some((x) => !x.included)) && (
              <ul className={styles.lines}>
                {done.summary.expected > 0 && (
                  <li>{format(s.missingUnits, { missing: done.summary.missing.length, expected: done.summary.expected, names: names(done.summary.missing) || '—' })}</li>
                )}
                {done.summary.unexpected.length > 0 && <li>{format(s.unexpectedUnits, { count: done.summary.unexpected.length, names: names(done.summary.unexpected) })}</li>}
                {done.summary.sources
                  .filter((x) => !x.included)
                  .map((x) => (
                    <li key={x.file}>
                      {x.file}: {s.excludedNote}
                      {x.reason ? ` (${x.reason[lang]})` : ''}
                    </li>
                  ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
