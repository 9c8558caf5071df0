/**
 * Kiểm tra on the web page as a pure reducer, tested without a page: the check running (files
 * done of how many), its outcome (of the page's kind `O`), the page's failure, and the earlier
 * periods' files chosen. A new check puts the last outcome and failure away.
 */
export interface WebCheck<O> {
  progress: { done: number; total: number } | null;
  outcome: O | null;
  failure: string;
  /** The earlier periods' files (So với các kỳ trước…), applied to every file checked. */
  earlier: File[];
}

export type WebCheckAction<O> =
  | { type: 'start'; total: number }
  | { type: 'progress'; done: number }
  | { type: 'done'; outcome: O }
  | { type: 'failed'; message: string }
  | { type: 'earlier'; files: File[] };

export function webCheckStart<O>(): WebCheck<O> {
  return { progress: null, outcome: null, failure: '', earlier: [] };
}

export function webCheck<O>(state: WebCheck<O>, action: WebCheckAction<O>): WebCheck<O> {
  switch (action.type) {
    case 'start':
      return { ...state, progress: { done: 0, total: action.total }, outcome: null, failure: '' };
    case 'progress':
      return state.progress ? { ...state, progress: { ...state.progress, done: action.done } } : state;
    case 'done':
      return { ...state, progress: null, outcome: action.outcome };
    case 'failed':
      return { ...state, progress: null, failure: action.message };
    case 'earlier':
      return { ...state, earlier: action.files };
  }
}
