/**
 * Kiểm tra: reads every table of the workbook, runs the validation engine, marks the findings in
 * the sheets and lists them grouped by table, errors first. A finding's cell selects it in Excel;
 * "Sửa" applies its fix and checks again; "Hoàn tác" puts back what the last fix replaced.
 * With no error left the pane says so plainly: "Sẵn sàng gửi". With the live switch on, the user's
 * edits to the tables re-check by themselves, LIVE_DELAY_MS after the last one; switching it on
 * checks once the watch is in place, so an edit made meanwhile is not missed. A live re-check
 * that finds what is already marked paints nothing, so even a host that reported the marks as a
 * change could not make it loop. When a re-check removes the finding that had the keyboard, the
 * focus goes to the nearest remaining finding, or to the summary.
 */
import { Suspense, lazy, useLayoutEffect, useReducer, useRef, type ReactNode, type RefObject } from 'react';
import { Button, Link, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { countFindings, type CellRef, type Finding } from '../../core/check/findings';
import type { NumberSeparators } from '../../excel/types';
import { validateWorkbook } from '../../core/check/validate';
import { cellName } from '../../core/check/check-json';
import { CheckSummary, checkSummaryText } from '../../ui/CheckSummary';
import { FindingsByTable } from '../../ui/FindingsByTable';
import { revealResult } from '../../ui/reveal';
import { format } from '../../ui/i18n';
import type { Language } from '../../ui/i18n';
import { useAppStrings, useLang, usePane } from './context';
import type { AppStrings } from './strings';
import { EarlierFiles, historyOf } from './EarlierFiles';
import { CHECK_SCREEN, checkResult, checkScreen, type CheckScreen, type CheckScreenAction } from './check-model';
import { useLiveRecheck } from './hooks/useLiveRecheck';
import { useFocusFollow } from './hooks/useFocusFollow';


/** Đối chiếu báo cáo (.docx)…: its own chunk, with the .docx reader and the tie-out loaded when a report is chosen. */
const TieOutPane = lazy(() => import(/* webpackChunkName: "tieout-pane" */ './TieOutPane'));

/** The report information left blank in several tables: its action opens Thiết lập báo cáo. */
const REPORT_INCOMPLETE = 'report.incomplete';

const useStyles = makeStyles({
  // The three buttons fit one row of a 320 px pane: no minimum width, narrower padding.
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXS },
  action: { minWidth: 0, paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS },
  group: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
});

/** The check's summary in words, as the status line announces it ("Đã kiểm tra xong. Sẵn sàng gửi. …"). */
export function summaryText(findings: readonly Finding[], s: AppStrings, lang: Language): string {
  const { title, detail } = checkSummaryText(countFindings(findings), s, lang);
  return format(s.checkResult, { title, detail });
}

/** A finding's cell as a link that selects it in the sheet. */
function CellLink({ cell }: { cell: CellRef }): ReactNode {
  const s = useAppStrings();
  const { adapter, run, announce } = usePane();
  const select = async (): Promise<void> => {
    const ok = await run(async () => {
      await adapter.selectCell(cell);
      return true;
    });
    if (ok) announce(format(s.selected, { cell: cellName(cell) }));
  };
  return (
    <Link as="button" title={s.selectCellHint} onClick={() => void select()} data-cell={cellName(cell)} data-control={`cell:${cellName(cell)}`}>
      {cellName(cell)}
    </Link>
  );
}

/**
 * Reads, validates and paints; resolves the findings, or null when the adapter failed. A live
 * re-check that finds exactly what is painted leaves the sheets alone. `forget` after Xóa đánh dấu.
 */
