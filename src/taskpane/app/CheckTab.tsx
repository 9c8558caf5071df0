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
import { Suspense, lazy, useEffect, useLayoutEffect, useRef, useState, type FocusEvent, type ReactNode } from 'react';
import { Button, Link, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { countFindings, type CellRef, type Finding } from '../../core/findings';
import type { NumberSeparators } from '../../excel/types';
import { validateWorkbook } from '../../core/validate';
import { cellName } from '../../core/check-json';
import { CheckSummary, checkSummaryText } from '../../ui/CheckSummary';
import { FindingsByTable } from '../../ui/FindingsByTable';
import { revealResult } from '../../ui/reveal';
import { format } from '../i18n';
import type { Language } from '../strings';
import { useAppStrings, useLang, usePane } from './context';
import type { AppStrings } from './strings';
import { EarlierFiles, historyOf } from './EarlierFiles';

export { findingKey } from '../../ui/FindingItem';

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

/** Where the keyboard was among the findings: which one, its place in the list, which control in it. */
interface FindingFocus {
  key: string;
  index: number;
  control: string | null;
}

/** Quiet time after the user's last edit before the live re-check. */
export const LIVE_DELAY_MS = 800;

/** The check's summary in words, as the status line announces it ("Đã kiểm tra xong. Sẵn sàng gửi. …"). */
export function summaryText(findings: readonly Finding[], s: AppStrings, lang: Language): string {
  const { title, detail } = checkSummaryText(countFindings(findings), s, lang);
  return format(s.checkResult, { title, detail });
}

/** Where the keyboard goes when its finding went away: the same finding (and control) if it is still listed, else the nearest, else the summary. */
function focusTarget(list: HTMLElement | null, summary: HTMLElement | null, was: FindingFocus): HTMLElement | null {
  const items = list ? [...list.querySelectorAll<HTMLElement>('li[data-key]')] : [];
  const same = items.find((li) => li.dataset.key === was.key);
  if (same) {
    const control = was.control === null ? undefined : [...same.querySelectorAll<HTMLElement>('[data-control]')].find((el) => el.dataset.control === was.control);
    return control ?? same;
  }
  return items[Math.min(was.index, items.length - 1)] ?? summary;
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

export default function CheckTab(): ReactNode {
  const s = useAppStrings();
  const lang = useLang();
  const styles = useStyles();
  const { adapter, packs, check, setCheck, earlier, setEarlier, run, announce, openSettings } = usePane();
  const [busy, setBusy] = useState(false);
  const [live, setLive] = useState(false);
  const busyRef = useRef(false);
  const separators = useRef<NumberSeparators | null | undefined>(undefined);

  const undoRef = useRef<HTMLButtonElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLElement>(null);
  /** The findings as last painted in the sheets; null when unknown or after Xóa đánh dấu. */
  const painted = useRef<string | null>(null);
  /** The finding that has (or had, until a re-check removed it) the keyboard. */
  const focused = useRef<FindingFocus | null>(null);
  /** Counts the checks run by Kiểm tra: each result, once drawn, is brought into view (revealResult). */
  const [revealed, setRevealed] = useState(0);

  /**
   * Reads, validates and paints; returns the findings, or null when the adapter failed. A live
   * re-check that finds exactly what is painted leaves the sheets alone.
   */
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
    setCheck((c) => ({ ...c, findings: result.findings, sheets: result.sheets }));
    return result.findings;
  };

  const guarded = async (action: () => Promise<void>): Promise<void> => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    try {
      await action();
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  // The live re-check: the latest render's functions, called from the adapter's change events.
  const liveRecheck = useRef<() => boolean>(() => false);
  liveRecheck.current = (): boolean => {
    if (busyRef.current) return false;
    void guarded(async () => {
      await recheck(true);
    });
    return true;
  };

  useEffect(() => {
    if (!live) return undefined;
    let stopped = false;
    let stop: (() => Promise<void>) | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        // A check or fix running now: try again once it is done.
        if (!stopped && !liveRecheck.current()) schedule();
      }, LIVE_DELAY_MS);
    };
    void run(() => adapter.watchChanges(schedule)).then((unsubscribe) => {
      if (stopped) {
        if (unsubscribe) void run(unsubscribe);
        return;
      }
      stop = unsubscribe;
      // An edit made while the watch was being set up was heard by nobody: check now.
      if (unsubscribe && !liveRecheck.current()) schedule();
    });
    return () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      if (stop) void run(stop);
    };
  }, [live, adapter, run]);

  const onCheck = (): Promise<void> =>
    guarded(async () => {
      announce(s.checking);
      // The summary bar is not a live region: the status line says the result for screen readers,
      // without drawing it a second time above the summary.
      const found = await recheck();
      if (found) {
        announce(summaryText(found, s, lang), { shown: false });
        // Drawn with the status line's new state, so nothing above the summary moves after it.
        setRevealed((n) => n + 1);
      }
    });

  const onFix = (f: Finding): Promise<void> =>
    guarded(async () => {
      const applied = await run(() => adapter.applyFix(f));
      if (!applied) return;
      setCheck((c) => ({ ...c, applied: [...c.applied, applied] }));
      // The fixed finding (and its Sửa button, which had the focus) goes away: keep the keyboard
      // in the pane, on Hoàn tác, the natural next step.
      undoRef.current?.focus();
      if (await recheck()) announce(format(s.fixed, { cell: cellName(applied.cell) }));
    });

  const onUndo = (): Promise<void> =>
    guarded(async () => {
      const last = check.applied[check.applied.length - 1];
      if (!last) return;
      const ok = await run(async () => {
        await adapter.revertFix(last);
        return true;
      });
      if (!ok) return;
      setCheck((c) => ({ ...c, applied: c.applied.slice(0, -1) }));
      if (await recheck()) announce(s.reverted);
    });

  const onClear = (): Promise<void> =>
    guarded(async () => {
      painted.current = null;
      const ok = await run(async () => {
        await adapter.clearMarks();
        return true;
      });
      if (ok) announce(s.marksCleared);
    });

  const findings = check.findings;

  // After Kiểm tra: the summary and the first finding in view, the keyboard on the summary.
  useLayoutEffect(() => {
    if (revealed > 0) revealResult(summaryRef.current, listRef.current?.querySelector<HTMLElement>('li[data-key]') ?? null);
  }, [revealed]);

  // A re-check removed the finding that had the keyboard: the nearest remaining one takes it, or the
  // summary when none is left. When the clerk is in the sheet meanwhile (the pane has no focus),
  // that happens on coming back, so the pane never takes the keyboard away from Excel.
  const comeBack = useRef<(() => void) | null>(null);
  /** Whether the pane's window has the keyboard (false while the clerk works in the sheet). */
  const paneFocused = useRef(typeof document.hasFocus === 'function' ? document.hasFocus() : true);
  useEffect(() => {
    const onFocus = (): void => {
      paneFocused.current = true;
    };
    const onBlur = (): void => {
      paneFocused.current = false;
    };
    window.addEventListener('focus', onFocus);
    window.addEventListener('blur', onBlur);
    return () => {
      window.removeEventListener('focus', onFocus);
      window.removeEventListener('blur', onBlur);
      comeBack.current?.();
    };
  }, []);
  useLayoutEffect(() => {
    const was = focused.current;
    if (!was) return;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const target = focusTarget(listRef.current, summaryRef.current, was);
    if (!target) return;
    comeBack.current?.();
    comeBack.current = null;
    if (paneFocused.current) {
      target.focus();
      return;
    }
    const onBack = (): void => {
      window.removeEventListener('focus', onBack);
      comeBack.current = null;
      const now = document.activeElement;
      if ((!now || now === document.body) && target.isConnected) target.focus();
    };
    window.addEventListener('focus', onBack);
    comeBack.current = () => window.removeEventListener('focus', onBack);
  }, [findings]);

  const noteFocus = (e: FocusEvent<HTMLElement>): void => {
    const el = e.target as HTMLElement;
    const li = el.closest<HTMLElement>('li[data-key]');
    if (!li || !listRef.current) return;
    paneFocused.current = true;
    const items = [...listRef.current.querySelectorAll<HTMLElement>('li[data-key]')];
    focused.current = { key: li.dataset.key ?? '', index: items.indexOf(li), control: el.closest<HTMLElement>('[data-control]')?.dataset.control ?? null };
  };
  const noteBlur = (e: FocusEvent<HTMLElement>): void => {
    // The keyboard went elsewhere in the pane: nothing to follow. (Focus leaving the pane, or the
    // element being removed, has no next target: the record stays.)
    const next = e.relatedTarget as Node | null;
    if (next && next !== document.body && !listRef.current?.contains(next)) focused.current = null;
  };

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
        <section aria-label={s.findingsOf} className={styles.group} ref={listRef} onFocus={noteFocus} onBlur={noteBlur}>
          <FindingsByTable
            findings={findings}
            sheets={check.sheets}
            lang={lang}
            keyed
            renderCell={(c) => <CellLink cell={c} />}
            renderFix={(f, messageId) => (
              <Button size="small" appearance="primary" aria-describedby={messageId} onClick={() => void onFix(f)} disabledFocusable={busy} data-control="fix">
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
