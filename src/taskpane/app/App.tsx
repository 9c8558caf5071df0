/**
 * The pane clerks use: five tabs — Bảng biểu (insert tables), Thiết lập báo cáo (report settings),
 * Kiểm tra (check before sending), Số liệu (figures for the report's text), Tổng hợp (add up the
 * units' workbooks). The first screen
 * (tables) is in the start bundle; the other tabs are loaded when first opened.
 *
 * Laid out for a pane of 320 × 560 px: the header is one line (the pane puts its "?" and language
 * buttons at its end), the tabs one row. The very first time the pane opens it shows the first-run
 * screen instead of the tabs; each tab's introduction is shown the first time the tab opens, then
 * waits behind the header's "?" button. Both are remembered on this computer (memory.ts).
 */
import { Suspense, lazy, useCallback, useEffect, useMemo, useReducer, useRef, useState, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { ReportInfo, WorkbookAdapter } from '../../excel/types';
import type { Language } from '../../ui/i18n';
import { format } from '../../ui/i18n';
import { useHeaderSlot } from '../Shell';
import { EMPTY_CHECK, NO_EARLIER, PaneContext, emptyReportInfo, errorText, useAppStrings, type CheckState, type EarlierState, type PaneContextValue, type PanePacks } from './context';
import { PartBoundary } from '../../ui/PartBoundary';
import { usePackLoad } from '../../ui/usePackLoad';
import { useExcelCall } from './hooks/useExcelCall';
import { paneFrame, type PaneAction, type PaneFrame } from './pane-model';
import { BUILTIN_CATALOG } from '../../core/forms/builtin';
import type { PackLoad } from '../../core/forms/pack-loader';
import type { AppStrings } from './strings';
import { TablesTab } from './TablesTab';
import { Tabs } from '../../ui/Tabs';
import { FirstRun } from './FirstRun';
import { FIRST_RUN_DONE, introSeenKey, paneMemory, type PaneMemory } from './memory';

const SettingsTab = lazy(() => import(/* webpackChunkName: "settings" */ './SettingsTab'));
const CheckTab = lazy(() => import(/* webpackChunkName: "check" */ './CheckTab'));
const FiguresTab = lazy(() => import(/* webpackChunkName: "figures" */ './FiguresTab'));
const ConsolidateTab = lazy(() => import(/* webpackChunkName: "consolidate" */ './ConsolidateTab'));

export type TabId = 'tables' | 'settings' | 'check' | 'figures' | 'consolidate';


const useStyles = makeStyles({
  // No gaps of its own: an empty message area takes no room.
  root: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  top: { display: 'flex', justifyContent: 'flex-end', columnGap: tokens.spacingHorizontalXXS },
  help: { minWidth: '28px', paddingLeft: 0, paddingRight: 0, fontWeight: tokens.fontWeightSemibold },
  intro: {
    margin: 0,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  messages: { display: 'flex', flexDirection: 'column' },
  alert: { display: 'flex', flexDirection: 'column', scrollMarginTop: tokens.spacingVerticalM, ':not(:empty)': { marginTop: tokens.spacingVerticalS } },
  status: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    ':not(:empty)': { marginTop: tokens.spacingVerticalXS },
  },
  /** A status that repeats what the tab shows already (the check's summary): read out, not drawn twice. */
  quiet: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    overflow: 'hidden',
    clip: 'rect(0, 0, 0, 0)',
    whiteSpace: 'nowrap',
  },
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0, marginTop: tokens.spacingVerticalS },
});

export interface AppProps {
  adapter: WorkbookAdapter;
  /** Called by the in-pane language switch. */
  onLanguageChange?: (language: Language) => void;
  initialTab?: TabId;
  /** Today as ISO `yyyy-mm-dd` (tests pass a fixed day). */
  today?: string;
  /** Loads the packs deployed beside the pane (packs/index.json); without it, the built-in pack only. */
  loadPacks?: () => Promise<PackLoad>;
  /** Where the first run and the introductions seen are remembered (default: the browser's local storage). */
  memory?: PaneMemory;
}

