/**
 * The state of Kiểm tra as pure reducers, tested without a page: the screen's own (a check or fix
 * running, the live switch, how many results were brought into view) and the check's result that
 * the pane keeps across tabs (findings, the sheets they group by, the fixes to undo).
 */
import type { Finding } from '../../core/check/findings';
import type { AppliedFix } from '../../excel/types';
import type { CheckState } from './context';

export interface CheckScreen {
  /** A check, fix, undo or clear is running: the buttons wait, a live re-check tries again later. */
  busy: boolean;
  /** Re-check by itself after the clerk's edits. */
  live: boolean;
  /** Counts the checks run by Kiểm tra: each result, once drawn, is brought into view. */
  revealed: number;
}

export const CHECK_SCREEN: CheckScreen = { busy: false, live: false, revealed: 0 };

export type CheckScreenAction = { type: 'busy'; busy: boolean } | { type: 'live'; on: boolean } | { type: 'revealed' };

export function checkScreen(state: CheckScreen, action: CheckScreenAction): CheckScreen {
  switch (action.type) {
    case 'busy':
      return state.busy === action.busy ? state : { ...state, busy: action.busy };
    case 'live':
      return state.live === action.on ? state : { ...state, live: action.on };
    case 'revealed':
      return { ...state, revealed: state.revealed + 1 };
  }
}

export type CheckAction =
  /** A check ran: its findings, and the sheets of the tables read in workbook order. */
  | { type: 'checked'; findings: Finding[]; sheets: string[] }
  /** A fix was applied (Sửa): Hoàn tác puts back what it replaced. */
  | { type: 'fixed'; fix: AppliedFix }
  /** The last fix was put back (Hoàn tác). */
  | { type: 'undone' }
  /** The workbook changed in the pane (a table inserted, settings written): the last result no longer holds. */
  | { type: 'stale' };

export function checkResult(state: CheckState, action: CheckAction): CheckState {
  switch (action.type) {
    case 'checked':
      return { ...state, findings: action.findings, sheets: action.sheets };
    case 'fixed':
      return { ...state, applied: [...state.applied, action.fix] };
    case 'undone':
      return state.applied.length === 0 ? state : { ...state, applied: state.applied.slice(0, -1) };
    case 'stale':
      return state.findings === null ? state : { ...state, findings: null };
  }
}
