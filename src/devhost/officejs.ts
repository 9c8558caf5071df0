/**
 * Connects Microsoft's Excel client library (`@microsoft/office-js`, already evaluated in a window
 * or a Node `vm` context) to the in-memory Excel of `protocol.ts`:
 * - `OfficeExtension.SessionBase._overrideSession` is a session whose request executor hands each
 *   request message to the protocol host (every `Excel.run` and request context uses it);
 * - `Office.context` (requirements per the chosen Excel version, document settings, display
 *   language) comes from `OSF._OfficeAppFactory`, where office.js keeps it;
 * - change events travel as the library's own event messages (`_testTriggerRichApiMessageEvent`
 *   with the rich-API event category), so `onChanged` handlers run through Microsoft's code;
 * - `Office.onReady`, which office.js's loader would define, answers at once (host Excel).
 * No Node-only API: the preview page uses it in the browser.
 */
import type { MemSettings } from './settings';
import type { ProtocolHost, RequestBody, ResponseMessage } from './protocol';

/** The globals the client library defines. */
export interface OfficeJsGlobals {
  Excel: typeof Excel;
  Office: typeof Office;
  OfficeExtension: typeof OfficeExtension;
}

/** A window (or `vm` context) the library ran in. */
export type LibraryWindow = OfficeJsGlobals & { OSF: { _OfficeAppFactory?: unknown } };

interface RequestMessage {
  Url: string;
  Headers: Record<string, string>;
  Body: RequestBody;
}

interface LibrarySessionBase {
  new (): object;
  _overrideSession: object | null;
}

interface LibraryInternals {
  SessionBase: LibrarySessionBase;
  _testSetRichApiMessageReadyImpl(impl: () => Promise<void>): void;
  _testTriggerRichApiMessageEvent(msg: { entries: unknown[] }): void;
}

/** The rich-API message category of events (OfficeExtension.Constants.eventMessageCategory). */
const EVENT_MESSAGE_CATEGORY = 65536;

export interface ConnectOptions {
  settings?: MemSettings;
  /** `Office.context.displayLanguage`. Default vi-VN. */
  displayLanguage?: string;
  /** `Office.context.officeTheme` (desktop Excel gives it; Excel on the web does not). Default: none. */
  officeTheme?: OfficeThemeColors;
}

/** The colours of `Office.context.officeTheme`, as `#rrggbb`. */
export interface OfficeThemeColors {
  bodyBackgroundColor: string;
  bodyForegroundColor: string;
  controlBackgroundColor: string;
  controlForegroundColor: string;
}

/** Office's own themes as desktop Excel reports them: the preview's `?theme=` chooses one. */
export const OFFICE_THEMES: Record<'colorful' | 'darkGray' | 'black' | 'white', OfficeThemeColors> = {
  colorful: { bodyBackgroundColor: '#ffffff', bodyForegroundColor: '#262626', controlBackgroundColor: '#f3f3f3', controlForegroundColor: '#262626' },
  white: { bodyBackgroundColor: '#ffffff', bodyForegroundColor: '#262626', controlBackgroundColor: '#ffffff', controlForegroundColor: '#262626' },
  darkGray: { bodyBackgroundColor: '#444444', bodyForegroundColor: '#ffffff', controlBackgroundColor: '#6a6a6a', controlForegroundColor: '#ffffff' },
  black: { bodyBackgroundColor: '#262626', bodyForegroundColor: '#ffffff', controlBackgroundColor: '#363636', controlForegroundColor: '#ffffff' },
};

/** Routes the library in `win` to `host`; returns the library's `Excel`, `Office`, `OfficeExtension`. */
export function connectOfficeJs(win: LibraryWindow, host: ProtocolHost, options: ConnectOptions = {}): OfficeJsGlobals {
  const oe = win.OfficeExtension as unknown as LibraryInternals;
  const settings = options.settings;
  const documentSettings = {
    get: (key: string): unknown => settings?.get(key) ?? null,
    set: (key: string, value: unknown): void => settings?.set(key, value),
    remove: (key: string): void => settings?.set(key, null),
    saveAsync: (a?: unknown, b?: unknown): void => {
      const callback = (typeof a === 'function' ? a : b) as ((r: { status: string; error?: { message: string } }) => void) | undefined;
      const done = settings ? settings.save() : Promise.resolve();
      done.then(
        () => callback?.({ status: 'succeeded' }),
        (e: unknown) => callback?.({ status: 'failed', error: { message: String(e) } }),
      );
    },
  };
  const language = options.displayLanguage ?? 'vi-VN';
  const context = {
    displayLanguage: language,
    contentLanguage: language,
    requirements: { isSetSupported: (name: string, version?: string | number) => host.isSetSupported(name, version === undefined ? undefined : String(version)) },
    document: { settings: documentSettings },
    ...(options.officeTheme ? { officeTheme: { ...options.officeTheme } } : {}),
    platform: host.client === 'web' ? 'OfficeOnline' : 'PC',
    host: 'Excel',
  };
  const hostInfo = { hostType: 'excel', hostPlatform: host.client === 'web' ? 'web' : 'win32', hostSpecificFileVersion: host.client === 'web' ? '16.00' : '16.01', flags: 0 };
  win.OSF._OfficeAppFactory = { getContext: () => context, getHostInfo: () => hostInfo };

  const executor = {
    executeAsync: (_customData: unknown, _flags: number, message: RequestMessage): Promise<ResponseMessage> =>
      // A round trip: the answer comes back asynchronously, as from Excel.
      Promise.resolve().then(() => host.execute(message.Body)),
  };
  class HostSession extends oe.SessionBase {
    _createRequestExecutorOrNull(): typeof executor {
      return executor;
    }
  }
  oe.SessionBase._overrideSession = new HostSession();
  // Event registration needs no office.js message channel here: events arrive as messages below.
  oe._testSetRichApiMessageReadyImpl(() => Promise.resolve());
  host.eventSink = (eventType, targetId, payload) => {
    oe._testTriggerRichApiMessageEvent({
      entries: [{ messageCategory: EVENT_MESSAGE_CATEGORY, messageType: eventType, targetId, message: JSON.stringify(payload) }],
    });
  };
  // office.js's loader defines `Office.onReady`; the host-specific file alone does not. There is no
  // Office host to wait for here: it answers at once that this is Excel.
  const office = win.Office as unknown as { onReady?: unknown };
  if (typeof office.onReady !== 'function') {
    const info = { host: 'Excel', platform: host.client === 'web' ? 'OfficeOnline' : 'PC' };
    office.onReady = (callback?: (i: typeof info) => void): Promise<typeof info> => {
      callback?.(info);
      return Promise.resolve(info);
    };
  }
  return { Excel: win.Excel, Office: win.Office, OfficeExtension: win.OfficeExtension };
}
