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
import { Component, Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
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
import type { Language } from '../strings';
import { format } from '../i18n';
import { useHeaderSlot } from '../Shell';
import { EMPTY_CHECK, NO_EARLIER, PaneContext, emptyReportInfo, errorText, useAppStrings, type CheckState, type EarlierState, type PaneContextValue, type PanePacks } from './context';
import { BUILTIN_CATALOG } from '../../core/builtin';
import type { PackLoad } from '../../core/pack-loader';
import { APP_STRINGS } from './strings';
import { TablesTab } from './TablesTab';
import { Tabs } from './Tabs';
import { FirstRun } from './FirstRun';
import { FIRST_RUN_DONE, introSeenKey, paneMemory, type PaneMemory } from './memory';

const SettingsTab = lazy(() => import(/* webpackChunkName: "settings" */ './SettingsTab'));
const CheckTab = lazy(() => import(/* webpackChunkName: "check" */ './CheckTab'));
const FiguresTab = lazy(() => import(/* webpackChunkName: "figures" */ './FiguresTab'));
const ConsolidateTab = lazy(() => import(/* webpackChunkName: "consolidate" */ './ConsolidateTab'));

export type TabId = 'tables' | 'settings' | 'check' | 'figures' | 'consolidate';

/**
 * An Excel call still pending after this long gets a notice in the status line: Excel holds every
 * add-in request while a cell is being edited, so the pane would otherwise look frozen.
 */
export const SLOW_EXCEL_MS = 8000;

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

interface BoundaryProps {
  message: string;
  children: ReactNode;
}

/** Keeps a failed lazy load or render error inside the pane as a message. */
class PartBoundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render(): ReactNode {
    if (this.state.failed)
      return (
        <MessageBar intent="error">
          <MessageBarBody>{this.props.message}</MessageBarBody>
        </MessageBar>
      );
    return this.props.children;
  }
}

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

