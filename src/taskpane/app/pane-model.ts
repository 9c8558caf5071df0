/**
 * The pane's frame as a pure reducer, tested without a page: which tab is open, whether its
 * introduction is shown, the first-run screen, the error message and the status line.
 */
import type { TabId } from './App';

export interface PaneFrame {
  tab: TabId;
  /** Whether the open tab's introduction is shown: the first time the tab opens, then when asked for. */
  introOpen: boolean;
  /** The first-run screen instead of the tabs. */
  firstRun: boolean;
  /** The failure shown (role="alert"); null when none. */
  error: string | null;
  /** The status line (role="status"). */
  status: string;
  /** False when the status only says what the tab already shows: read out, not drawn. */
  statusShown: boolean;
}

export type PaneAction =
  /** A tab opened; `introSeen` when its introduction was seen before (it then waits behind "?"). */
  | { type: 'tab'; tab: TabId; introSeen: boolean }
  | { type: 'toggleIntro' }
  | { type: 'firstRunDone' }
  | { type: 'error'; message: string | null }
  /** A message for the status line; a new message takes the place of the error. */
  | { type: 'announce'; message: string; shown: boolean }
  /** An Excel call is slow (`message` says so); `done` when it ended: the notice goes, any other status stays. */
  | { type: 'slow'; message: string }
  | { type: 'slowDone'; messages: readonly string[] };

export function paneFrame(state: PaneFrame, action: PaneAction): PaneFrame {
  switch (action.type) {
    case 'tab':
      return { ...state, tab: action.tab, introOpen: !action.introSeen, status: '' };
    case 'toggleIntro':
      return { ...state, introOpen: !state.introOpen };
    case 'firstRunDone':
      return { ...state, firstRun: false };
    case 'error':
      return { ...state, error: action.message };
    case 'announce':
      return { ...state, error: null, status: action.message, statusShown: action.shown };
    case 'slow':
      return { ...state, status: action.message, statusShown: true };
    case 'slowDone':
      return action.messages.includes(state.status) ? { ...state, status: '' } : state;
  }
}
