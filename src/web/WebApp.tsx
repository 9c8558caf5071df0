/**
 * The web page: header (title, who it is for, language switch), three tabs — Tạo biểu mẫu (create a
 * workbook), Kiểm tra (check files), Tổng hợp (consolidate files) — and one polite status region.
 * Fluent UI v9 like the task pane; the tab strip is the pane's (WAI-ARIA tabs, no focus sentinels).
 */
import { Suspense, lazy, useCallback, useMemo, useReducer, useState, type ComponentType, type ReactNode } from 'react';
import { BUILTIN_CATALOG } from '../core/forms/builtin';
import type { PackCatalog } from '../core/forms/catalog';
import type { LoadedPack, PackLoad } from '../core/forms/pack-loader';
import type { Pack } from '../core/forms/pack';
import { Button, FluentProvider, Text, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { format, type Language } from '../ui/i18n';
import { Tabs } from '../ui/Tabs';
import { useMotionStyles } from '../ui/motion';
import { WEB_STRINGS, type WebStrings } from './strings';
import { CreateTab } from './CreateTab';
import { loadCheckTab, loadConsolidateTab, loadCountTab } from './engine';
import { PartBoundary } from '../ui/PartBoundary';
import { usePackLoad } from '../ui/usePackLoad';
import { webFrame, webFrameStart, type WebTabId as TabId } from './web-model';

/** Kiểm tra and Tổng hợp are chunks of their own, loaded when first opened (or by the background warm-up). */
const CheckTab = lazy(loadCheckTab);
const ConsolidateTab = lazy(loadConsolidateTab);
const CountTab = lazy(loadCountTab);
/** The office's own pack files: a chunk of their own, so the page's start stays within its budget. */
const PackFiles = lazy(async () => ({ default: (await import(/* webpackChunkName: "web-packs" */ './PackFiles')).PackFiles }));

const TABS: readonly TabId[] = ['create', 'check', 'consolidate', 'count'];

function tabLabel(tab: TabId, s: WebStrings): string {
  return { create: s.tabCreate, check: s.tabCheck, consolidate: s.tabConsolidate, count: s.tabCount }[tab];
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

type FailedPack = Exclude<LoadedPack, { status: 'loaded' }>;

/** The packs of the page: the deployed ones (packs/index.json), those the clerk opened from files, and the deployed ones that failed their check. */
function useWebPacks(loadPacks: (() => Promise<PackLoad>) | undefined): { deployed: PackCatalog; catalog: PackCatalog; failed: FailedPack[]; setOpened: (packs: Pack[]) => void } {
  const [deployed, setDeployed] = useState<{ catalog: PackCatalog; failed: FailedPack[] }>({ catalog: BUILTIN_CATALOG, failed: [] });
  // Packs the clerk opened from files ("Mở gói biểu mẫu…"), remembered in this browser.
  const [opened, setOpened] = useState<Pack[]>([]);
  const catalog = useMemo(() => (opened.length === 0 ? deployed.catalog : deployed.catalog.with(opened)), [deployed, opened]);
  usePackLoad(loadPacks, (r) => setDeployed({ catalog: r.catalog, failed: r.packs.filter((p): p is FailedPack => p.status !== 'loaded') }));
  return { deployed: deployed.catalog, catalog, failed: deployed.failed, setOpened };
}

/** One tab other than Tạo biểu mẫu: mounted once opened, its part loaded then (a message if that fails). */
function LazyTab({ shown, lang, announce, catalog, Part }: { shown: boolean; lang: Language; announce: (text: string) => void; catalog: PackCatalog; Part: ComponentType<{ lang: Language; announce: (text: string) => void; catalog: PackCatalog }> }): ReactNode {
  const s = WEB_STRINGS[lang];
  return (
    <div hidden={!shown}>
      <PartBoundary fallback={(detail) => <Text role="alert">{format(s.engineFailed, { detail })}</Text>}>
        <Suspense fallback={<Text>{s.loadingEngine}</Text>}>
          <Part lang={lang} announce={announce} catalog={catalog} />
        </Suspense>
      </PartBoundary>
    </div>
  );
}

/** Above the tabs: what the page does, that nothing leaves it, the packs opened from files and those that failed. */
function About({ lang, singleFile, packs, announce }: { lang: Language; singleFile: boolean; packs: ReturnType<typeof useWebPacks>; announce: (text: string) => void }): ReactNode {
  const styles = useStyles();
  const s = WEB_STRINGS[lang];
  return (
    <div className={styles.about}>
      <Text as="p" size={300}>
        {s.intro}
      </Text>
      <Text as="p" size={300} weight="semibold" data-testid="web-privacy">
        {singleFile ? s.privacySingleFile : s.privacy}
      </Text>
      <Suspense fallback={null}>
        <PackFiles lang={lang} base={packs.deployed} onPacks={packs.setOpened} announce={announce} />
      </Suspense>
      {packs.failed.map((p) => (
        <Text as="p" size={300} role="alert" key={p.file} data-testid="web-pack-failed">
          {p.status === 'error'
            ? format(s.packError, { file: p.file, reason: p.reason[lang] })
            : `${format(s.packInvalid, { file: p.file })} ${p.faults.map((f) => `${f.path}: ${f.message[lang]}`).join('; ')}`}
        </Text>
      ))}
    </div>
  );
}

/**
 * `loadPacks`: the packs the server lists (packs/index.json); absent in the single-file page, which
 * reaches no server. `singleFile`: the page is dist/bieumau.html, whose policy lets nothing leave it.
 */
export function WebApp({ initialLanguage = 'vi', loadPacks, singleFile = false }: { initialLanguage?: Language; loadPacks?: () => Promise<PackLoad>; singleFile?: boolean }): ReactNode {
  const styles = useStyles();
  useMotionStyles();
  const [frame, dispatch] = useReducer(webFrame, initialLanguage, webFrameStart);
  const { lang, tab, opened } = frame;
  const s = WEB_STRINGS[lang];
  const announce = useCallback((text: string) => dispatch({ type: 'announce', text }), []);
  // The office's template packs, once at start; a pack that fails its check is named below the
  // intro and none of its tables is offered.
  const packs = useWebPacks(loadPacks);
  const switchLanguage = (): void => {
    dispatch({ type: 'language', lang: s.switchLanguageLang });
    document.documentElement.lang = s.switchLanguageLang;
  };
  const lazyTab = (t: TabId, Part: ComponentType<{ lang: Language; announce: (text: string) => void; catalog: PackCatalog }>): ReactNode =>
    opened.has(t) && <LazyTab shown={tab === t} lang={lang} announce={announce} catalog={packs.catalog} Part={Part} />;

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
          <About lang={lang} singleFile={singleFile} packs={packs} announce={announce} />
          <Tabs<TabId>
            label={s.tabsLabel}
            moreLabel={s.moreTabs}
            idPrefix="web-tab-"
            panelId="web-panel"
            selected={tab}
            onSelect={(t) => dispatch({ type: 'tab', tab: t })}
            items={TABS.map((value) => ({ value, label: tabLabel(value, s) }))}
          />
          <div role="tabpanel" id="web-panel" aria-labelledby={`web-tab-${tab}`} className={styles.panel} tabIndex={0}>
            <div hidden={tab !== 'create'}>
              <CreateTab lang={lang} announce={announce} catalog={packs.catalog} />
            </div>
            {lazyTab('check', CheckTab)}
            {lazyTab('consolidate', ConsolidateTab)}
            {lazyTab('count', CountTab)}
          </div>
          <p role="status" className={styles.status} data-testid="web-status">
            {frame.status}
          </p>
        </main>
      </div>
    </FluentProvider>
  );
}
