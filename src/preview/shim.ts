/**
 * Runs in the pane's frame of the preview page, right after Microsoft's Excel on the web client
 * library (`excel-web-16.00.debug.js`, loaded by the script tag before this one; the preview server
 * puts both where taskpane.html loads office.js). It connects the library to the in-memory Excel of
 * the page around it, so the production pane's `Excel.run` calls go through Microsoft's proxies and
 * request messages to that host (`Office.onReady`, which office.js's loader would add, comes with the
 * connection). The pane's own scripts are the production bundle, unchanged.
 */
import { connectOfficeJs, type LibraryWindow } from '../devhost/officejs';
import { BRIDGE_KEY, type PreviewBridge, type WindowWithBridge } from './bridge';

function bridge(): PreviewBridge | undefined {
  try {
    return (window.parent as WindowWithBridge)[BRIDGE_KEY];
  } catch {
    return undefined;
  }
}

type Run = (...args: unknown[]) => Promise<unknown>;

function install(b: PreviewBridge, win: LibraryWindow): void {
  const { Excel } = connectOfficeJs(win, b.protocol, { settings: b.settings, displayLanguage: b.displayLanguage, officeTheme: b.officeTheme });
  const excel = Excel as unknown as { run: Run };
  const run = excel.run.bind(Excel);
  excel.run = async (...args: unknown[]): Promise<unknown> => {
    try {
      if (b.failNext !== null) {
        const message = b.failNext;
        b.failNext = null;
        const e = new Error(message);
        e.name = 'RichApi.Error';
        throw e;
      }
      return await run(...args);
    } finally {
      b.afterBatch();
    }
  };
}

const found = bridge();
const win = window as unknown as Partial<LibraryWindow>;
if (found && win.Excel && win.Office && win.OfficeExtension && win.OSF) install(found, win as LibraryWindow);
// Without the preview page around it (the frame opened on its own) the pane finds no Office host
// and shows its "open this in Excel" message, as it would in a plain browser tab.