/** What the tabs share beyond the frame: the report settings, the tables inserted, the check's result, the earlier periods, the packs. */
function usePaneData(adapter: WorkbookAdapter, loadPacks: AppProps['loadPacks'], run: PaneContextValue['run']): Omit<PaneContextValue, 'adapter' | 'run' | 'announce' | 'openSettings'> {
  const [settings, setSettingsState] = useState<ReportInfo>(emptyReportInfo);
  /** Set once the clerk saved settings: a slower read of the workbook's older ones must not undo that. */
  const savedHere = useRef(false);
  const [check, setCheck] = useState<CheckState>(EMPTY_CHECK);
  const [earlier, setEarlier] = useState<EarlierState>(NO_EARLIER);
  const [inserted, setInserted] = useState<Readonly<Record<string, string[]>>>({});
  const [packs, setPacks] = useState<PanePacks>(() => ({ catalog: BUILTIN_CATALOG, loaded: [], indexError: null, loading: loadPacks !== undefined }));
  const noteInserted = useCallback((templateId: string, sheet: string) => {
    setInserted((m) => ({ ...m, [templateId]: [...(m[templateId] ?? []), sheet] }));
    // A new table was never checked: the last result (maybe "Sẵn sàng gửi") no longer holds.
    setCheck((c) => ({ ...c, findings: null }));
  }, []);
  const setSettings = useCallback((info: ReportInfo) => {
    savedHere.current = true;
    setSettingsState(info);
  }, []);
  useEffect(() => {
    let cancelled = false;
    void run(() => adapter.loadSettings()).then((loaded) => {
      // An open settings form takes them into the fields the clerk has not edited yet.
      if (!cancelled && loaded && !savedHere.current) setSettingsState(loaded);
    });
    return () => {
      cancelled = true;
    };
  }, [adapter, run]);
  // The deployed packs, once at start: a pack is either loaded whole or listed with its faults.
  usePackLoad(
    loadPacks,
    (r) => setPacks({ catalog: r.catalog, loaded: r.packs, indexError: r.indexError, loading: false }),
    (e) => setPacks({ catalog: BUILTIN_CATALOG, loaded: [], indexError: { vi: errorText(e), en: errorText(e) }, loading: false }),
  );
  return useMemo(
    () => ({ packs, settings, setSettings, inserted, noteInserted, check, setCheck, earlier, setEarlier }),
    [packs, settings, setSettings, inserted, noteInserted, check, earlier],
  );
}

/** The header's "?" (the open tab's introduction) and language buttons. */
function HeaderButtons({ frame, dispatch, onLanguageChange }: { frame: PaneFrame; dispatch: (a: PaneAction) => void; onLanguageChange?: (language: Language) => void }): ReactNode {
  const s = useAppStrings();
  const styles = useStyles();
  const introName = format(s.introButton, { tab: tabItems(s).find((t) => t.value === frame.tab)?.label ?? '' });
  return (
    <>
      {!frame.firstRun && (
        <Button
          appearance="subtle"
          size="small"
          className={styles.help}
          aria-label={introName}
          title={introName}
          aria-expanded={frame.introOpen}
          aria-controls="tab-intro"
          onClick={() => dispatch({ type: 'toggleIntro' })}
          data-testid="intro-button"
        >
          ?
        </Button>
      )}
      {onLanguageChange && (
        <Button appearance="subtle" size="small" lang={s.switchLanguageLang} onClick={() => onLanguageChange(s.switchLanguageLang)}>
          {s.switchLanguage}
        </Button>
      )}
    </>
  );
}

