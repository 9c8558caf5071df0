/**
 * Counts the screens show of a consolidation or a roll-up (pane and web page alike). Pure.
 */

/** How many of the sources went into the result. */
export function includedCount(summary: { sources: readonly { included: boolean }[] }): number {
  let n = 0;
  for (const s of summary.sources) if (s.included) n++;
  return n;
}
