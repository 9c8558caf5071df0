/**
 * After a check (the pane and the web page): the result is brought into view and the keyboard put on
 * its summary, so a screen reader reads it and a sighted clerk sees it, however tall the rows of
 * buttons above it grew (a narrow pane, a large font, 200 % zoom). When the summary and the first
 * finding are on screen already nothing moves; otherwise the summary is scrolled to the top, with
 * the first finding under it.
 */
export function revealResult(summary: HTMLElement | null, first: HTMLElement | null): void {
  if (!summary || !summary.isConnected) return;
  summary.focus({ preventScroll: true });
  const view = summary.ownerDocument.defaultView;
  if (!view || typeof summary.scrollIntoView !== 'function') return;
  const height = view.innerHeight;
  const top = summary.getBoundingClientRect().top;
  const bottom = (first ?? summary).getBoundingClientRect().bottom;
  if (top >= 0 && bottom <= height) return;
  summary.scrollIntoView({ block: 'start' });
}