/** The error message (with its dismiss button) and the status line. */
function PaneMessages({ frame, errorRef, onDismiss }: { frame: PaneFrame; errorRef: RefObject<HTMLDivElement | null>; onDismiss: () => void }): ReactNode {
  const s = useAppStrings();
  const styles = useStyles();
  return (
    <div className={styles.messages}>
      <div role="alert" ref={errorRef} className={styles.alert}>
        {frame.error !== null && (
          <MessageBar intent="error" data-testid="pane-error">
            <MessageBarBody>{frame.error}</MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={onDismiss}>
                {s.dismiss}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
      </div>
      <div role="status" aria-live="polite" className={mergeClasses(styles.status, !frame.statusShown && styles.quiet)} data-testid="pane-status">
        {frame.status}
      </div>
    </div>
  );
}

function tabItems(s: AppStrings): { value: TabId; label: string; short?: string }[] {
  return [
    { value: 'tables', label: s.tabTables },
    { value: 'settings', label: s.tabSettings, short: s.tabSettingsShort },
    { value: 'check', label: s.tabCheck },
    { value: 'figures', label: s.tabFigures },
    { value: 'consolidate', label: s.tabConsolidate },
  ];
}

/** The open tab: its introduction, then the tab (loaded when first opened). */
function TabPanel({ tab, introOpen, today }: { tab: TabId; introOpen: boolean; today?: string }): ReactNode {
  const s = useAppStrings();
  const styles = useStyles();
  const intros: Record<TabId, string> = { tables: s.tablesIntro, settings: s.settingsIntro, check: s.checkIntro, figures: s.figuresIntro, consolidate: s.consolidateIntro };
  const failed = (): ReactNode => (
    <MessageBar intent="error">
      <MessageBarBody>{s.partFailed}</MessageBarBody>
    </MessageBar>
  );
  return (
    <div role="tabpanel" id="panel" aria-labelledby={`tab-${tab}`} className={styles.panel}>
      <p id="tab-intro" className={styles.intro} hidden={!introOpen} data-testid="tab-intro">
        {intros[tab]}
      </p>
      <PartBoundary key={tab} fallback={failed}>
        <Suspense fallback={<p role="status">{s.loadingPart}</p>}>
          {tab === 'tables' && <TablesTab />}
          {tab === 'settings' && <SettingsTab today={today} />}
          {tab === 'check' && <CheckTab />}
          {tab === 'figures' && <FiguresTab />}
          {tab === 'consolidate' && <ConsolidateTab />}
        </Suspense>
      </PartBoundary>
    </div>
  );
}

export function App({ adapter, onLanguageChange, initialTab = 'tables', today, loadPacks, memory: givenMemory }: AppProps): ReactNode {
  const s = useAppStrings();
  const styles = useStyles();
  const [memory] = useState<PaneMemory>(() => givenMemory ?? paneMemory());
  const [frame, dispatch] = useReducer(paneFrame, null, (): PaneFrame => ({
    tab: initialTab,
    introOpen: !memory.has(introSeenKey(initialTab)),
    firstRun: !memory.has(FIRST_RUN_DONE),
    error: null,
    status: '',
    statusShown: true,
  }));
  const { tab, firstRun, error } = frame;
  /** Set when the first-run screen goes away (or a finding opens Thiết lập báo cáo), so the keyboard goes to the tab list and not to nowhere. */
  const focusTabs = useRef(false);
  const headerSlot = useHeaderSlot();
  const errorRef = useRef<HTMLDivElement>(null);
  const { run, focusBeforeError } = useExcelCall(dispatch, s);
  const data = usePaneData(adapter, loadPacks, run);

  const dismissError = (): void => {
    dispatch({ type: 'error', message: null });
    // The dismiss button goes away with the message: put the keyboard back where it was.
    const back = focusBeforeError.current;
    focusBeforeError.current = null;
    if (back instanceof HTMLElement && back.isConnected && back !== document.body) back.focus();
    else document.getElementById(`tab-${tab}`)?.focus();
  };
  const announce = useCallback((message: string, options?: { shown?: boolean }) => dispatch({ type: 'announce', message, shown: options?.shown ?? true }), []);
  const openTab = useCallback((value: TabId) => dispatch({ type: 'tab', tab: value, introSeen: memory.has(introSeenKey(value)) }), [memory]);
  /** A finding's "Thiết lập báo cáo" (the report information left blank): that tab, the keyboard on it. */
  const openSettings = useCallback((): void => {
    focusTabs.current = true;
    openTab('settings');
  }, [openTab]);
  const endFirstRun = useCallback((): void => {
    memory.remember(FIRST_RUN_DONE);
    focusTabs.current = true;
    dispatch({ type: 'firstRunDone' });
  }, [memory]);
  const value = useMemo<PaneContextValue>(() => ({ adapter, ...data, run, announce, openSettings }), [adapter, data, run, announce, openSettings]);

  // A failure must be seen even when the clerk is far down the pane.
  useEffect(() => {
    if (error !== null) errorRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [error]);
  // An introduction on screen has been seen: next time its tab opens, it waits behind the "?".
  useEffect(() => {
    if (!firstRun) memory.remember(introSeenKey(tab));
  }, [firstRun, tab, memory]);
  useEffect(() => {
    if (firstRun || !focusTabs.current) return;
    focusTabs.current = false;
    document.getElementById(`tab-${tab}`)?.focus();
  }, [firstRun, tab]);

  const headerButtons = <HeaderButtons frame={frame} dispatch={dispatch} onLanguageChange={onLanguageChange} />;
  return (
    <PaneContext.Provider value={value}>
      <div className={styles.root} data-testid="pane-app">
        {headerSlot ? createPortal(headerButtons, headerSlot) : <div className={styles.top}>{headerButtons}</div>}
        {firstRun ? <FirstRun onDone={endFirstRun} /> : <Tabs compact label={s.tabsLabel} moreLabel={s.moreTabs} idPrefix="tab-" panelId="panel" selected={tab} onSelect={(v) => v !== tab && openTab(v)} items={tabItems(s)} />}
        <PaneMessages frame={frame} errorRef={errorRef} onDismiss={dismissError} />
        {!firstRun && <TabPanel tab={tab} introOpen={frame.introOpen} today={today} />}
      </div>
    </PaneContext.Provider>
  );
}
