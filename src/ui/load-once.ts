/**
 * A part of the page loaded on demand (a chunk), once: the first call starts the load and every
 * later call gets the same promise; a load that fails is forgotten, so the next call tries again
 * (a network that came back).
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((e: unknown) => {
      loading = undefined;
      throw e;
    });
    return loading;
  };
}
