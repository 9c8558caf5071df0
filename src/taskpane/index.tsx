/**
 * Entry point of the task pane bundle (webpack entry). Everything that decides what to show lives in
 * startup.tsx, so it can be tested without this side effect.
 */
import { startPane } from './startup';
import { PaneRoot } from './app/PaneRoot';
import { adapterFromOffice } from './app/officeAdapter';

const container = document.getElementById('root');
if (container !== null) {
  startPane(container, {
    renderPane: (language, theme) => <PaneRoot adapter={adapterFromOffice(language)} language={language} theme={theme} />,
  });
}
