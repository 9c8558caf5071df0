/**
 * The faults of a pack that failed its check, as the pane (Bảng biểu) and the web page (packs
 * opened from a file) list them: the first `SHOWN_FAULTS`, each `path: message`, and how many more
 * (`bieumau packs check` lists them all). Pure.
 */
import type { PackFault } from '../../core/forms/pack';

export const SHOWN_FAULTS = 8;

/** The faults listed, and how many are left out. */
export function faultsShown(faults: readonly PackFault[]): { shown: PackFault[]; more: number } {
  const shown = faults.slice(0, SHOWN_FAULTS);
  return { shown, more: faults.length - shown.length };
}

/** Where a fault is (`(…)` for the pack as a whole). */
export function faultPath(f: PackFault): string {
  return f.path === '' ? '(…)' : f.path;
}

/** One fault as a line of text: `templates[0].id: …`. */
export function faultLine(f: PackFault, lang: 'vi' | 'en'): string {
  return `${faultPath(f)}: ${f.message[lang]}`;
}
