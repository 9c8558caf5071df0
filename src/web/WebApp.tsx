/**
 * The web page: header (title, who it is for, language switch), two tabs — Tạo biểu mẫu (create a
 * workbook) and Kiểm tra (check files) — and one polite status region for what has happened.
 * Fluent UI v9 like the task pane; the tab strip is the pane's (WAI-ARIA tabs, no focus sentinels).
 */
import { useCallback, useState, type ReactNode } from 'react';
import { Button, FluentProvider, Text, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import type { Language } from '../taskpane/strings';
import { Tabs } from '../taskpane/app/Tabs';
import { WEB_STRINGS } from './strings';
import { CreateTab } from './CreateTab';
import { CheckTab } from './CheckTab';

type TabId = 'create' | 'check';

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
  titles: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, minWidth: 0, flexBasis: '260px', flexGrow: 1 },
  about: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalM },
  panel: { paddingTop: tokens.spacingVerticalL, paddingBottom: tokens.spacingVerticalXXL },
  status: { minHeight: tokens.lineHeightBase300, paddingTop: tokens.spacingVerticalS },
});

export function WebApp({ initialLanguage = 'vi' }: { initialLanguage?: Language }): ReactNode {
  const styles = useStyles();
  const [lang, setLang] = useState<Language>(initialLanguage);
  const [tab, setTab] = useState<TabId>('create');
  const [status, setStatus] = useState('');
  const s = WEB_STRINGS[lang];
  const announce = useCallback((text: string) => setStatus(text), []);

  const switchLanguage = (): void => {
    setLang(s.switchLanguageLang);
    document.documentElement.lang = s.switchLanguageLang;
  };

  return (
    <FluentProvider theme={webLightTheme} lang={lang} className={styles.provider}>
      <div className={styles.page}>
        <header className={styles.header}>
          <div className={styles.titles}>
            <Text as="h1" size={600} weight="semibold">
              {s.title}
            </Text>
            <Text as="p" size={300}>
              {s.tagline}
            </Text>
          </div>
          <Button appearance="secondary" lang={s.switchLanguageLang} onClick={switchLanguage}>
            {s.switchLanguage}
          </Button>
        </header>
        <main>
          <div className={styles.about}>
            <Text as="p" size={300}>
              {s.intro}
            </Text>
            <Text as="p" size={300} weight="semibold">
              {s.privacy}
            </Text>
          </div>
          <Tabs<TabId>
            label={s.tabsLabel}
            idPrefix="web-tab-"
            panelId="web-panel"
            selected={tab}
            onSelect={setTab}
            items={[
              { value: 'create', label: s.tabCreate },
              { value: 'check', label: s.tabCheck },
            ]}
          />
          <div role="tabpanel" id="web-panel" aria-labelledby={`web-tab-${tab}`} className={styles.panel} tabIndex={0}>
            {/* Both stay mounted: switching tabs keeps what was typed and the last check's results. */}
            <div hidden={tab !== 'create'}>
              <CreateTab lang={lang} announce={announce} />
            </div>
            <div hidden={tab !== 'check'}>
              <CheckTab lang={lang} announce={announce} />
            </div>
          </div>
          <p role="status" className={styles.status} data-testid="web-status">
            {status}
          </p>
        </main>
      </div>
    </FluentProvider>
  );
}
