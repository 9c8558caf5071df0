/**
 * What every part of the Office.js adapter shares: its dependencies (`Excel.run`, the requirement
 * check, the settings store) and the one piece of state read and painted across calls, what the
 * last read saw of each sheet.
 */
import type { SettingsStore } from './settings';
import type { ScannedSheet } from './scan';

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeAdapterDeps {
  /** `Excel.run`. */
  run: ExcelRun;
  /** `Office.context.requirements.isSetSupported`. */
  isSetSupported: (name: string, minVersion?: string) => boolean;
  settings: SettingsStore;
  /** Language of the input messages of data validation. Default Vietnamese. */
  language?: 'vi' | 'en';
  /** A request larger than this is split (Excel on the web refuses more than 5 MB). */
  maxRequestBytes?: number;
  /** Sheets walked per read batch (more sheets cost one more sync per this many). */
  sheetsPerBatch?: number;
  /**
   * Before ExcelApi 1.8 the adapter's own cell writes raise change events it cannot turn off:
   * an event on a cell the adapter just wrote is its own echo while the batch runs and for this
   * long after it (Excel delivers events after the sync). Any other event is the user's and is
   * always reported. From ExcelApi 1.8 on, the writes raise no event at all. Default 300 ms.
   */
  ownChangesQuietMs?: number;
}

const DEFAULT_MAX_REQUEST = 5 * 1024 * 1024;

export interface AdapterContext {
  deps: OfficeAdapterDeps;
  /** ExcelApi `v` or newer. */
  api: (v: string) => boolean;
  lang: 'vi' | 'en';
  /** The request size not to pass (`deps.maxRequestBytes`, default 5 MB). */
  maxRequest: number;
  /** Sheets walked per read sync (`deps.sheetsPerBatch`, default 32). */
  perBatch: number;
  /** What the last read saw: protection and marks per sheet name. */
  lastScan: Map<string, ScannedSheet>;
}

export function adapterContext(deps: OfficeAdapterDeps): AdapterContext {
  return {
    deps,
    api: (v) => deps.isSetSupported('ExcelApi', v),
    lang: deps.language ?? 'vi',
    maxRequest: deps.maxRequestBytes ?? DEFAULT_MAX_REQUEST,
    perBatch: deps.sheetsPerBatch ?? 32,
    lastScan: new Map(),
  };
}
