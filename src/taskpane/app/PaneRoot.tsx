/**
 * The pane as Excel shows it: the frame's Shell (theme, header, language context) around the App,
 * with the language held here so the in-pane switch can change it.
 */
import { useState, type ReactNode } from 'react';
import type { WorkbookAdapter } from '../../excel/types';
import type { Language } from '../../ui/i18n';
import type { ThemeKind } from '../theme';
import { Shell } from '../Shell';
import { App } from './App';
import type { PackLoad } from '../../core/forms/pack-loader';

export interface PaneRootProps {
  adapter: WorkbookAdapter;
  language: Language;
  theme: ThemeKind;
  /** Loads the packs deployed beside the pane (see `App`). */
  loadPacks?: () => Promise<PackLoad>;
}

export function PaneRoot({ adapter, language, theme, loadPacks }: PaneRootProps): ReactNode {
  const [lang, setLang] = useState<Language>(language);
  return (
    <Shell language={lang} theme={theme}>
      <App adapter={adapter} onLanguageChange={setLang} loadPacks={loadPacks} />
    </Shell>
  );
}
