/**
 * Microsoft's Excel client library in Node: the debug build of `@microsoft/office-js` for desktop
 * Excel on Windows (`excel-win32-16.01.debug.js`) or Excel on the web (`excel-web-16.00.debug.js`)
 * evaluated in a fresh `vm` context with a minimal `window`, connected to a new in-memory Excel
 * (`protocol.ts`). Tests, the bench and `npm run excel-host` start here.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { MemHost, type MemHostOptions } from './host';
import { connectOfficeJs, type LibraryWindow, type OfficeJsGlobals } from './officejs';
import { ProtocolHost, apiSetsFromLibrary, type ApiSets } from './protocol';
import { MemSettings } from './settings';

export type ExcelClient = 'win32' | 'web';
export const EXCEL_CLIENTS: readonly ExcelClient[] = ['win32', 'web'];

const FILES: Record<ExcelClient, string> = {
  win32: 'excel-win32-16.01.debug.js',
  web: 'excel-web-16.00.debug.js',
};

function packageDir(): string {
  return path.dirname(require.resolve('@microsoft/office-js/package.json'));
}

/** The version of the `@microsoft/office-js` package in use, e.g. `1.1.110`. */
export function officeJsVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(packageDir(), 'package.json'), 'utf8')) as { version: string }).version;
}

interface Compiled {
  script: vm.Script;
  apiSets: ApiSets;
}

const compiled = new Map<ExcelClient, Compiled>();

function compile(client: ExcelClient): Compiled {
  let c = compiled.get(client);
  if (!c) {
    const file = path.join(packageDir(), 'dist', FILES[client]);
    const source = fs.readFileSync(file, 'utf8');
    c = { script: new vm.Script(source, { filename: file }), apiSets: apiSetsFromLibrary(source) };
    compiled.set(client, c);
  }
  return c;
}

export interface OfficeJsHostOptions extends MemHostOptions {
  client?: ExcelClient;
  displayLanguage?: string;
  /** Document settings (`Office.context.document.settings`). A new store by default. */
  settings?: MemSettings;
  /** Sheets of the new workbook. Default none (tests add what they need). */
  sheets?: string[];
}

export interface OfficeJsHost extends OfficeJsGlobals {
  client: ExcelClient;
  /** The workbook state, formulas and the user's direct actions (`type`, `valueAt`, …). */
  host: MemHost;
  /** The server half of the protocol: stats, references. */
  protocol: ProtocolHost;
  settings: MemSettings;
  /** The client library's `Excel.run`. */
  run: typeof Excel.run;
  /** `Office.context.requirements.isSetSupported` of the chosen Excel version. */
  isSetSupported: (name: string, minVersion?: string) => boolean;
}

/** A new in-memory workbook with Microsoft's client library (`client` build) connected to it. */
export function createOfficeJsHost(options: OfficeJsHostOptions = {}): OfficeJsHost {
  const client = options.client ?? 'win32';
  const { script, apiSets } = compile(client);
  const host = new MemHost(options);
  for (const s of options.sheets ?? []) host.addSheet(s);
  const protocol = new ProtocolHost(host, { client, apiSets, maxRequestBytes: options.maxRequestBytes });
  const win: Record<string, unknown> = {
    navigator: { userAgent: `Node.js ${process.version}`, language: 'en-US' },
    location: { href: 'https://localhost/', protocol: 'https:', host: 'localhost', hostname: 'localhost', search: '', hash: '', pathname: '/' },
    // The timers of the moment (jest's fake timers included), not those of when it was made.
    setTimeout: (...a: Parameters<typeof setTimeout>) => setTimeout(...a),
    clearTimeout: (id: Parameters<typeof clearTimeout>[0]) => clearTimeout(id),
    setInterval: (...a: Parameters<typeof setInterval>) => setInterval(...a),
    clearInterval: (id: Parameters<typeof clearInterval>[0]) => clearInterval(id),
    console,
    Promise,
    JSON,
  };
  win.window = win;
  win.self = win;
  const context = vm.createContext(win);
  script.runInContext(context);
  const settings = options.settings ?? new MemSettings();
  const globals = connectOfficeJs(win as unknown as LibraryWindow, protocol, { settings, displayLanguage: options.displayLanguage });
  return {
    ...globals,
    client,
    host,
    protocol,
    settings,
    run: globals.Excel.run.bind(globals.Excel) as typeof Excel.run,
    isSetSupported: protocol.isSetSupported,
  };
}
