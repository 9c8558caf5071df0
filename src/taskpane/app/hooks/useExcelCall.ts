/**
 * One way to call Excel from the pane: a call still pending after SLOW_EXCEL_MS gets a notice in
 * the status line (Excel holds every add-in request while a cell is being edited, so the pane would
 * otherwise look frozen); a failure becomes the pane's error message and the call resolves
 * undefined. Where the keyboard was when the error appeared is kept, to go back to on dismissing it.
 */
import { useCallback, useRef, type RefObject } from 'react';
import { format } from '../../../ui/i18n';
import { errorText, type PaneContextValue } from '../context';
import { APP_STRINGS, type AppStrings } from '../strings';
import type { PaneAction } from '../pane-model';

/** An Excel call still pending after this long gets a notice in the status line. */
export const SLOW_EXCEL_MS = 8000;

const SLOW_NOTICES = [APP_STRINGS.vi.excelSlow, APP_STRINGS.en.excelSlow];

export function useExcelCall(dispatch: (a: PaneAction) => void, s: AppStrings): { run: PaneContextValue['run']; focusBeforeError: RefObject<Element | null> } {
  const focusBeforeError = useRef<Element | null>(null);
  const sRef = useRef(s);
  sRef.current = s;
  const run = useCallback(
    async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
      const slow = setTimeout(() => dispatch({ type: 'slow', message: sRef.current.excelSlow }), SLOW_EXCEL_MS);
      try {
        return await action();
      } catch (e) {
        focusBeforeError.current = document.activeElement;
        dispatch({ type: 'error', message: format(sRef.current.failed, { detail: errorText(e) }) });
        return undefined;
      } finally {
        clearTimeout(slow);
        dispatch({ type: 'slowDone', messages: SLOW_NOTICES });
      }
    },
    [dispatch],
  );
  return { run, focusBeforeError };
}
