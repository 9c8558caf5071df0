/**
 * The frame of the task pane: Fluent provider (light or dark), a one-line header with the product
 * name, and the pane's content as children. The language is given to the tree through a context, so
 * every component takes its strings with `useStrings()` from the same tables. The end of the header
 * line is a slot the pane puts its own buttons in (the language switch, the tab's "?"): see
 * `useHeaderSlot`.
 */
import { createContext, useContext, useState, type ReactNode } from 'react';
import { FluentProvider, Text, makeStyles, tokens } from '@fluentui/react-components';
import { STRINGS, type Strings } from './strings';
import type { Language } from '../ui/i18n';
import { fluentTheme, type ThemeKind } from './theme';
import { useMotionStyles } from '../ui/motion';

const LanguageContext = createContext<Language>('vi');

export function useLanguage(): Language {
  return useContext(LanguageContext);
}

export function useStrings(): Strings {
  return STRINGS[useContext(LanguageContext)];
}

const HeaderSlotContext = createContext<HTMLElement | null>(null);

/** The element at the end of the header line, for a portal; null outside the shell or before it is drawn. */
export function useHeaderSlot(): HTMLElement | null {
  return useContext(HeaderSlotContext);
}

const useStyles = makeStyles({
  provider: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // One line whatever the font: a name too long for it ends in "…" (and is whole in its tooltip).
  title: { margin: 0, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  slot: { display: 'flex', flexShrink: 0, alignItems: 'center', columnGap: tokens.spacingHorizontalXXS, marginLeft: 'auto' },
  main: {
    flexGrow: 1,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
  },
});


export interface ShellProps {
  readonly language: Language;
  readonly theme: ThemeKind;
  readonly children?: ReactNode;
}

export function Shell({ language, theme, children }: ShellProps): ReactNode {
  const styles = useStyles();
  useMotionStyles();
  const strings = STRINGS[language];
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  return (
    <LanguageContext.Provider value={language}>
      <FluentProvider theme={fluentTheme(theme)} lang={language} className={styles.provider} data-theme={theme}>
        <header className={styles.header}>
          <Text as="h1" size={400} weight="semibold" className={styles.title} title={strings.productName}>
            {strings.productName}
          </Text>
          <div ref={setSlot} className={styles.slot} data-testid="header-slot" />
        </header>
        <HeaderSlotContext.Provider value={slot}>
          <main className={styles.main}>{children}</main>
        </HeaderSlotContext.Provider>
      </FluentProvider>
    </LanguageContext.Provider>
  );
}
