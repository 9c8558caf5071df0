/**
 * The web page: header (title, who it is for, language switch), three tabs — Tạo biểu mẫu (create a
 * workbook), Kiểm tra (check files), Tổng hợp (consolidate files) — and one polite status region.
 * Fluent UI v9 like the task pane; the tab strip is the pane's (WAI-ARIA tabs, no focus sentinels).
 */
import { Component, Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { BUILTIN_CATALOG } from '../core/builtin';
import type { PackCatalog } from '../core/catalog';
import type { LoadedPack, PackLoad } from '../core/pack-loader';
import type { Pack } from '../core/pack';
import { Button, FluentProvider, Text, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { format, type Language } from '../ui/i18n';
import { Tabs } from '../ui/Tabs';
import { useMotionStyles } from '../ui/motion';
import { WEB_STRINGS, type WebStrings } from './strings';
import { CreateTab } from './CreateTab';
import { loadCheckTab, loadConsolidateTab, loadCountTab } from './engine';

/** Kiểm tra and Tổng hợp are chunks of their own, loaded when first opened (or by the background warm-up). */
const CheckTab = lazy(loadCheckTab);
const ConsolidateTab = lazy(loadConsolidateTab);
const CountTab = lazy(loadCountTab);
/** The office's own pack files: a chunk of their own, so the page's start stays within its budget. */
const PackFiles = lazy(async () => ({ default: (await import(/* webpackChunkName: "web-packs" */ './PackFiles')).PackFiles }));

type TabId = 'create' | 'check' | 'consolidate' | 'count';
const TABS: readonly TabId[] = ['create', 'check', 'consolidate', 'count'];

function tabLabel(tab: TabId, s: WebStrings): string {
  return { create: s.tabCreate, check: s.tabCheck, consolidate: s.tabConsolidate, count: s.tabCount }[tab];
}

/** A part that could not be loaded (offline before it came in) shows a message, not a blank page. */
class PartBoundary extends Component<{ message: (detail: string) => string; children: ReactNode }, { detail: string | null }> {
  override state: { detail: string | null } = { detail: null };
  static getDerivedStateFromError(e: unknown): { detail: string } {
    return { detail: e instanceof Error ? e.message : String(e) };
  }
  override render(): ReactNode {
    return this.state.detail === null ? this.props.children : <Text role="alert">{this.props.message(this.state.detail)}</Text>;
  }
}

const useStyles = makeStyles({
  provider: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  page: { maxWidth: '960px', marginLeft: 'auto', marginRight: 'auto', boxSizing: 'border-box', paddingLeft: tokens.spacingHorizontalL, paddingRight: tokens.spacingHorizontalL },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalL,
    paddingBottom: tokens.spacingVerticalM,
  },
  titles: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, minWidth: 0, flexBasis: '260px', flexGrow: 1, margin: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold },
  tagline: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  about: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalM },
  panel: { paddingTop: tokens.spacingVerticalL, paddingBottom: tokens.spacingVerticalXXL },
  status: { minHeight: tokens.lineHeightBase300, paddingTop: tokens.spacingVerticalS },
});

/**
 * `loadPacks`: the packs the server lists (packs/index.json); absent in the single-file page, which
 * reaches no server. `singleFile`: the page is dist/bieumau.html, whose policy lets nothing leave it.
 */
