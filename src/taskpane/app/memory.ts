/**
 * What the pane remembers on this computer from one opening to the next: that the first-run
 * screen was dealt with (the clerk skipped it or inserted the first table) and which tabs'
 * introductions were already shown. Kept in the browser's local storage under the pane's own keys,
 * prefixed with Office's partition key where Office partitions storage (Excel on the web). When the
 * storage cannot be used — missing, blocked by a policy, full, or throwing on every call — the pane
 * remembers for as long as it stays open, and never fails because of it.
 */

/** Set once the first-run screen was skipped or its table inserted. */
export const FIRST_RUN_DONE = 'bieumau.firstRun.done';

/** Set once a tab's introduction was shown; from then on it waits behind the "?" button. */
export function introSeenKey(tab: string): string {
  return `bieumau.intro.${tab}.seen`;
}

export interface PaneMemory {
  has(key: string): boolean;
  remember(key: string): void;
}

/** The Office partition key for local storage, or '' where there is none (desktop Excel, no Office). */
function partitionKey(): string {
  try {
    const key: unknown = (globalThis as { Office?: { context?: { partitionKey?: unknown } } }).Office?.context?.partitionKey;
    return typeof key === 'string' ? key : '';
  } catch {
    return '';
  }
}

function browserStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Reading window.localStorage itself throws where storage is blocked.
    return null;
  }
}

/**
 * The pane's memory over `storage` (the browser's local storage by default). Whatever is remembered
 * is also kept in this object, so within one opening the answer holds even when nothing can be stored.
 */
export function paneMemory(storage: () => Storage | null = browserStorage): PaneMemory {
  const here = new Set<string>();
  return {
    has(key) {
      if (here.has(key)) return true;
      try {
        return storage()?.getItem(partitionKey() + key) != null;
      } catch {
        return false;
      }
    },
    remember(key) {
      here.add(key);
      try {
        storage()?.setItem(partitionKey() + key, '1');
      } catch {
        // full, blocked or read-only: remembered for this opening only
      }
    },
  };
}
