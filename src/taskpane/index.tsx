/**
 * Entry point of the task pane bundle (webpack entry). Everything that decides what to show lives in
 * startup.tsx, so it can be tested without this side effect.
 */
import { startPane } from './startup';
import { PaneRoot } from './app/PaneRoot';
import { adapterFromOffice } from './app/officeAdapter';
import { BUILTIN_CATALOG } from '../core/forms/builtin';
import { PACK_INDEX, loadPacks, type PackLoad } from '../core/forms/pack-loader';

/** The packs an office deployed beside the pane: packs/index.json on the same server (CSP connect-src 'self'). */
function deployedPacks(): Promise<PackLoad> {
  return loadPacks((url) => fetch(url, { credentials: 'same-origin', cache: 'no-cache' }), new URL(PACK_INDEX, document.baseURI).href, BUILTIN_CATALOG);
}

/** Set by the old-webview gate (src/gate/old-webview.js) in Internet Explorer 11 and Edge Legacy. */
const oldWebview = (window as unknown as { __bieumauOldWebview?: string }).__bieumauOldWebview;

const container = document.getElementById('root');
// In an old webview the gate has shown its message in #root: the pane does not start.
if (container !== null && oldWebview === undefined) {
  startPane(container, {
    renderPane: (language, theme) => <PaneRoot adapter={adapterFromOffice(language)} language={language} theme={theme} loadPacks={deployedPacks} />,
  });
}
