/**
 * The packs deployed beside the pane or the page (packs/index.json), loaded once at start: the
 * answer goes to `onLoaded`, a failure to `onFailed`; neither after the screen went away.
 */
import { useEffect, useRef } from 'react';
import type { PackLoad } from '../core/forms/pack-loader';

export function usePackLoad(load: (() => Promise<PackLoad>) | undefined, onLoaded: (r: PackLoad) => void, onFailed: (e: unknown) => void = () => undefined): void {
  // Once, with the functions of the first render: the packs are not loaded again when they change.
  const first = useRef({ load, onLoaded, onFailed });
  useEffect(() => {
    const { load: loadNow, onLoaded: loaded, onFailed: failed } = first.current;
    if (!loadNow) return undefined;
    let cancelled = false;
    void loadNow().then(
      (r) => {
        if (!cancelled) loaded(r);
      },
      (e: unknown) => {
        if (!cancelled) failed(e);
      },
    );
    return () => {
      cancelled = true;
    };
  }, []);
}