function useRecheck(): { recheck: (live?: boolean) => Promise<Finding[] | null>; forget: () => void } {
  const { adapter, packs, earlier, setCheck, setEarlier, run } = usePane();
  const separators = useRef<NumberSeparators | null | undefined>(undefined);
  /** The findings as last painted in the sheets; null when unknown or after Xóa đánh dấu. */
  const painted = useRef<string | null>(null);
  const recheck = async (live = false): Promise<Finding[] | null> => {
    const result = await run(async () => {
      if (separators.current === undefined) separators.current = await adapter.numberSeparators();
      const read = await adapter.readTables(packs.catalog);
      const own = validateWorkbook(read, { today: new Date(), separators: separators.current ?? undefined, catalog: packs.catalog });
      // The earlier periods chosen (So với các kỳ trước…): their history.outlier warnings join the findings.
      const history = historyOf(read, earlier.inputs, packs.catalog);
      const findings = history ? [...own, ...history.findings] : own;
      const key = JSON.stringify(findings);
      if (!live || key !== painted.current) {
        painted.current = null;
        await adapter.paintFindings(findings);
        painted.current = key;
      }
      return { findings, history, inputs: earlier.inputs, sheets: read.tables.map((t) => t.sheet) };
    });
    if (!result) return null;
    // The comparison is kept only while the same files are chosen.
    setEarlier((e) => (e.inputs === result.inputs ? { ...e, result: result.history } : e));
    setCheck((c) => checkResult(c, { type: 'checked', findings: result.findings, sheets: result.sheets }));
    return result.findings;
  };
  return { recheck, forget: () => void (painted.current = null) };
}

/** Runs one action at a time: another asked for meanwhile is dropped (and reported by `busyNow`). */
function useGuard(dispatch: (a: CheckScreenAction) => void): { guarded: (action: () => Promise<void>) => Promise<void>; busyNow: () => boolean } {
  const busyRef = useRef(false);
  const guarded = async (action: () => Promise<void>): Promise<void> => {
    if (busyRef.current) return;
    busyRef.current = true;
    dispatch({ type: 'busy', busy: true });
    try {
      await action();
    } finally {
      busyRef.current = false;
      dispatch({ type: 'busy', busy: false });
    }
  };
  return { guarded, busyNow: () => busyRef.current };
}

/** The screen's state and its four actions: Kiểm tra, Sửa, Hoàn tác, Xóa đánh dấu; the live re-check. */
function useCheckActions(undoRef: RefObject<HTMLButtonElement | null>): {
  screen: CheckScreen;
  setLive: (on: boolean) => void;
  onCheck: () => Promise<void>;
  onFix: (f: Finding) => Promise<void>;
  onUndo: () => Promise<void>;
  onClear: () => Promise<void>;
} {
  const s = useAppStrings();
  const lang = useLang();
  const { adapter, check, setCheck, run, announce } = usePane();
  const [screen, dispatch] = useReducer(checkScreen, CHECK_SCREEN);
  const { recheck, forget } = useRecheck();
  const { guarded, busyNow } = useGuard(dispatch);
  const ran = async (action: () => Promise<unknown>): Promise<boolean> =>
    (await run(async () => {
      await action();
      return true;
    })) === true;

  useLiveRecheck(screen.live, adapter, run, () => {
    if (busyNow()) return false;
    void guarded(async () => {
      await recheck(true);
    });
    return true;
  });

  const onCheck = (): Promise<void> =>
    guarded(async () => {
      announce(s.checking);
      // The summary bar is not a live region: the status line says the result for screen readers,
      // without drawing it a second time above the summary.
      const found = await recheck();
      if (!found) return;
      announce(summaryText(found, s, lang), { shown: false });
      // Drawn with the status line's new state, so nothing above the summary moves after it.
      dispatch({ type: 'revealed' });
    });
  const onFix = (f: Finding): Promise<void> =>
    guarded(async () => {
      const applied = await run(() => adapter.applyFix(f));
      if (!applied) return;
      setCheck((c) => checkResult(c, { type: 'fixed', fix: applied }));
      // The fixed finding (and its Sửa button, which had the focus) goes away: keep the keyboard
      // in the pane, on Hoàn tác, the natural next step.
      undoRef.current?.focus();
      if (await recheck()) announce(format(s.fixed, { cell: cellName(applied.cell) }));
    });
  const onUndo = (): Promise<void> =>
    guarded(async () => {
      const last = check.applied[check.applied.length - 1];
      if (!last || !(await ran(() => adapter.revertFix(last)))) return;
      setCheck((c) => checkResult(c, { type: 'undone' }));
      if (await recheck()) announce(s.reverted);
    });
  const onClear = (): Promise<void> =>
    guarded(async () => {
      forget();
      if (await ran(() => adapter.clearMarks())) announce(s.marksCleared);
    });
  const setLive = (on: boolean): void => dispatch({ type: 'live', on });
  return { screen, setLive, onCheck, onFix, onUndo, onClear };
}

