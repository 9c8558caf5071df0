/**
 * Change events of the in-memory Excel, delivered as the client library's own event messages:
 * `onChanged` registration, delivery and removal all run through Microsoft's code.
 */
import { code } from '../support/host-error-code';
import { inMemoryExcel } from '../support/in-memory-excel';

type Seen = Pick<Excel.WorksheetChangedEventArgs, 'address' | 'worksheetId' | 'source' | 'changeType' | 'type'>;
const seenOf = (e: Excel.WorksheetChangedEventArgs): Seen => ({ address: e.address, worksheetId: e.worksheetId, source: e.source, changeType: e.changeType, type: e.type });

/** One macrotask: the host delivers change events a macrotask after the sync that caused them. */
function tick(): Promise<void> {
  return new Promise((r) => setTimeout(r, 0));
}


describe('in-memory Excel host: onChanged events', () => {
  test('worksheet.onChanged: registered at sync, fired after a sync that wrote cells, asynchronously', async () => {
    const host = inMemoryExcel({ excel: '2019' });
    const data = host.addSheet('Data');
    host.addSheet('Other');
    const seen: Seen[] = [];
    let registration!: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>;
    await host.run(async (ctx) => {
      registration = ctx.workbook.worksheets.getItem('Data').onChanged.add(async (e) => {
        seen.push(seenOf(e));
      });
      expect(host.registrations).toHaveLength(0);
      await ctx.sync();
      expect(host.registrations).toHaveLength(1);
    });
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('B2:C2').values = [[1, 2]];
      ctx.workbook.worksheets.getItem('Other').getRange('A1').values = [[3]];
      await ctx.sync();
      expect(seen).toEqual([]); // not during the batch
    });
    expect(seen).toEqual([]);
    await tick();
    expect(seen).toEqual([{ address: 'B2:C2', worksheetId: data.id, source: 'Local', changeType: 'RangeEdited', type: 'WorksheetChanged' }]);

    // A user typing in the grid raises one too; a format-only write does not.
    host.type('Data', 'D4', 7);
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('A1').numberFormat = [['@']];
      await ctx.sync();
    });
    await tick();
    expect(seen.map((e) => e.address)).toEqual(['B2:C2', 'D4']);

    // remove() is queued on the registration's context and takes effect at its sync.
    registration.remove();
    expect(host.registrations).toHaveLength(1);
    await registration.context.sync();
    expect(host.registrations).toHaveLength(0);
    host.type('Data', 'D5', 8);
    await tick();
    expect(seen).toHaveLength(2);
  });

  test('no event for a write made while runtime.enableEvents is false; events again after it is back on', async () => {
    const host = inMemoryExcel({ excel: '2021' });
    host.addSheet('Data');
    const seen: string[] = [];
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').onChanged.add(async (e) => {
        seen.push(e.address);
      });
      await ctx.sync();
    });
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Data');
      ctx.runtime.enableEvents = false;
      ws.getRange('A1').values = [[1]];
      ctx.runtime.enableEvents = true;
      ws.getRange('A2').values = [[2]];
      await ctx.sync();
    });
    await tick();
    expect(seen).toEqual(['A2']);
    expect(host.valueAt('Data', 'A1')).toBe(1);
    expect(host.enableEvents).toBe(true);
  });

  test('worksheets.onChanged needs ExcelApi 1.9 and hears every sheet; worksheet.onChanged needs 1.7', async () => {
    const host = inMemoryExcel({ excel: '1.9' });
    const a = host.addSheet('A');
    const b = host.addSheet('B');
    const seen: string[] = [];
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.onChanged.add(async (e) => {
        seen.push(`${e.worksheetId}!${e.address}`);
      });
      await ctx.sync();
    });
    host.type('A', 'A1', 1);
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('B').getRange('C3').formulas = [['=1+1']];
      await ctx.sync();
    });
    await tick();
    expect(seen).toEqual([`${a.id}!A1`, `${b.id}!C3`]);

    const old = inMemoryExcel({ excel: '2019' });
    old.addSheet('A');
    const onBook = code(
      old.run(async (ctx) => {
        ctx.workbook.worksheets.onChanged.add(async () => undefined);
        await ctx.sync();
      }),
    );
    expect(await onBook).toBe('ApiNotFound');
    const older = inMemoryExcel({ excel: '2016' });
    older.addSheet('A');
    const onSheet = code(
      older.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('A').onChanged.add(async () => undefined);
        await ctx.sync();
      }),
    );
    expect(await onSheet).toBe('ApiNotFound');
    expect(old.registrations).toHaveLength(0);
  });

  test('a handler that throws does not stop the others', async () => {
    const host = inMemoryExcel();
    host.addSheet('Data');
    const seen: string[] = [];
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Data');
      ws.onChanged.add(async () => {
        throw new Error('handler failed');
      });
      ws.onChanged.add(async (e) => {
        seen.push(e.changeType);
      });
      await ctx.sync();
    });
    host.type('Data', 'A1', 1);
    await tick();
    expect(seen).toEqual(['RangeEdited']);
  });
});
