/**
 * The in-memory Excel (src/devhost/protocol.ts) as Microsoft's client library sees it: what Excel
 * answers to the requests of the library, checked through the library's own `Excel.run`.
 */
import { code } from '../support/host-error-code';
import { hyperFormulaEvaluator } from '../../src/devhost/hyperformula';
import { inMemoryExcel } from '../support/in-memory-excel';


describe('in-memory Excel host', () => {
  test('reading a property that was not loaded and synced throws PropertyNotLoaded', async () => {
    const host = inMemoryExcel();
    host.addSheet('Data');
    host.type('Data', 'A1', 5);
    const err = await code(
      host.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem('Data').getRange('A1');
        r.load('values');
        return r.values; // before sync
      }),
    );
    expect(err).toBe('PropertyNotLoaded');
    const notAsked = await code(
      host.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem('Data').getRange('A1');
        r.load('values');
        await ctx.sync();
        return r.formulas; // loaded values, not formulas
      }),
    );
    expect(notAsked).toBe('PropertyNotLoaded');
    const ok = await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange('A1');
      r.load('values');
      await ctx.sync();
      return r.values;
    });
    expect(ok).toEqual([[5]]);
  });

  test('writes are queued until sync, and a load sees the writes queued before it', async () => {
    const host = inMemoryExcel();
    host.addSheet('Data');
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange('A1:B1');
      r.values = [[1, 2]];
      expect(host.valueAt('Data', 'A1')).toBeNull();
      r.load('values');
      r.values = [[3, 4]];
      await ctx.sync();
      expect(r.values).toEqual([[1, 2]]);
      expect(host.valueAt('Data', 'B1')).toBe(4);
    });
    expect(host.stats.syncs).toBe(1);
    expect(host.stats.requestBytes[0]).toBeGreaterThan(20);
  });

  test('invalid addresses, array shapes and sheet names throw InvalidArgument', async () => {
    const host = inMemoryExcel();
    host.addSheet('Data');
    const bad = (f: (ctx: Excel.RequestContext) => void): Promise<string> =>
      code(
        host.run(async (ctx) => {
          f(ctx);
          await ctx.sync();
        }),
      );
    expect(await bad((ctx) => ctx.workbook.worksheets.getItem('Data').getRange('B0').load('values'))).toBe('InvalidArgument');
    expect(await bad((ctx) => ctx.workbook.worksheets.getItem('Data').getRange('A1:').load('values'))).toBe('InvalidArgument');
    expect(await bad((ctx) => ctx.workbook.worksheets.getItem('Data').getRange('XFE1').load('values'))).toBe('InvalidArgument');
    expect(await bad((ctx) => (ctx.workbook.worksheets.getItem('Data').getRange('A1:B2').values = [[1, 2]]))).toBe('InvalidArgument');
    for (const name of ['a'.repeat(32), 'x[1]', 'a:b', 'a*', 'a?', 'a/b', 'a\\b', "'quoted", '']) {
      expect(await bad((ctx) => ctx.workbook.worksheets.add(name))).toBe('InvalidArgument');
    }
    expect(await bad((ctx) => ctx.workbook.worksheets.add('DATA'))).toBe('ItemAlreadyExists');
    expect(await bad((ctx) => ctx.workbook.worksheets.getItem('Nope').load('name'))).toBe('ItemNotFound');
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.add('a'.repeat(31));
      await ctx.sync();
    });
    expect(host.book.sheets.map((s) => s.name)).toEqual(['Data', 'a'.repeat(31)]);
  });

  test('isSetSupported and ApiNotFound follow the chosen Excel version', async () => {
    const old = inMemoryExcel({ excel: '2019' });
    expect(old.isSetSupported('ExcelApi', '1.7')).toBe(true);
    expect(old.isSetSupported('ExcelApi', '1.8')).toBe(false);
    const h2021 = inMemoryExcel({ excel: '2021' });
    expect(h2021.isSetSupported('ExcelApi', '1.14')).toBe(true);
    expect(h2021.isSetSupported('ExcelApi', '1.15')).toBe(false);
    old.addSheet('Data');
    const err = await code(
      old.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').getRange('A1').dataValidation.rule = { wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } };
        await ctx.sync();
      }),
    );
    expect(err).toBe('ApiNotFound');
    const culture = await code(
      old.run(async (ctx) => {
        ctx.application.cultureInfo.numberFormat.load('numberDecimalSeparator');
        await ctx.sync();
      }),
    );
    expect(culture).toBe('ApiNotFound');
  });

  test('APIs of ExcelApi 1.4–1.7 are refused by an older host, as Excel does (getRangeByIndexes, NamedItem.formula 1.7)', async () => {
    const setup = (excel: string): ReturnType<typeof inMemoryExcel> => {
      const h = inMemoryExcel({ excel });
      h.addSheet('Data');
      h.sheet('Data').names.push({ name: 'BM_META', ref: { top: 1, left: 1, bottom: 1, right: 1 }, comment: '' });
      return h;
    };
    const byIndexes = (h: ReturnType<typeof inMemoryExcel>): Promise<string> =>
      code(
        h.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('Data').getRangeByIndexes(0, 0, 1, 1).load('address');
          await ctx.sync();
        }),
      );
    const nameFormula = (h: ReturnType<typeof inMemoryExcel>): Promise<string> =>
      code(
        h.run(async (ctx) => {
          const n = ctx.workbook.worksheets.getItem('Data').names.getItem('BM_META');
          n.load('formula');
          await ctx.sync();
        }),
      );
    const withPassword = (h: ReturnType<typeof inMemoryExcel>): Promise<string> =>
      code(
        h.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('Data').protection.protect({}, 'pw');
          await ctx.sync();
        }),
      );
    const h16 = setup('1.6');
    expect(await byIndexes(h16)).toBe('ApiNotFound');
    expect(await nameFormula(h16)).toBe('ApiNotFound');
    expect(await withPassword(h16)).toBe('ApiNotFound');
    const h17 = setup('2019');
    expect(await byIndexes(h17)).toBe('no error');
    expect(await nameFormula(h17)).toBe('no error');
    expect(await withPassword(h17)).toBe('no error');
  });

  test('sheet-scoped names move with rows inserted above, and formulas follow', async () => {
    const host = inMemoryExcel({ evaluator: hyperFormulaEvaluator() });
    host.addSheet('Data');
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Data');
      ws.getRange('B8:C8').values = [[2, 3]];
      ws.getRange('D8').formulas = [['=SUM(B8:C8)']];
      ws.names.add('TOTAL', ws.getRange('D8'));
      await ctx.sync();
      ws.getRange('3:4').insert('Down');
      const n = ws.names.getItem('TOTAL');
      n.load('formula');
      const r = n.getRange();
      r.load('address,values,formulas');
      await ctx.sync();
      expect(n.formula).toBe('=Data!$D$10');
      expect(r.address).toBe('Data!D10');
      expect(r.formulas).toEqual([['=SUM(B10:C10)']]);
      expect(r.values).toEqual([[5]]);
    });
    host.renameSheet('Data', 'Biểu của tôi');
    await host.run(async (ctx) => {
      const n = ctx.workbook.worksheets.getItem('Biểu của tôi').names.getItem('TOTAL');
      n.load('formula');
      await ctx.sync();
      expect(n.formula).toBe("='Biểu của tôi'!$D$10");
    });
    host.deleteRows('Biểu của tôi', 10, 1);
    await host.run(async (ctx) => {
      const n = ctx.workbook.worksheets.getItem('Biểu của tôi').names.getItem('TOTAL');
      n.load('formula');
      await ctx.sync();
      expect(n.formula).toBe('=#REF!');
    });
  });

  test('protected sheets refuse writes to locked cells, accept unlocked ones', async () => {
    const host = inMemoryExcel();
    host.addSheet('Data');
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Data');
      ws.getRange('B2').format.protection.locked = false;
      ws.protection.protect();
      ws.getRange('B2').values = [[7]];
      await ctx.sync();
    });
    expect(host.valueAt('Data', 'B2')).toBe(7);
    const err = await code(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').getRange('A1').values = [[1]];
        await ctx.sync();
      }),
    );
    expect(err).toBe('AccessDenied');
    expect(host.valueAt('Data', 'A1')).toBeNull();
  });

  test('text that looks like a number becomes a number unless written with an apostrophe', async () => {
    const host = inMemoryExcel();
    host.addSheet('Data');
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('A1:C1').values = [['1.292', "'1.292", 'abc']];
      await ctx.sync();
    });
    expect(host.valueAt('Data', 'A1')).toBe(1.292);
    expect(host.valueAt('Data', 'B1')).toBe('1.292');
    expect(host.valueAt('Data', 'C1')).toBe('abc');
  });

  test('a request over the size limit is refused', async () => {
    const host = inMemoryExcel({ maxRequestBytes: 1000 });
    host.addSheet('Data');
    const big = Array.from({ length: 100 }, (_, i) => [`row ${i} with some text`]);
    const err = await code(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').getRange('A1:A100').values = big;
        await ctx.sync();
      }),
    );
    expect(err).toBe('RequestPayloadSizeLimitExceeded');
    expect(host.valueAt('Data', 'A1')).toBeNull();
  });

  test('getNextOrNullObject walks the sheets and ends with a null object', async () => {
    const host = inMemoryExcel();
    host.addSheet('A');
    host.addSheet('B');
    const names = await host.run(async (ctx) => {
      const a = ctx.workbook.worksheets.getFirst();
      const b = a.getNextOrNullObject();
      const c = b.getNextOrNullObject();
      const d = c.getNextOrNullObject();
      for (const w of [a, b, c, d]) w.load('name');
      await ctx.sync();
      return [a, b, c, d].map((w) => (w.isNullObject ? null : w.name));
    });
    expect(names).toEqual(['A', 'B', null, null]);
  });

  test('an item of a loaded collection without ids is used in a later sync (the library addresses it by index)', async () => {
    const host = inMemoryExcel();
    host.addSheet('Data');
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Data');
      ws.names.add('FIRST', ws.getRange('A1'));
      ws.names.add('SECOND', ws.getRange('B2'));
      await ctx.sync();
      const names = ws.names;
      names.load('items/name');
      await ctx.sync();
      const second = names.items[1];
      const range = second.getRange();
      range.load('address');
      names.items[0].delete();
      await ctx.sync();
      expect(range.address).toBe('Data!B2');
    });
    expect(host.sheet('Data').names.map((n) => n.name)).toEqual(['SECOND']);
  });
});
