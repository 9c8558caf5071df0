/**
 * The live re-check of Kiểm tra: while `on`, the adapter's change events start `recheck`
 * LIVE_DELAY_MS after the clerk's last edit. `recheck` returns false when a check or fix is running
 * now; the re-check is then tried again after the same delay. Switching on checks once the watch is
 * in place, so an edit made meanwhile is not missed.
 */
import { useEffect, useRef } from 'react';
import type { WorkbookAdapter } from '../../../excel/types';
import type { PaneContextValue } from '../context';

/** Quiet time after the user's last edit before the live re-check. */
export const LIVE_DELAY_MS = 800;

export function useLiveRecheck(on: boolean, adapter: WorkbookAdapter, run: PaneContextValue['run'], recheck: () => boolean): void {
  // The latest render's function, called from the adapter's change events.
  const latest = useRef(recheck);
  latest.current = recheck;
  useEffect(() => {
    if (!on) return undefined;
    let stopped = false;
    let stop: (() => Promise<void>) | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        // A check or fix running now: try again once it is done.
        if (!stopped && !latest.current()) schedule();
      }, LIVE_DELAY_MS);
    };
    void run(() => adapter.watchChanges(schedule)).then((unsubscribe) => {
      if (stopped) {
        if (unsubscribe) void run(unsubscribe);
        return;
      }
      stop = unsubscribe;
      // An edit made while the watch was being set up was heard by nobody: check now.
      if (unsubscribe && !latest.current()) schedule();
    });
    return () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      if (stop) void run(stop);
    };
  }, [on, adapter, run]);
}
