/**
 * Entry point of the web page (dist/web/index.html). Renders the page, then loads the `.xlsx`
 * reader and writer in the background (they are separate chunks, not in the start bundle), so the
 * page keeps working offline once loaded; `data-engines="ready"` on <html> says when they are in.
 */
import { createRoot } from 'react-dom/client';
import { WebApp } from './WebApp';
import { warmUp } from './engine';
import type { Language } from '../taskpane/strings';
import { BUILTIN_CATALOG } from '../core/builtin';
import { loadPacks, type PackLoad } from '../core/pack-loader';

/** The office's template packs: packs/index.json beside the add-in (dist/packs/, one folder up from web/). */
function deployedPacks(): Promise<PackLoad> {
  return loadPacks((url) => fetch(url, { credentials: 'same-origin', cache: 'no-cache' }), new URL('../packs/index.json', document.baseURI).href, BUILTIN_CATALOG);
}

/** Set by the old-browser gate (src/gate/old-webview.js) in Internet Explorer 11 and Edge Legacy. */
const oldBrowser = (window as unknown as { __bieumauOldWebview?: string }).__bieumauOldWebview;

const container = document.getElementById('root');
if (container !== null && oldBrowser === undefined) {
  const asked = new URLSearchParams(window.location.search).get('lang');
  const language: Language = asked !== null && /^en/i.test(asked) ? 'en' : 'vi';
  document.documentElement.lang = language;
  createRoot(container).render(<WebApp initialLanguage={language} loadPacks={deployedPacks} />);
  const warm = (): void => {
    void warmUp().then(() => {
      document.documentElement.dataset.engines = 'ready';
    });
  };
  if ('requestIdleCallback' in window) window.requestIdleCallback(warm, { timeout: 2000 });
  else setTimeout(warm, 200);
}
