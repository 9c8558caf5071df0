/**
 * Kiểm tra: reads every table of the workbook, runs the validation engine, marks the findings in
 * the sheets and lists them grouped by table, errors first. A finding's cell selects it in Excel;
 * "Sửa" applies its fix and checks again; "Hoàn tác" puts back what the last fix replaced.
 * With no error left the pane says so plainly: "Sẵn sàng gửi". With the live switch on, the user's
 * edits to the tables re-check by themselves, LIVE_DELAY_MS after the last one (the adapter never
 * reports its own writes, so Sửa, Hoàn tác and the marks do not loop).
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Badge, Button, Link, MessageBar, MessageBarBody, MessageBarTitle, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CellRef, Finding } from '../../core/findings';
import type { NumberSeparators } from '../../excel/types';
import { validateWorkbook } from '../../core/validate';
import { EN_SEPARATORS, VI_SEPARATORS, formatNumber } from '../../core/numbers';
import { format } from '../i18n';
import type { Language } from '../strings';
import { useAppStrings, useLang, usePane } from './context';
import type { AppStrings } from './strings';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  group: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  error: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteRedBorder2}` },
  warning: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteYellowBorder2}` },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS },
  message: { overflowWrap: 'anywhere' },
  numbers: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, margin: 0, fontSize: tokens.fontSizeBase200 },
  pair: { display: 'flex', columnGap: tokens.spacingHorizontalXS },
  dd: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  fixLine: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

/** Quiet time after the user's last edit before the live re-check. */
export const LIVE_DELAY_MS = 800;

interface Group {
  sheet: string;
  findings: Finding[];
}

/** Findings grouped by the sheet of their first cell: tables with errors first, in workbook order; errors before warnings. */
export function groupFindings(findings: Finding[], sheets: string[]): Group[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.cells[0]?.sheet ?? '';
    const list = groups.get(key) ?? [];
    list.push(f);
    groups.set(key, list);
  }
  const order = (sheet: string): number => (sheet === '' ? -1 : sheets.indexOf(sheet) === -1 ? sheets.length : sheets.indexOf(sheet));
  // Tables with an error come first (a clerk fixes those before sending), then the others; each in workbook order.
  const hasError = (list: Finding[]): number => (list.some((f) => f.severity === 'error') ? 0 : 1);
  return [...groups.entries()]
    .sort((a, b) => hasError(a[1]) - hasError(b[1]) || order(a[0]) - order(b[0]))
    .map(([sheet, list]) => ({
      sheet,
      findings: [...list.filter((f) => f.severity === 'error'), ...list.filter((f) => f.severity !== 'error')],
    }));
}

/** The check's summary in words, as the status line announces it ("Đã kiểm tra xong. Sẵn sàng gửi. …"). */
export function summaryText(findings: readonly Finding[], s: AppStrings): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  return errors === 0
    ? format(s.checkResult, { title: s.readyToSend, detail: format(s.readyDetail, { warnings }) })
    : format(s.checkResult, { title: s.notReady, detail: format(s.notReadyDetail, { errors, warnings }) });
}

function separatorsFor(lang: Language): NumberSeparators {
  return lang === 'vi' ? VI_SEPARATORS : EN_SEPARATORS;
}

function cellText(c: CellRef): string {
  return `${c.sheet}!${c.address}`;
}

function FindingItem({ finding, onFix, busy }: { finding: Finding; onFix: (f: Finding) => void; busy: boolean }): ReactNode {
  const s = useAppStrings();
  const lang = useLang();
  const styles = useStyles();
  const { adapter, run, announce } = usePane();
  const messageId = useId();
  const sep = separatorsFor(lang);
  const isError = finding.severity === 'error';
  const select = async (c: CellRef): Promise<void> => {
    const ok = await run(async () => {
      await adapter.selectCell(c);
      return true;
    });
    if (ok) announce(format(s.selected, { cell: cellText(c) }));
  };
  return (
    <li className={`${styles.item} ${isError ? styles.error : styles.warning}`} data-rule={finding.rule} data-severity={finding.severity}>
      <div className={styles.line}>
        <Badge appearance="filled" color={isError ? 'danger' : 'warning'} size="small">
          {isError ? s.error : s.warning}
        </Badge>
        <Text id={messageId} size={300} className={styles.message}>
          {finding.message[lang]}
        </Text>
      </div>
      {finding.cells.length > 0 && (
        <div className={styles.line}>
          <Text size={200}>{s.cells}:</Text>
          {finding.cells.map((c) => (
            <Link as="button" key={cellText(c)} title={s.selectCellHint} onClick={() => void select(c)} data-cell={cellText(c)}>
              {cellText(c)}
            </Link>
          ))}
        </div>
      )}
      {finding.left !== undefined && finding.right !== undefined && (
        <dl className={styles.numbers} data-testid="arithmetic">
          <div className={styles.pair}>
            <dt>{s.left}:</dt>
            <dd className={styles.dd}>{formatNumber(finding.left, sep)}</dd>
          </div>
          <div className={styles.pair}>
            <dt>{s.right}:</dt>
            <dd className={styles.dd}>{formatNumber(finding.right, sep)}</dd>
          </div>
          {finding.difference !== undefined && (
            <div className={styles.pair}>
              <dt>{s.difference}:</dt>
              <dd className={styles.dd}>{formatNumber(finding.difference, sep)}</dd>
            </div>
          )}
        </dl>
      )}
      {finding.fix && (
        <div className={styles.line}>
          <Button size="small" appearance="primary" aria-describedby={messageId} onClick={() => onFix(finding)} disabledFocusable={busy}>
            {s.fix}
          </Button>
          <Text className={styles.fixLine}>{format(s.fixWill, { label: finding.fix.label[lang] })}</Text>
        </div>
      )}
    </li>
  );
}