export function WebApp({ initialLanguage = 'vi', loadPacks, singleFile = false }: { initialLanguage?: Language; loadPacks?: () => Promise<PackLoad>; singleFile?: boolean }): ReactNode {
  const styles = useStyles();
  useMotionStyles();
  const [lang, setLang] = useState<Language>(initialLanguage);
  const [tab, setTab] = useState<TabId>('create');
  // Tabs once opened stay mounted: switching back keeps what was typed and the last results.
  const [opened, setOpened] = useState<ReadonlySet<TabId>>(() => new Set<TabId>(['create']));
  const select = (t: TabId): void => {
    setTab(t);
    setOpened((o) => (o.has(t) ? o : new Set(o).add(t)));
  };
  const [status, setStatus] = useState('');
  const s = WEB_STRINGS[lang];
  const announce = useCallback((text: string) => setStatus(text), []);
  // The office's template packs (packs/index.json beside the page), once at start; a pack that
  // fails its check is named below the intro and none of its tables is offered.
  const [deployed, setCatalog] = useState<PackCatalog>(BUILTIN_CATALOG);
  // Packs the clerk opened from files ("Mở gói biểu mẫu…"), remembered in this browser.
  const [openedPacks, setOpenedPacks] = useState<Pack[]>([]);
  const catalog = useMemo(() => (openedPacks.length === 0 ? deployed : deployed.with(openedPacks)), [deployed, openedPacks]);
  const [failedPacks, setFailedPacks] = useState<Exclude<LoadedPack, { status: 'loaded' }>[]>([]);
  const loadPacksRef = useRef(loadPacks);
  useEffect(() => {
    const load = loadPacksRef.current;
    if (!load) return;
    let cancelled = false;
    void load().then(
      (r) => {
        if (cancelled) return;
        setCatalog(r.catalog);
        setFailedPacks(r.packs.filter((p): p is Exclude<LoadedPack, { status: 'loaded' }> => p.status !== 'loaded'));
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, []);

  const switchLanguage = (): void => {
    setLang(s.switchLanguageLang);
    document.documentElement.lang = s.switchLanguageLang;
  };

  return (
    <FluentProvider theme={webLightTheme} lang={lang} className={styles.provider}>
      <div className={styles.page}>
        <header className={styles.header}>
          <hgroup className={styles.titles}>
            <h1 className={styles.title}>{s.title}</h1>
            <p className={styles.tagline}>{s.tagline}</p>
          </hgroup>
          <Button appearance="secondary" lang={s.switchLanguageLang} onClick={switchLanguage}>
            {s.switchLanguage}
          </Button>
        </header>
        <main>
          <div className={styles.about}>
            <Text as="p" size={300}>
              {s.intro}
            </Text>
            <Text as="p" size={300} weight="semibold" data-testid="web-privacy">
              {singleFile ? s.privacySingleFile : s.privacy}
            </Text>
            <Suspense fallback={null}>
              <PackFiles lang={lang} base={deployed} onPacks={setOpenedPacks} announce={announce} />
            </Suspense>
            {failedPacks.map((p) => (
              <Text as="p" size={300} role="alert" key={p.file} data-testid="web-pack-failed">
                {p.status === 'error'
                  ? format(s.packError, { file: p.file, reason: p.reason[lang] })
                  : `${format(s.packInvalid, { file: p.file })} ${p.faults.map((f) => `${f.path}: ${f.message[lang]}`).join('; ')}`}
              </Text>
            ))}
          </div>
          <Tabs<TabId>
            label={s.tabsLabel}
            moreLabel={s.moreTabs}
            idPrefix="web-tab-"
            panelId="web-panel"
            selected={tab}
            onSelect={select}
            items={TABS.map((value) => ({ value, label: tabLabel(value, s) }))}
          />
          <div role="tabpanel" id="web-panel" aria-labelledby={`web-tab-${tab}`} className={styles.panel} tabIndex={0}>
            <div hidden={tab !== 'create'}>
              <CreateTab lang={lang} announce={announce} catalog={catalog} />
            </div>
            {opened.has('check') && (
              <div hidden={tab !== 'check'}>
                <PartBoundary message={(detail) => format(s.engineFailed, { detail })}>
                  <Suspense fallback={<Text>{s.loadingEngine}</Text>}>
                    <CheckTab lang={lang} announce={announce} catalog={catalog} />
                  </Suspense>
                </PartBoundary>
              </div>
            )}
            {opened.has('consolidate') && (
              <div hidden={tab !== 'consolidate'}>
                <PartBoundary message={(detail) => format(s.engineFailed, { detail })}>
                  <Suspense fallback={<Text>{s.loadingEngine}</Text>}>
                    <ConsolidateTab lang={lang} announce={announce} catalog={catalog} />
                  </Suspense>
                </PartBoundary>
              </div>
            )}
            {opened.has('count') && (
              <div hidden={tab !== 'count'}>
                <PartBoundary message={(detail) => format(s.engineFailed, { detail })}>
                  <Suspense fallback={<Text>{s.loadingEngine}</Text>}>
                    <CountTab lang={lang} announce={announce} />
                  </Suspense>
                </PartBoundary>
              </div>
            )}
          </div>
          <p role="status" className={styles.status} data-testid="web-status">
            {status}
          </p>
        </main>
      </div>
    </FluentProvider>
  );
}
