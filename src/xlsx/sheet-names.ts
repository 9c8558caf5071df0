/**
 * The names the writers give sheets: Excel's limits kept, and each name once in a workbook.
 */

/** Excel's limits on sheet names: ≤ 31 characters, none of `[]:*?/\`, not starting/ending with `'`. */
export function cleanSheetName(name: string): string {
  const edges = (t: string): string => t.trim().replace(/^'+|'+$/g, '').trim();
  // Edges are cleaned again after cutting to 31: the cut may leave a `'` or a space at the end.
  let s = edges(edges(name.normalize('NFC').replace(/[[\]:*?/\\]/g, '-')).slice(0, 31));
  if (s === '') s = 'Sheet';
  return s;
}

/** `Biểu 01`, then `Biểu 01 (2)`, `Biểu 01 (3)` … (compared case-insensitively, as Excel does). */
export function uniqueSheetNames(wanted: string[]): string[] {
  const used = new Set<string>();
  return wanted.map((w) => {
    const base = cleanSheetName(w);
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) {
      const suffix = ` (${i})`;
      name = `${base.slice(0, 31 - suffix.length).trimEnd()}${suffix}`;
    }
    used.add(name.toLowerCase());
    return name;
  });
}