export default function CheckTab(): ReactNode {
  const s = useAppStrings();
  const styles = useStyles();
  const baseId = useId();
  const { adapter, check, setCheck, run, announce } = usePane();
  const [busy, setBusy] = useState(false);
  const [live, setLive] = useState(false);
  const busyRef = useRef(false);
  const separators = useRef<NumberSeparators | null | undefined>(undefined);

  const undoRef = useRef<HTMLButtonElement>(null);

  /** Reads, validates and paints; returns the findings, or null when the adapter failed. */
  const recheck = async (): Promise<Finding[] | null> => {
    const result = await run(async () => {
      if (separators.current === undefined) separators.current = await adapter.numberSeparators();
      const read = await adapter.readTables();
      const findings = validateWorkbook(read, { today: new Date(), separators: separators.current ?? undefined });
      await adapter.paintFindings(findings);
      return { findings, sheets: read.tables.map((t) => t.sheet) };
    });
    if (!result) return null;
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
      await recheck();
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
      } else stop = unsubscribe;
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
      // The summary bar is not a live region: the status line says the result for screen readers.
      const found = await recheck();
      if (found) announce(summaryText(found, s));
    });

  const onFix = (f: Finding): Promise<void> =>
    guarded(async () => {
      const applied = await run(() => adapter.applyFix(f));
      if (!applied) return;
      setCheck((c) => ({ ...c, applied: [...c.applied, applied] }));
      // The fixed finding (and its Sửa button, which had the focus) goes away: keep the keyboard
      // in the pane, on Hoàn tác, the natural next step.
      undoRef.current?.focus();
      if (await recheck()) announce(format(s.fixed, { cell: cellText(applied.cell) }));
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
      const ok = await run(async () => {
        await adapter.clearMarks();
        return true;
      });
      if (ok) announce(s.marksCleared);
    });

  const findings = check.findings;
  const errors = findings?.filter((f) => f.severity === 'error').length ?? 0;
  const warnings = findings ? findings.length - errors : 0;

  return (
    <>
      <Text as="p" size={300}>
        {s.checkIntro}
      </Text>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void onCheck()} disabledFocusable={busy} data-testid="run-check">
          {s.check}
        </Button>
        <Button ref={undoRef} onClick={() => void onUndo()} disabledFocusable={busy || check.applied.length === 0}>
          {s.undo}
        </Button>
        <Button onClick={() => void onClear()} disabledFocusable={busy}>
          {s.clearMarks}
        </Button>
      </div>
      <Switch label={s.liveCheck} checked={live} onChange={(_e, d) => setLive(d.checked)} data-testid="live-check" />
      {findings !== null &&
        (errors === 0 ? (
          <MessageBar intent="success" data-testid="check-summary" data-ready="true">
            <MessageBarBody>
              <MessageBarTitle>{s.readyToSend}</MessageBarTitle>
              {format(s.readyDetail, { warnings })}
            </MessageBarBody>
          </MessageBar>
        ) : (
          <MessageBar intent="warning" data-testid="check-summary" data-ready="false">
            <MessageBarBody>
              <MessageBarTitle>{s.notReady}</MessageBarTitle>
              {format(s.notReadyDetail, { errors, warnings })}
            </MessageBarBody>
          </MessageBar>
        ))}
      {findings !== null && findings.length > 0 && (
        <section aria-label={s.findingsOf} className={styles.group}>
          {groupFindings(findings, check.sheets).map((g, gi) => (
            <section key={g.sheet} className={styles.group} aria-labelledby={`${baseId}-g${gi}`} data-sheet={g.sheet}>
              <Text as="h2" size={400} weight="semibold" id={`${baseId}-g${gi}`}>
                {g.sheet === '' ? s.findingsOf : g.sheet}
              </Text>
              <ul className={styles.list}>
                {g.findings.map((f, i) => (
                  <FindingItem key={`${f.rule}-${i}-${f.cells[0]?.address ?? ''}`} finding={f} onFix={(x) => void onFix(x)} busy={busy} />
                ))}
              </ul>
            </section>
          ))}
        </section>
      )}
    </>
  );
}
