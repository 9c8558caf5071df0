/**
 * The units field of consolidation (Tổng hợp, in the pane and on the web page): the text the clerk
 * pasted or loaded as the units list, read as the command line reads `--units` (`core/units`).
 * Pure: the same answer for the same text, tested without a page.
 */
import { parseUnitsText, UnitsListError, type UnitEntry } from '../../core/units';

export interface UnitsField {
  /** The units expected; null when the field is blank (no list: every file is a unit). */
  units: UnitEntry[] | null;
  /** Why the list cannot be read, in the page's language; '' when it can. */
  problem: string;
}

export function unitsField(text: string, lang: 'vi' | 'en'): UnitsField {
  if (text.trim() === '') return { units: null, problem: '' };
  try {
    return { units: parseUnitsText(text), problem: '' };
  } catch (e) {
    if (e instanceof UnitsListError) return { units: null, problem: e.reason[lang] };
    throw e;
  }
}
