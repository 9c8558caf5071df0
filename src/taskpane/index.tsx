/**
 * Entry point of the task pane bundle (webpack entry). Everything that decides what to show lives in
 * startup.tsx, so it can be tested without this side effect.
 */
import { startPane } from './startup';
import { PaneRoot } from './app/PaneRoot';
import { adapterFromOffice } from './app/officeAdapter';

/** Set by the old-webview gate (src/gate/old-webview.js) in Internet Explorer 11 and Edge Legacy. */
const oldWebview = (window as unknown as { __bieumauOldWebview?: string }).__bieumauOldWebview;

const container = document.getElementById('root');
// In an old webview the gate has shown its message in #root: the pane does not start.
if (container !== null && oldWebview === undefined) {
  startPane(container, {
    renderPane: (language, theme) => <PaneRoot adapter={adapterFromOffice(language)} language={language} theme={theme} />,
  });
}
