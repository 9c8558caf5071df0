/**
 * The form of Tổng hợp (pane and web page alike) as a pure reducer: how to combine ("Cách tổng hợp":
 * by unit or by period), the units list as typed, whether sources with errors go in, the work
 * running (its progress, of the surface's kind `W`) and the last outcome (of the surface's kind `O`).
 * Choosing the way, or starting new work, puts the last outcome away. Tested without a page.
 */
import type { ConsolidateMode } from '../ModeChoice';

export interface CombineForm<O, W> {
  mode: ConsolidateMode;
  unitsText: string;
  allowErrors: boolean;
  /** The work running (reading, writing, its progress); null when none. */
  working: W | null;
  /** What the last consolidation or roll-up gave (or why it gave nothing); null before one. */
  outcome: O | null;
}

export type CombineAction<O, W> =
  | { type: 'mode'; mode: ConsolidateMode }
  | { type: 'unitsText'; text: string }
  | { type: 'allowErrors'; on: boolean }
  /** Work starts: the last outcome goes. */
  | { type: 'start'; working: W }
  | { type: 'progress'; working: W }
  /** Work ended: its outcome, or none (`undefined`: the adapter failed and said so). */
  | { type: 'finish'; outcome?: O }
  | { type: 'outcome'; outcome: O | null };

export function combineFormStart<O, W>(): CombineForm<O, W> {
  return { mode: 'units', unitsText: '', allowErrors: false, working: null, outcome: null };
}

export function combineForm<O, W>(state: CombineForm<O, W>, action: CombineAction<O, W>): CombineForm<O, W> {
  switch (action.type) {
    case 'mode':
      return { ...state, mode: action.mode, outcome: null };
    case 'unitsText':
      return { ...state, unitsText: action.text };
    case 'allowErrors':
      return { ...state, allowErrors: action.on };
    case 'start':
      return { ...state, working: action.working, outcome: null };
    case 'progress':
      return { ...state, working: action.working };
    case 'finish':
      return { ...state, working: null, outcome: action.outcome ?? state.outcome };
    case 'outcome':
      return { ...state, outcome: action.outcome };
  }
}