/** The findings grouped by table, each with its cell link and its Sửa (or Thiết lập báo cáo) button. */
function FindingsList({ findings, busy, onFix }: { findings: Finding[]; busy: boolean; onFix: (f: Finding) => void }): ReactNode {
  const s = useAppStrings();
  const lang = useLang();
  const { check, openSettings } = usePane();
  return (
    <FindingsByTable
      findings={findings}
      sheets={check.sheets}
      lang={lang}
      keyed
      renderCell={(c) => <CellLink cell={c} />}
      renderFix={(f, messageId) => (
        <Button size="small" appearance="primary" aria-describedby={messageId} onClick={() => onFix(f)} disabledFocusable={busy} data-control="fix">
          {s.fix}
        </Button>
      )}
      renderAction={(f, messageId) =>
        f.rule === REPORT_INCOMPLETE && openSettings ? (
          <Button size="small" appearance="primary" aria-describedby={messageId} onClick={openSettings} data-control="settings">
            {s.tabSettings}
          </Button>
        ) : null
      }
    />
  );
}

export default function CheckTab(): ReactNode {
  const s = useAppStrings();
  const lang = useLang();
  const styles = useStyles();
  const { check } = usePane();
  const undoRef = useRef<HTMLButtonElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLElement>(null);
  const { screen, setLive, onCheck, onFix, onUndo, onClear } = useCheckActions(undoRef);
  const { busy, live, revealed } = screen;
  const findings = check.findings;

  // After Kiểm tra: the summary and the first finding in view, the keyboard on the summary.
  useLayoutEffect(() => {
    if (revealed > 0) revealResult(summaryRef.current, listRef.current?.querySelector<HTMLElement>('li[data-key]') ?? null);
  }, [revealed]);
  // A re-check removed the finding that had the keyboard: the nearest remaining one takes it.
  const follow = useFocusFollow(listRef, summaryRef, findings);

  return (
    <>
      <div className={styles.actions}>
        <Button appearance="primary" className={styles.action} onClick={() => void onCheck()} disabledFocusable={busy} data-testid="run-check">
          {s.check}
        </Button>
        <Button ref={undoRef} className={styles.action} onClick={() => void onUndo()} disabledFocusable={busy || check.applied.length === 0}>
          {s.undo}
        </Button>
        <Button className={styles.action} onClick={() => void onClear()} disabledFocusable={busy}>
          {s.clearMarks}
        </Button>
      </div>
      <Switch label={s.liveCheck} checked={live} onChange={(_e, d) => setLive(d.checked)} data-testid="live-check" />
      {findings !== null && <CheckSummary counts={countFindings(findings)} lang={lang} ref={summaryRef} />}
      {findings !== null && findings.length > 0 && (
        <section aria-label={s.findingsOf} className={styles.group} ref={listRef} onFocus={follow.onFocus} onBlur={follow.onBlur}>
          <FindingsList findings={findings} busy={busy} onFix={(f) => void onFix(f)}/>
        </section>
      )}
      {/* Below the results: at 320 × 560 the summary and the first finding stay on screen after a check. */}
      <EarlierFiles busy={busy} />
      <Suspense fallback={null}>
        <TieOutPane busy={busy} />
      </Suspense>
    </>
  );
}
