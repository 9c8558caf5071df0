/**
 * The frame of the task pane: Fluent provider (light or dark), a header with the product name, and
 * the pane's content as children. The language is given to the tree through a context, so every
 * component takes its strings with `useStrings()` from the same tables.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { FluentProvider, Text, makeStyles, tokens } from '@fluentui/react-components';
import { STRINGS, type Language, type Strings } from './strings';
import { fluentTheme, type ThemeKind } from './theme';
import { useMotionStyles } from '../ui/motion';

const LanguageContext = createContext<Language>('vi');

export function useLanguage(): Language {
  return useContext(LanguageContext);
}

export function useStrings(): Strings {
  return STRINGS[useContext(LanguageContext)];
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
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalM,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  main: {
    flexGrow: 1,
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalM,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
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
  return (
    <LanguageContext.Provider value={language}>
      <FluentProvider theme={fluentTheme(theme)} lang={language} className={styles.provider} data-theme={theme}>
        <header className={styles.header}>
          <Text as="h1" size={500} weight="semibold">
            {strings.productName}
          </Text>
          <Text as="p" size={200}>
            {strings.productTagline}
          </Text>
        </header>
        <main className={styles.main}>{children}</main>
      </FluentProvider>
    </LanguageContext.Provider>
  );
}
