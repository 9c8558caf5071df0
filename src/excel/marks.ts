/* eslint-disable office-addins/load-object-before-read --
 * The rule reads `ws.getRange().conditionalFormats` (a navigation, queuing deletes) as a read of an
 * unloaded property. Loads are checked for real instead: Microsoft's Excel client library throws
 * PropertyNotLoaded on any read of a property not loaded and synced, and the adapter's tests run every path through it. */
/**
 * Marks: each finding's first cell gets a custom conditional format (red for an error, yellow for
 * a warning) whose formula says it is this add-in's (`MARK_FORMULAS`), so the next paint or a clear
 * finds and removes exactly these, never the user's own formats.
 *
 * Sync budget: a paint is 1 sync (the marks the last read saw removed, the new ones added, every
 * sheet's protection lifted and put back in the same batch; nothing to do sends no request). A
 * clear walks the sheets (1 sync per 32, as a read) and adds 1 sync when there are marks.
 */
import type { Finding } from '../core/check/findings';
import type { AdapterContext } from './context';
import type { ChangeWatch } from './echo';
import { commit, unprotected, type Lifted } from './protect';
import { MARK_FORMULAS, scan } from './scan';

const MARK_STYLE = {
  error: { fill: '#FFC7CE', font: '#9C0006' },
  warning: { fill: '#FFEB9C', font: '#9C5700' },
} as const;

/** `WorkbookAdapter.paintFindings`. */
export async function paintFindings(a: AdapterContext, w: ChangeWatch, findings: Finding[]): Promise<void> {
  await w.writing(async (ctx) => {
    const bySheet = new Map<string, { address: string; severity: Finding['severity'] }[]>();
    for (const f of findings) {
      const c = f.cells[0];
      if (!c) continue;
      const list = bySheet.get(c.sheet) ?? [];
      const same = list.find((x) => x.address === c.address);
      if (same) {
        if (f.severity === 'error') same.severity = 'error';
      } else list.push({ address: c.address, severity: f.severity });
      bySheet.set(c.sheet, list);
    }
    const sheetsToTouch = new Set([...bySheet.keys(), ...[...a.lastScan.values()].filter((s) => s.marks.length > 0).map((s) => s.scan.sheet)]);
    const lifted: Lifted[] = [];
    const added = new Map<string, Excel.ConditionalFormat[]>();
    for (const sheet of sheetsToTouch) {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      const seen = a.lastScan.get(sheet);
      unprotected(ws, seen?.protection, () => {
        const all = ws.getRange().conditionalFormats;
        for (const id of seen?.marks ?? []) all.getItem(id).delete();
        const mine: Excel.ConditionalFormat[] = [];
        for (const m of bySheet.get(sheet) ?? []) {
          const cf = ws.getRange(m.address).conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
          cf.custom.rule.formula = MARK_FORMULAS[m.severity];
          cf.custom.format.fill.color = MARK_STYLE[m.severity].fill;
          cf.custom.format.font.color = MARK_STYLE[m.severity].font;
          // Its id comes back with the same sync: a second paint replaces these marks too.
          cf.load('id');
          mine.push(cf);
        }
        added.set(sheet, mine);
      }, lifted);
    }
    await commit(ctx, lifted, null);
    for (const [sheet, mine] of added) {
      const seen = a.lastScan.get(sheet);
      if (seen) seen.marks = mine.map((cf) => cf.id);
    }
  });
}

/** `WorkbookAdapter.clearMarks`. */
export async function clearMarks(a: AdapterContext, w: ChangeWatch): Promise<void> {
  await w.writing(async (ctx) => {
    const sheets = await scan(a, ctx, { cells: false, marks: true });
    let any = false;
    const lifted: Lifted[] = [];
    for (const s of sheets) {
      if (s.marks.length === 0) continue;
      any = true;
      const ws = ctx.workbook.worksheets.getItem(s.scan.sheet);
      unprotected(ws, s.protection, () => {
        const all = ws.getRange().conditionalFormats;
        for (const id of s.marks) all.getItem(id).delete();
      }, lifted);
      s.marks = [];
    }
    if (any) await commit(ctx, lifted, null);
    for (const s of a.lastScan.values()) s.marks = [];
  });
}
