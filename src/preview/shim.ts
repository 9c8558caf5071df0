/**
 * Stands in for office.js inside the pane's frame of the preview page: defines the `Office` and
 * `Excel` globals the production pane uses, backed by the preview page's in-memory Excel host.
 * It is loaded instead of Microsoft's office.js (the preview server swaps that one script tag);
 * the pane's own scripts are the production bundle, unchanged.
 */
import { BRIDGE_KEY, type PreviewBridge, type WindowWithBridge } from './bridge';

function bridge(): PreviewBridge | undefined {
  try {
    return (window.parent as WindowWithBridge)[BRIDGE_KEY];
  } catch {
    return undefined;
  }
}

interface AsyncResult {
  status: string;
  value?: unknown;
  error?: { message: string };
}

function install(b: PreviewBridge): void {
  const { host, settings } = b;
  const run = async <T>(batch: (context: unknown) => Promise<T>): Promise<T> => {
    try {
      if (b.failNext !== null) {
        const message = b.failNext;
        b.failNext = null;
        const e = new Error(message);
        e.name = 'RichApi.Error';
        throw e;
      }
      return (await host.run(batch as Parameters<typeof host.run>[0])) as T;
    } finally {
      b.afterBatch();
    }
  };

  const documentSettings = {
    get: (key: string): unknown => settings.get(key),
    set: (key: string, value: unknown): void => settings.set(key, value),
    remove: (key: string): void => settings.set(key, null),
    saveAsync: (optionsOrCallback?: unknown, maybeCallback?: unknown): void => {
      const callback = (typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback) as ((r: AsyncResult) => void) | undefined;
      settings.save().then(
        () => callback?.({ status: 'succeeded' }),
        (e: unknown) => callback?.({ status: 'failed', error: { message: String(e) } }),
      );
    },
  };

  const office = {
    HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook' },
    PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    onReady: (callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }> => {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      displayLanguage: b.displayLanguage,
      contentLanguage: b.displayLanguage,
      requirements: { isSetSupported: host.isSetSupported },
      document: { settings: documentSettings },
    },
  };

  const excel = {
    run,
    // Enumerations the adapter may name (Office.js exposes them as string constants).
    ConditionalFormatType: { custom: 'Custom', containsText: 'ContainsText', cellValue: 'CellValue' },
    DataValidationType: { wholeNumber: 'WholeNumber' },
    DataValidationOperator: { greaterThanOrEqualTo: 'GreaterThanOrEqualTo' },
    DataValidationAlertStyle: { stop: 'Stop', warning: 'Warning', information: 'Information' },
    EventSource: { local: 'Local', remote: 'Remote' },
  };

  const w = window as unknown as Record<string, unknown>;
  w.Office = office;
  w.Excel = excel;
}

const found = bridge();
if (found) install(found);
// Without the preview page around it (the frame opened on its own) there is no Office at all,
// and the pane shows its "open this in Excel" message, as it would in a plain browser tab.
