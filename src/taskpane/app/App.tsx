/**
 * The pane clerks use: five tabs — Bảng biểu (insert tables), Thiết lập báo cáo (report settings),
 * Kiểm tra (check before sending), Số liệu (figures for the report's text), Tổng hợp (add up the
 * units' workbooks). The first screen
 * (tables) is in the start bundle; the other tabs are loaded when first opened.
 */
import { Component, Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReportInfo, WorkbookAdapter } from '../../excel/types';
import type { Language } from '../strings';
import { format } from '../i18n';
import { EMPTY_CHECK, PaneContext, emptyReportInfo, errorText, useAppStrings, type CheckState, type PaneContextValue, type PanePacks } from './context';
import { BUILTIN_CATALOG } from '../../core/builtin';
import type { PackLoad } from '../../core/pack-loader';
import { APP_STRINGS } from './strings';
import { TablesTab } from './TablesTab';
import { Tabs } from './Tabs';

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
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  top: { display: 'flex', justifyContent: 'flex-end' },
  messages: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  alert: { display: 'flex', flexDirection: 'column', scrollMarginTop: tokens.spacingVerticalM },
  status: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
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
}

export function App({ adapter, onLanguageChange, initialTab = 'tables', today, loadPacks }: AppProps): ReactNode {
  const s = useAppStrings();
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>(initialTab);
  const [settings, setSettingsState] = useState<ReportInfo>(emptyReportInfo);
  /** Set once the clerk saved settings: a slower read of the workbook's older ones must not undo that. */
  const savedHere = useRef(false);
  const [check, setCheckState] = useState<CheckState>(EMPTY_CHECK);
  const [inserted, setInserted] = useState<Readonly<Record<string, string[]>>>({});
  const [packs, setPacks] = useState<PanePacks>(() => ({ catalog: BUILTIN_CATALOG, loaded: [], indexError: null, loading: loadPacks !== undefined }));
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const errorRef = useRef<HTMLDivElement>(null);
  /** Where the keyboard was when the error appeared, to go back to once it is dismissed. */
  const focusBeforeError = useRef<Element | null>(null);
  const sRef = useRef(s);
  sRef.current = s;

  const run = useCallback(async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    // Excel queues add-in calls while the user edits a cell: say so rather than look frozen.
    const slow = setTimeout(() => setStatus(sRef.current.excelSlow), SLOW_EXCEL_MS);
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
  const announce = useCallback((message: string) => {
    setError(null);
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

  const value = useMemo<PaneContextValue>(
    () => ({ adapter, packs, settings, setSettings, inserted, noteInserted, check, setCheck, run, announce }),
    [adapter, packs, settings, setSettings, inserted, noteInserted, check, setCheck, run, announce],
  );

  const onTab = (value: TabId): void => {
    if (value === tab) return;
    setTab(value);
    setStatus('');
  };

  return (
    <PaneContext.Provider value={value}>
      <div className={styles.root} data-testid="pane-app">
        <div className={styles.top}>
          {onLanguageChange && (
            <Button appearance="subtle" size="small" lang={s.switchLanguageLang} onClick={() => onLanguageChange(s.switchLanguageLang)}>
              {s.switchLanguage}
            </Button>
          )}
        </div>
        <Tabs
          label={s.tabsLabel}
          idPrefix="tab-"
          panelId="panel"
          selected={tab}
          onSelect={onTab}
          items={[
            { value: 'tables', label: s.tabTables },
            { value: 'settings', label: s.tabSettings },
            { value: 'check', label: s.tabCheck },
            { value: 'figures', label: s.tabFigures },
            { value: 'consolidate', label: s.tabConsolidate },
          ]}
        />
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
          <div role="status" aria-live="polite" className={styles.status} data-testid="pane-status">
            {status}
          </div>
        </div>
        <div role="tabpanel" id="panel" aria-labelledby={`tab-${tab}`} className={styles.panel}>
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
      </div>
    </PaneContext.Provider>
  );
}
