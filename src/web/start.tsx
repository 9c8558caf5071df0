/**
 * Starts the web page in #root: the hosted page (index.tsx, dist/web/) and the single-file page
 * (single.tsx, dist/bieumau.html) alike. Renders the page, then loads the `.xlsx` reader and writer
 * in the background (separate chunks in the hosted page, already inside the single file), so the
 * page keeps working offline; `data-engines="ready"` on <html> says when they are in.
 */
import { createRoot } from 'react-dom/client';
import { WebApp } from './WebApp';
import { warmUp } from './engine';
import type { Language } from '../ui/i18n';
import type { PackLoad } from '../core/forms/pack-loader';

/** Set by the old-browser gate (src/gate/old-webview.js) in Internet Explorer 11 and Edge Legacy. */
const oldBrowser = (window as unknown as { __bieumauOldWebview?: string }).__bieumauOldWebview;

export function startWebPage(options: { loadPacks?: () => Promise<PackLoad>; singleFile?: boolean }): void {
  const container = document.getElementById('root');
  if (container === null || oldBrowser !== undefined) return;
  const asked = new URLSearchParams(window.location.search).get('lang');
  const language: Language = asked !== null && /^en/i.test(asked) ? 'en' : 'vi';
  document.documentElement.lang = language;
  createRoot(container).render(<WebApp initialLanguage={language} loadPacks={options.loadPacks} singleFile={options.singleFile} />);
  const warm = (): void => {
    void warmUp().then(() => {
      document.documentElement.dataset.engines = 'ready';
    });
  };
  if ('requestIdleCallback' in window) window.requestIdleCallback(warm, { timeout: 2000 });
  else setTimeout(warm, 200);
}
