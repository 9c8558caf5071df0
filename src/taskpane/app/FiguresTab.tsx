/**
 * Số liệu: totals, per-day and per-month averages and ratios of the tables in the workbook, with
 * the sentences the report's text needs, each copyable ("Sao chép"); every figure copied or saved as
 * CSV (FiguresExport).
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import { Button, MessageBar, MessageBarBody, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { tableComparison, type HistoryResult } from '../../core/history/history';
import { comparedLine, historyOf } from './EarlierFiles';
import { HistoryTable } from './HistoryTables';
import { workbookFigures, type Sentence, type WorkbookFigures } from '../../core/figures';
import { formatDateVi } from '../../core/dates';
import { format } from '../../ui/i18n';
import { useAppStrings, useLang, usePane } from './context';
import { FiguresExport } from './FiguresExport';

const useStyles = makeStyles({
  table: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  lines: { margin: 0, display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS },
  dt: { overflowWrap: 'anywhere', fontSize: tokens.fontSizeBase200 },
  dd: { margin: 0, textAlign: 'right', fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  sentences: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  sentence: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
  quote: { margin: 0, overflowWrap: 'anywhere', userSelect: 'text' },
});

/** Copies text to the clipboard; falls back to a hidden text area where the async API is refused. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the older way
  }
  try {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = typeof document.execCommand === 'function' && document.execCommand('copy');
    area.remove();
    return ok;
  } catch {
    return false;
  }
}

function SentenceItem({ sentence }: { sentence: Sentence }): ReactNode {
  const s = useAppStrings();
  const lang = useLang();
  const styles = useStyles();
  const { announce } = usePane();
  const id = useId();
  const text = sentence.text[lang];
  return (
    <li className={styles.sentence}>
      <p id={id} className={styles.quote} data-sentence={sentence.id}>
        {text}
      </p>
      <div>
        <Button size="small" aria-describedby={id} onClick={() => void copyText(text).then((ok) => announce(ok ? s.copied : s.copyFailed))}>
          {s.copy}
        </Button>
      </div>
    </li>
  );
}

/** One table's figures: its lines, its comparison with the earlier periods, the sentences for the report. */
function FigureTable({ t, ti, history, all }: { t: WorkbookFigures['tables'][number]; ti: number; history: HistoryResult | null; all: boolean }): ReactNode {
  const s = useAppStrings();
  const lang = useLang();
  const styles = useStyles();
  const comparison = history !== null ? tableComparison(history, t.sheet) : null;
  return (
    <section className={styles.table} aria-labelledby={`fig-${ti}`} data-template={t.templateId}>
      <Text as="h2" size={400} weight="semibold" id={`fig-${ti}`}>
        {t.sheet}
      </Text>
      {t.incomplete && (
        <MessageBar intent="warning">
          <MessageBarBody>{s.incomplete}</MessageBarBody>
        </MessageBar>
      )}
      <dl className={styles.lines}>
        {t.lines.map((l) => (
          <div key={l.id} style={{ display: 'contents' }}>
            <dt className={styles.dt}>{l.label[lang]}</dt>
            <dd className={styles.dd} data-figure={l.id}>
              {l.text[lang]}
            </dd>
          </div>
        ))}
      </dl>
      {comparison ? <HistoryTable comparison={comparison} all={all} /> : null}
      <Text as="h3" size={300} weight="semibold">
        {s.sentences}
      </Text>
      <ul className={styles.sentences}>
        {t.sentences.map((x) => (
          <SentenceItem key={x.id} sentence={x} />
        ))}
      </ul>
    </section>
  );
}

export default function FiguresTab(): ReactNode {
  const s = useAppStrings();
  const { adapter, packs, settings, earlier, run } = usePane();
  /** The figures of the workbook, and its comparison with the earlier periods chosen in Kiểm tra (null when none is chosen). */
  const [computed, setComputed] = useState<{ figures: WorkbookFigures; history: HistoryResult | null } | null>(null);
  const [allFigures, setAllFigures] = useState(false);
  const [busy, setBusy] = useState(false);
  const figures = computed?.figures ?? null;
  const history = computed?.history ?? null;

  const compute = async (): Promise<void> => {
    setBusy(true);
    const read = await run(() => adapter.readTables(packs.catalog));
    setBusy(false);
    if (!read) return;
    const period = settings.from && settings.to ? { from: settings.from, to: settings.to } : undefined;
    setComputed({ figures: workbookFigures(read, period, packs.catalog), history: historyOf(read, earlier.inputs, packs.catalog) });
  };

  useEffect(() => {
    // computed once when the tab opens; the button recomputes
    void compute();
  }, []);

  return (
    <>
      <div>
        <Button onClick={() => void compute()} disabledFocusable={busy}>
          {busy ? s.computing : s.refresh}
        </Button>
      </div>
      {figures !== null && (
        <Text size={200} data-testid="figures-period">
          {figures.period
            ? format(s.periodLine, { from: formatDateVi(figures.period.from), to: formatDateVi(figures.period.to), days: figures.period.days })
            : s.periodUnknown}
        </Text>
      )}
      {history !== null && (
        <Text size={200} data-testid="figures-compared">
          {comparedLine(history, s)}
        </Text>
      )}
      {history !== null && history.tables.length > 0 && (
        <Switch label={s.historyAll} checked={allFigures} onChange={(_e, d) => setAllFigures(d.checked)} data-testid="history-all" />
      )}
      {figures !== null && figures.tables.length === 0 && (
        <MessageBar intent="info">
          <MessageBarBody>{s.figuresNone}</MessageBarBody>
        </MessageBar>
      )}
      {figures?.tables.map((t, ti) => <FigureTable key={`${t.sheet}-${ti}`} t={t} ti={ti} history={history} all={allFigures} />)}
      {figures !== null && figures.tables.length > 0 && <FiguresExport copy={copyText} />}
    </>
  );
}
