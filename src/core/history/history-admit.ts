/**
 * Which earlier reports the comparison with earlier periods (`core/history/history`) takes in: the same
 * unit's, readable, with a period ending before the current one begins, one per period (the first
 * listed), and per table the same template version. What is left out gets a typed note (`kind`,
 * the file) whose words are the catalogue's (`core/combine/admission-words`).
 */
import type { Period } from '../figures';
import type { HistoryNote, EarlierInput } from './history';
import { workbookOf, type Workbook } from './history-read';
import type { TemplateSource } from '../forms/catalog';
import { EARLIER_WORDS } from '../combine/admission-words';
import { compareIsoDates } from '../dates';
import { unitKey } from '../units';

/** An earlier report taken in: its file, period and what is needed of it. */
export interface Admitted {
  file: string;
  period: Period;
  wb: Workbook;
}

/** The earlier reports that can be used, oldest first, and a note on each one left out. */
export function admitEarlier(now: Workbook & { period: Period }, earlier: readonly EarlierInput[], templates: TemplateSource): { usable: Admitted[]; notes: HistoryNote[] } {
  const usable: Admitted[] = [];
  const notes: HistoryNote[] = [];
  for (const e of earlier) {
    if ('error' in e) {
      notes.push({ file: e.file, kind: 'unreadable', message: EARLIER_WORDS.unreadable(e.error) });
      continue;
    }
    const wb = workbookOf(e.read, templates);
    const p = wb.period;
    const same = p ? usable.find((u) => u.period.from === p.from && u.period.to === p.to) : undefined;
    if (unitKey(wb.unit) !== unitKey(now.unit)) notes.push({ file: e.file, kind: 'unit', message: EARLIER_WORDS.unit(wb.unit, now.unit) });
    else if (!p) notes.push({ file: e.file, kind: 'noPeriod', message: EARLIER_WORDS.noPeriod() });
    else if (compareIsoDates(p.to, now.period.from) >= 0) notes.push({ file: e.file, kind: 'period', message: EARLIER_WORDS.notBefore(p, now.period) });
    else if (same) notes.push({ file: e.file, kind: 'duplicate', message: EARLIER_WORDS.duplicate(p, same.file) });
    else usable.push({ file: e.file, period: p, wb });
  }
  usable.sort((a, b) => compareIsoDates(a.period.from, b.period.from) || compareIsoDates(a.period.to, b.period.to));
  for (const e of usable) notes.push(...tableNotes(now, e));
  return { usable, notes };
}

/** An earlier report's tables of another version than the current one's (each left out), or none in common. */
function tableNotes(now: Workbook, e: Admitted): HistoryNote[] {
  const notes: HistoryNote[] = [];
  let common = 0;
  for (const [key, u] of now.tables) {
    if (e.wb.tables.get(key)?.table.version === u.table.version) {
      common++;
      continue;
    }
    const versions = [...(e.wb.versions.get(key) ?? [])].filter((v) => v !== u.table.version).sort((a, b) => a - b);
    if (versions.length > 0) notes.push({ file: e.file, kind: 'version', template: key, message: EARLIER_WORDS.version(u.template.name, versions, u.table.version) });
  }
  if (common === 0 && notes.length === 0) notes.push({ file: e.file, kind: 'noTable', message: EARLIER_WORDS.noTable() });
  return notes;
}
