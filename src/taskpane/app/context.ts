/**
 * What every screen of the pane shares: the adapter, the report settings, the UI language, and
 * one way to run an adapter call so that a failure becomes a message in the pane (never a blank
 * or frozen pane).
 */
import { createContext, useContext } from 'react';
import type { ReportInfo, WorkbookAdapter, AppliedFix } from '../../excel/types';
import type { Finding } from '../../core/check/findings';
import { useLanguage } from '../Shell';
import { APP_STRINGS, type AppStrings } from './strings';
import type { Language } from '../../ui/i18n';
import type { PackCatalog } from '../../core/forms/catalog';
import type { LoadedPack } from '../../core/forms/pack-loader';
import type { Text } from '../../core/forms/template';
import type { EarlierInput, HistoryResult } from '../../core/history/history';

export interface CheckState {
  /** Null before the first check. */
  findings: Finding[] | null;
  /** Sheets of the tables read, in workbook order (to group findings). */
  sheets: string[];
  /** Fixes applied, the last one last (Hoàn tác reverts it). */
  applied: AppliedFix[];
}

export const EMPTY_CHECK: CheckState = { findings: null, sheets: [], applied: [] };

/** Earlier periods' reports the clerk chose (Kiểm tra, "So với các kỳ trước…"), and the last comparison with them. */
export interface EarlierState {
  /** Each chosen file as read (its tables, or why it cannot be read), in the order chosen. */
  inputs: EarlierInput[];
  /** The comparison of the last check with them; null before one (or after the files changed). */
  result: HistoryResult | null;
}

export const NO_EARLIER: EarlierState = { inputs: [], result: null };

/** The packs of this pane: the built-in one, then those the office deployed (packs/index.json). */
export interface PanePacks {
  catalog: PackCatalog;
  /** Each file the index lists, loaded or not (with its faults). */
  loaded: LoadedPack[];
  /** The index exists but cannot be used. */
  indexError: Text | null;
  /** True until the deployed packs have been tried. */
  loading: boolean;
}

export interface PaneContextValue {
  adapter: WorkbookAdapter;
  packs: PanePacks;
  settings: ReportInfo;
  setSettings(info: ReportInfo): void;
  /** Sheets inserted in this session, per template key (`templateKey`). */
  inserted: Readonly<Record<string, string[]>>;
  noteInserted(templateId: string, sheet: string): void;
  check: CheckState;
  setCheck(update: (s: CheckState) => CheckState): void;
  earlier: EarlierState;
  setEarlier(update: (s: EarlierState) => EarlierState): void;
  /** Runs an adapter call; on failure shows the error in the pane and resolves undefined. */
  run<T>(action: () => Promise<T>): Promise<T | undefined>;
  /**
   * A short message for screen readers and sighted users (role="status"). With `shown: false` it
   * is read out but not drawn, for a message that repeats what the tab shows already.
   */
  announce(message: string, options?: { shown?: boolean }): void;
  /** Opens Thiết lập báo cáo with the keyboard on its tab (a finding's way to fill the report information). */
  openSettings?(): void;
}

export const PaneContext = createContext<PaneContextValue | null>(null);

export function usePane(): PaneContextValue {
  const v = useContext(PaneContext);
  if (v === null) throw new Error('usePane outside the pane');
  return v;
}

export function useAppStrings(): AppStrings {
  return APP_STRINGS[useLanguage()];
}

export function useLang(): Language {
  return useLanguage();
}

export function emptyReportInfo(): ReportInfo {
  return { unit: '', reportNo: '', reportDate: '', reportBy: '', from: '', to: '' };
}

/** The text of an error thrown by Office.js, the host or anything else. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}
