/**
 * The pane's count written into the open workbook, as `bieumau count` writes its file: one new
 * register sheet per register (the columns read, the date counted, the column each table counts
 * the row in, why), then Biểu 01 and 02 with COUNTIFS over those sheets and the tables' own Từ ngày
 * / Đến ngày cells. Every sheet is new: nothing already in the workbook is written over. Loaded
 * with the count section.
 */
import type { CountSource, CountSummary, Period } from '../../core/count/count';
import type { Register } from '../../core/count/register';
import { countedTemplates, classifyRegister, summarise } from '../../core/count/count';
import { countedPlan, registerColumns, registerSheetName, registerSheetPlan } from '../../core/count/count-plan';
import { CROSS_TABLE_RULES, TEMPLATES } from '../../core/forms/builtin';
import type { PaneContextValue } from './context';
import { templateKey } from '../../core/forms/catalog';
import { layoutOptions } from './TablesTab';

/** The summary and the sheets written, in order; null when a write failed (the pane said why). */
export async function writeCount(pane: PaneContextValue, sources: readonly CountSource[], period: Period): Promise<{ summary: CountSummary; sheets: string[] } | null> {
  const { adapter, run, settings, noteInserted } = pane;
  const templates = countedTemplates(TEMPLATES);
  const classified = sources.map((source) => classifyRegister(templates, CROSS_TABLE_RULES, source));
  const summary = summarise(templates, classified, period);
  const sheets: { name: string; kind: Register['kind']; cols: ReturnType<typeof registerColumns> }[] = [];
  const written: string[] = [];
  for (const rc of classified) {
    const cols = registerColumns(rc, templates);
    const w = await run(() => adapter.insertTemplate(registerSheetPlan(registerSheetName(rc.source.register.kind), cols, rc)));
    if (!w) return null;
    sheets.push({ name: w.sheet, kind: rc.source.register.kind, cols });
    written.push(w.sheet);
  }
  const options = { ...layoutOptions(settings), from: period.from, to: period.to };
  for (const t of templates) {
    const w = await run(() => adapter.insertTemplate(countedPlan(t, options, sheets, summary)));
    if (!w) return null;
    noteInserted(templateKey(t), w.sheet);
    written.push(w.sheet);
  }
  return { summary, sheets: written };
}