export function App({ adapter, onLanguageChange, initialTab = 'tables', today, loadPacks, memory: givenMemory }: AppProps): ReactNode {
  const s = useAppStrings();
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>(initialTab);
  const [memory] = useState<PaneMemory>(() => givenMemory ?? paneMemory());
  const [firstRun, setFirstRun] = useState(() => !memory.has(FIRST_RUN_DONE));
  /** Whether the open tab's introduction is shown: the first time the tab opens, then when asked for. */
  const [introOpen, setIntroOpen] = useState(() => !memory.has(introSeenKey(initialTab)));
  /** Set when the first-run screen goes away, so the keyboard goes to the tab list and not to nowhere. */
  const focusTabs = useRef(false);
  const headerSlot = useHeaderSlot();
  const [settings, setSettingsState] = useState<ReportInfo>(emptyReportInfo);
  /** Set once the clerk saved settings: a slower read of the workbook's older ones must not undo that. */
  const savedHere = useRef(false);
  const [check, setCheckState] = useState<CheckState>(EMPTY_CHECK);
  const [earlier, setEarlierState] = useState<EarlierState>(NO_EARLIER);
  const [inserted, setInserted] = useState<Readonly<Record<string, string[]>>>({});
  const [packs, setPacks] = useState<PanePacks>(() => ({ catalog: BUILTIN_CATALOG, loaded: [], indexError: null, loading: loadPacks !== undefined }));
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  /** False when the status only says what the tab already shows (see `announce`). */
  const [statusShown, setStatusShown] = useState(true);
  const errorRef = useRef<HTMLDivElement>(null);
  /** Where the keyboard was when the error appeared, to go back to once it is dismissed. */
  const focusBeforeError = useRef<Element | null>(null);
  const sRef = useRef(s);
  sRef.current = s;

  const run = useCallback(async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    // Excel queues add-in calls while the user edits a cell: say so rather than look frozen.
    const slow = setTimeout(() => {
      setStatusShown(true);
      setStatus(sRef.current.excelSlow);
    }, SLOW_EXCEL_MS);
    try {
      const result = await action();
      return result;
    } catch (e) {
      focusBeforeError.current = document.activeElement;
      setError(format(sRef.current.failed, { detail: errorText(e) }));
      return undefined;
    } finally {
      clearTimeout(slow);
      setStatus((current) => (current === APP_STRINGS.vi.excelSlow || current === APP_STRINGS.en.excelSlow ? '' : current));
    }
  }, []);

  const dismissError = (): void => {
    setError(null);
    // The dismiss button goes away with the message: put the keyboard back where it was.
    const back = focusBeforeError.current;
    focusBeforeError.current = null;
    if (back instanceof HTMLElement && back.isConnected && back !== document.body) back.focus();
    else document.getElementById(`tab-${tab}`)?.focus();
  };

  const noteInserted = useCallback((templateId: string, sheet: string) => {
    setInserted((m) => ({ ...m, [templateId]: [...(m[templateId] ?? []), sheet] }));
    // A new table was never checked: the last result (maybe "Sẵn sàng gửi") no longer holds.
    setCheckState((c) => ({ ...c, findings: null }));
  }, []);
  const setSettings = useCallback((info: ReportInfo) => {
    savedHere.current = true;
    setSettingsState(info);
  }, []);
  const setCheck = useCallback((update: (c: CheckState) => CheckState) => setCheckState(update), []);
  const setEarlier = useCallback((update: (e: EarlierState) => EarlierState) => setEarlierState(update), []);
  const announce = useCallback((message: string, options?: { shown?: boolean }) => {
    setError(null);
    setStatusShown(options?.shown ?? true);
    setStatus(message);
  }, []);

  // A failure must be seen even when the clerk is far down the pane.
  useEffect(() => {
    if (error !== null) errorRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [error]);

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
  const loadPacksRef = useRef(loadPacks);
  useEffect(() => {
    const load = loadPacksRef.current;
    if (!load) return;
    let cancelled = false;
    load().then(
      (r) => {
        if (!cancelled) setPacks({ catalog: r.catalog, loaded: r.packs, indexError: r.indexError, loading: false });
      },
      (e: unknown) => {
        if (!cancelled) setPacks({ catalog: BUILTIN_CATALOG, loaded: [], indexError: { vi: errorText(e), en: errorText(e) }, loading: false });
      },
    );
    return () => {
      cancelled = true;
    };
  }, []);

  /** A finding's "Thiết lập báo cáo" (the report information left blank): that tab, the keyboard on it. */
  const openSettings = useCallback((): void => {
    focusTabs.current = true;
    setTab('settings');
    setIntroOpen(!memory.has(introSeenKey('settings')));
    setStatus('');
  }, [memory]);

  const value = useMemo<PaneContextValue>(
    () => ({ adapter, packs, settings, setSettings, inserted, noteInserted, check, setCheck, earlier, setEarlier, run, announce, openSettings }),
    [adapter, packs, settings, setSettings, inserted, noteInserted, check, setCheck, earlier, setEarlier, run, announce, openSettings],
  );

  const onTab = (value: TabId): void => {
    if (value === tab) return;
    setTab(value);
    setIntroOpen(!memory.has(introSeenKey(value)));
    setStatus('');
  };

  // An introduction on screen has been seen: next time its tab opens, it waits behind the "?".
  useEffect(() => {
    if (!firstRun) memory.remember(introSeenKey(tab));
  }, [firstRun, tab, memory]);

  const endFirstRun = useCallback((): void => {
    memory.remember(FIRST_RUN_DONE);
    focusTabs.current = true;
    setFirstRun(false);
  }, [memory]);

  useEffect(() => {
    if (firstRun || !focusTabs.current) return;
    focusTabs.current = false;
    document.getElementById(`tab-${tab}`)?.focus();
  }, [firstRun, tab]);

  const tabs = [
    { value: 'tables' as const, label: s.tabTables },
    { value: 'settings' as const, label: s.tabSettings, short: s.tabSettingsShort },
    { value: 'check' as const, label: s.tabCheck },
    { value: 'figures' as const, label: s.tabFigures },
    { value: 'consolidate' as const, label: s.tabConsolidate },
  ];
  const intros: Record<TabId, string> = {
    tables: s.tablesIntro,
    settings: s.settingsIntro,
    check: s.checkIntro,
    figures: s.figuresIntro,
    consolidate: s.consolidateIntro,
  };
  const tabName = tabs.find((t) => t.value === tab)?.label ?? '';
  const introName = format(s.introButton, { tab: tabName });

  const headerButtons = (
    <>
      {!firstRun && (
        <Button
          appearance="subtle"
          size="small"
          className={styles.help}
          aria-label={introName}
          title={introName}
          aria-expanded={introOpen}
          aria-controls="tab-intro"
          onClick={() => setIntroOpen((open) => !open)}
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

  return (
    <PaneContext.Provider value={value}>
      <div className={styles.root} data-testid="pane-app">
        {headerSlot ? createPortal(headerButtons, headerSlot) : <div className={styles.top}>{headerButtons}</div>}
        {firstRun ? <FirstRun onDone={endFirstRun} /> : <Tabs compact label={s.tabsLabel} moreLabel={s.moreTabs} idPrefix="tab-" panelId="panel" selected={tab} onSelect={onTab} items={tabs} />}
        <div className={styles.messages}>
          <div role="alert" ref={errorRef} className={styles.alert}>
            {error !== null && (
              <MessageBar intent="error" data-testid="pane-error">
                <MessageBarBody>{error}</MessageBarBody>
                <MessageBarActions>
                  <Button size="small" onClick={dismissError}>
                    {s.dismiss}
                  </Button>
                </MessageBarActions>
              </MessageBar>
            )}
          </div>
          <div role="status" aria-live="polite" className={mergeClasses(styles.status, !statusShown && styles.quiet)} data-testid="pane-status">
            {status}
          </div>
        </div>
        {!firstRun && (
          <div role="tabpanel" id="panel" aria-labelledby={`tab-${tab}`} className={styles.panel}>
            <p id="tab-intro" className={styles.intro} hidden={!introOpen} data-testid="tab-intro">
              {intros[tab]}
            </p>
            <PartBoundary key={tab} message={s.partFailed}>
              <Suspense fallback={<p role="status">{s.loadingPart}</p>}>
                {tab === 'tables' && <TablesTab />}
                {tab === 'settings' && <SettingsTab today={today} />}
                {tab === 'check' && <CheckTab />}
                {tab === 'figures' && <FiguresTab />}
                {tab === 'consolidate' && <ConsolidateTab />}
              </Suspense>
            </PartBoundary>
          </div>
        )}
      </div>
    </PaneContext.Provider>
  );
}
