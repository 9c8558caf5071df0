/**
 * Long work in the page (checking many files one after another) gives the page a turn to paint its
 * progress and answer the clerk, but not after every file: a timer turn costs at least 4 ms once
 * timers nest (the HTML standard's clamp), which over 124 files is half a second of waiting. So a
 * turn is given only when `budgetMs` have passed since the last one, and through a message to
 * itself (a task without the timer clamp; MessageChannel exists in every browser the page runs in).
 */
export function yielder(budgetMs = 40, now: () => number = () => performance.now(), turn: () => Promise<void> = nextTask): () => Promise<void> {
  let last = now();
  return async () => {
    if (now() - last < budgetMs) return;
    await turn();
    last = now();
  };
}

/** Resolves in a new task of the event loop (after rendering, when a frame is due). */
export function nextTask(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
