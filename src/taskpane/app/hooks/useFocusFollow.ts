/**
 * Keeps the keyboard in the findings list across re-checks: when a re-check removes the finding
 * that had the keyboard, the same finding (and control) takes it back if it is still listed, else
 * the nearest remaining one, else the summary. When the clerk is in the sheet meanwhile (the pane
 * has no focus), that happens on coming back, so the pane never takes the keyboard away from Excel.
 */
import { useEffect, useLayoutEffect, useRef, type FocusEvent, type RefObject } from 'react';

/** Where the keyboard was among the findings: which one, its place in the list, which control in it. */
export interface FindingFocus {
  key: string;
  index: number;
  control: string | null;
}

const ITEM = 'li[data-key]';

/** Where the keyboard goes when its finding went away: the same finding (and control) if it is still listed, else the nearest, else the summary. */
export function focusTarget(list: HTMLElement | null, summary: HTMLElement | null, was: FindingFocus): HTMLElement | null {
  const items = list ? [...list.querySelectorAll<HTMLElement>(ITEM)] : [];
  const same = items.find((li) => li.dataset.key === was.key);
  if (same) {
    const control = was.control === null ? undefined : [...same.querySelectorAll<HTMLElement>('[data-control]')].find((el) => el.dataset.control === was.control);
    return control ?? same;
  }
  return items[Math.min(was.index, items.length - 1)] ?? summary;
}

/** Whether the pane's window has the keyboard (false while the clerk works in the sheet); `cleanup` runs on unmount. */
function usePaneFocused(cleanup: RefObject<(() => void) | null>): RefObject<boolean> {
  const focused = useRef(typeof document.hasFocus === 'function' ? document.hasFocus() : true);
  useEffect(() => {
    const onFocus = (): void => {
      focused.current = true;
    };
    const onBlur = (): void => {
      focused.current = false;
    };
    window.addEventListener('focus', onFocus);
    window.addEventListener('blur', onBlur);
    return () => {
      window.removeEventListener('focus', onFocus);
      window.removeEventListener('blur', onBlur);
      cleanup.current?.();
    };
  }, [cleanup]);
  return focused;
}

/**
 * `findings`: the list drawn (the focus is looked after each time it changes). Returns the list's
 * onFocus and onBlur handlers, which note where the keyboard is.
 */
export function useFocusFollow(
  listRef: RefObject<HTMLElement | null>,
  summaryRef: RefObject<HTMLElement | null>,
  findings: unknown,
): { onFocus: (e: FocusEvent<HTMLElement>) => void; onBlur: (e: FocusEvent<HTMLElement>) => void } {
  /** The finding that has (or had, until a re-check removed it) the keyboard. */
  const focused = useRef<FindingFocus | null>(null);
  const comeBack = useRef<(() => void) | null>(null);
  const paneFocused = usePaneFocused(comeBack);

  useLayoutEffect(() => {
    const was = focused.current;
    if (!was) return;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const target = focusTarget(listRef.current, summaryRef.current, was);
    if (!target) return;
    comeBack.current?.();
    comeBack.current = null;
    if (paneFocused.current) {
      target.focus();
      return;
    }
    const onBack = (): void => {
      window.removeEventListener('focus', onBack);
      comeBack.current = null;
      const now = document.activeElement;
      if ((!now || now === document.body) && target.isConnected) target.focus();
    };
    window.addEventListener('focus', onBack);
    comeBack.current = () => window.removeEventListener('focus', onBack);
  }, [findings, listRef, summaryRef, paneFocused]);

  const onFocus = (e: FocusEvent<HTMLElement>): void => {
    const el = e.target as HTMLElement;
    const li = el.closest<HTMLElement>(ITEM);
    if (!li || !listRef.current) return;
    paneFocused.current = true;
    const items = [...listRef.current.querySelectorAll<HTMLElement>(ITEM)];
    focused.current = { key: li.dataset.key ?? '', index: items.indexOf(li), control: el.closest<HTMLElement>('[data-control]')?.dataset.control ?? null };
  };
  const onBlur = (e: FocusEvent<HTMLElement>): void => {
    // The keyboard went elsewhere in the pane: nothing to follow. (Focus leaving the pane, or the
    // element being removed, has no next target: the record stays.)
    const next = e.relatedTarget as Node | null;
    if (next && next !== document.body && !listRef.current?.contains(next)) focused.current = null;
  };
  return { onFocus, onBlur };
}
