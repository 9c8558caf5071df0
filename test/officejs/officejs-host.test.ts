/**
 * Where Microsoft's Excel client library meets the in-memory Excel: the library (both builds) makes
 * the proxies, loads and request messages; the host executes them. Each case names who answers.
 */
import { createOfficeJsHost, EXCEL_CLIENTS, officeJsVersion, type OfficeJsHost } from '../../src/devhost/officejs-node';
import { hyperFormulaEvaluator } from '../../src/devhost/hyperformula';
import { apiSetsFromLibrary } from '../../src/devhost/protocol';

interface RichApiError {
  code: string;
  message: string;
}

async function failure(p: Promise<unknown>): Promise<RichApiError> {
  try {
    await p;
  } catch (e) {
    const err = e as RichApiError;
    return { code: err.code, message: err.message };
  }
  throw new Error('expected the call to fail');
}

describe.each(EXCEL_CLIENTS)('Excel client library (%s build) with the in-memory Excel', (client) => {
  let x: OfficeJsHost;
  beforeEach(() => {
    x = createOfficeJsHost({ client, sheets: ['Sheet1'], evaluator: hyperFormulaEvaluator() });
  });

  it('gives the real Excel, Office and OfficeExtension namespaces', () => {
    expect(typeof x.Excel.run).toBe('function');
    expect(typeof x.Excel.Range).toBe('function');
    expect(typeof x.OfficeExtension.ClientRequestContext).toBe('function');
    expect(x.Office.context.requirements.isSetSupported('ExcelApi', '1.14')).toBe(true);
  });

  it('Office.onReady answers at once that this is Excel', async () => {
    const info = await x.Office.onReady();
    expect(info.host).toBe('Excel');
    expect(info.platform).toBe(client === 'web' ? 'OfficeOnline' : 'PC');
  });

  it('a read without load: the library throws PropertyNotLoaded, nothing is sent', async () => {
    const e = await failure(
      x.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
        await ctx.sync();
        return r.values;
      }),
    );
    expect(e.code).toBe('PropertyNotLoaded');
    // The getItem/getRange of that batch reach Excel only as instantiations; no query was sent.
    expect(x.protocol.stats.syncs).toBe(1);
  });

  it('a proxy from a finished Excel.run: the library throws InvalidObjectPath', async () => {
    let kept: Excel.Range | undefined;
    await x.run(async (ctx) => {
      kept = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      kept.load('values');
      await ctx.sync();
    });
    expect(kept!.values).toEqual([['']]);
    const syncs = x.protocol.stats.syncs;
    const e = await failure(
      (async () => {
        kept!.load('values');
        await kept!.context.sync();
      })(),
    );
    expect(e.code).toBe('InvalidObjectPath');
    expect(x.protocol.stats.syncs).toBe(syncs);
    // The library released the range's reference in its own cleanup request after the run.
    expect(x.protocol.stats.cleanupRequests).toBe(1);
    expect(x.protocol.references.size).toBe(0);
  });

  it('a misspelt call has no method in the library', async () => {
    const e = await failure(
      x.run(async (ctx) => {
        (ctx.workbook.worksheets.getItem('Sheet1') as unknown as { getRang(a: string): unknown }).getRang('A1');
        await ctx.sync();
      }),
    );
    expect(e.message).toMatch(/getRang is not a function/);
  });

  it('a missing sheet: Excel answers ItemNotFound; the OrNullObject form gives a null object', async () => {
    const e = await failure(
      x.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Biểu 09').load('name');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('ItemNotFound');
    const isNull = await x.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject('Biểu 09');
      ws.load('name');
      await ctx.sync();
      return ws.isNullObject;
    });
    expect(isNull).toBe(true);
  });

  it('a sheet name taken (any case) or over 31 characters: ItemAlreadyExists, InvalidArgument', async () => {
    const taken = await failure(
      x.run(async (ctx) => {
        ctx.workbook.worksheets.add('SHEET1');
        await ctx.sync();
      }),
    );
    expect(taken.code).toBe('ItemAlreadyExists');
    const long = await failure(
      x.run(async (ctx) => {
        ctx.workbook.worksheets.add('Báo cáo thống kê tổng hợp cả năm 2025');
        await ctx.sync();
      }),
    );
    expect(long.code).toBe('InvalidArgument');
    expect(x.host.book.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  it('a sheet added in one sync is the same sheet in the next (Excel answers its id)', async () => {
    const name = await x.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add('Biểu 01');
      await ctx.sync();
      ws.getRange('A1').values = [['x']];
      ws.load('name');
      await ctx.sync();
      return ws.name;
    });
    expect(name).toBe('Biểu 01');
    expect(x.host.valueAt('Biểu 01', 'A1')).toBe('x');
  });

  it('a formula value read back after a change', async () => {
    const values = await x.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1:A3').values = [[1], [2], ['=SUM(A1:A2)']];
      const total = ws.getRange('A3');
      total.load('values');
      await ctx.sync();
      const before = total.values[0][0];
      ws.getRange('A1').values = [[40]];
      total.load('values');
      await ctx.sync();
      return [before, total.values[0][0]];
    });
    expect(values).toEqual([3, 42]);
  });

  it('a write to a protected sheet: AccessDenied, except on unlocked cells', async () => {
    await x.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('B2').format.protection.locked = false;
      ws.protection.protect();
      await ctx.sync();
    });
    const e = await failure(
      x.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('AccessDenied');
    await x.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('B2').values = [[7]];
      await ctx.sync();
    });
    expect(x.host.valueAt('Sheet1', 'B2')).toBe(7);
    expect(x.host.valueAt('Sheet1', 'A1')).toBeNull();
  });

  it('a failing action stops the batch there; what ran before stays done', async () => {
    const e = await failure(
      x.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Sheet1');
        ws.getRange('A1').values = [[1]];
        ws.getRange('A2:B2').values = [[1]];
        ws.getRange('A3').values = [[3]];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidArgument');
    expect(x.host.valueAt('Sheet1', 'A1')).toBe(1);
    expect(x.host.valueAt('Sheet1', 'A3')).toBeNull();
  });

  it('counts the exact bytes of each request message (UTF-8 of the JSON the library sends)', async () => {
    const sentText: string[] = [];
    const execute = x.protocol.execute.bind(x.protocol);
    x.protocol.execute = (body) => {
      sentText.push(JSON.stringify(body));
      return execute(body);
    };
    await x.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['Hà Nội']];
      await ctx.sync();
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['Hà Nội, Việt Nam']];
      await ctx.sync();
    });
    // Two syncs, then the library's own request releasing the ranges' references.
    expect(sentText).toHaveLength(3);
    expect(x.protocol.stats.cleanupRequests).toBe(1);
    expect(x.protocol.stats.requestBytes).toEqual(sentText.slice(0, 2).map((t) => Buffer.byteLength(t, 'utf8')));
    expect(sentText[1]).toContain('"Hà Nội, Việt Nam"');
  });

  it('change events reach onChanged handlers through the library, unless events are off', async () => {
    const seen: Excel.WorksheetChangedEventArgs[] = [];
    await x.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.onChanged.add(async (ev) => {
        seen.push(ev);
      });
      await ctx.sync();
    });
    const id = x.host.sheet('Sheet1').id;
    x.host.type('Sheet1', 'C3', 5);
    await new Promise<void>((resolve) => {
      const wait = (): void => void (seen.length > 0 ? resolve() : setImmediate(wait));
      wait();
    });
    expect(seen.map((e) => [e.address, e.changeType, e.worksheetId, e.source])).toEqual([['C3', 'RangeEdited', id, 'Local']]);
    await x.run(async (ctx) => {
      ctx.runtime.enableEvents = false;
      ctx.workbook.worksheets.getItem('Sheet1').getRange('D4').values = [[1]];
      await ctx.sync();
    });
    expect(x.host.stats.changeEvents).toBe(0);
  });
});

describe('requirement sets', () => {
  it('the library marks each API with its ExcelApi version; the host reads the marks', () => {
    const fs = jest.requireActual<typeof import('fs')>('fs');
    const source = fs.readFileSync(require.resolve('@microsoft/office-js/dist/excel-win32-16.01.debug.js'), 'utf8');
    const sets = apiSetsFromLibrary(source);
    expect(sets.get('Range.dataValidation')).toBe('1.8');
    expect(sets.get('Runtime.enableEvents')).toBe('1.8');
    expect(sets.get('WorksheetCollection.getFirst')).toBe('1.5');
    expect(sets.get('Worksheet.onChanged')).toBe('1.7');
    expect(sets.size).toBeGreaterThan(500);
  });

  it.each(EXCEL_CLIENTS)('an API above Excel 2019 (ExcelApi 1.7): ApiNotFound (%s)', async (client) => {
    const x = createOfficeJsHost({ client, excel: '2019', sheets: ['Sheet1'] });
    expect(x.Office.context.requirements.isSetSupported('ExcelApi', '1.7')).toBe(true);
    expect(x.Office.context.requirements.isSetSupported('ExcelApi', '1.8')).toBe(false);
    const dv = await failure(
      x.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').dataValidation.load('type');
        await ctx.sync();
      }),
    );
    expect(dv).toEqual({ code: 'ApiNotFound', message: expect.stringContaining('Range.dataValidation needs ExcelApi 1.8') });
    const events = await failure(
      x.run(async (ctx) => {
        ctx.runtime.enableEvents = false;
        await ctx.sync();
      }),
    );
    expect(events.code).toBe('ApiNotFound');
    // The same calls pass on Excel 2021.
    const y = createOfficeJsHost({ client, excel: '2021', sheets: ['Sheet1'] });
    const type = await y.run(async (ctx) => {
      const d = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').dataValidation;
      d.load('type');
      ctx.runtime.enableEvents = false;
      await ctx.sync();
      return d.type;
    });
    expect(type).toBe('None');
  });
});

describe('the requirement check comes before "not implemented"', () => {
  // ExcelApi 1.11–1.13 members the in-memory Excel does not implement: on Excel 2019 (ExcelApi 1.7)
  // Excel answers ApiNotFound, whatever the in-memory Excel serves; only where the version has them
  // does the in-memory Excel's own answer show (a method: not implemented; a property it does not
  // serve: InvalidArgument, the property does not exist).
  const calls: [string, string, [string, string], (ctx: Excel.RequestContext) => void][] = [
    ['a method returning a range', 'Range.getRangeEdge needs ExcelApi 1.13', ['GeneralException', 'not implemented by the in-memory Excel'], (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').getRangeEdge('Down').load('address');
    }],
    ['a method run for its effect', 'Range.moveTo needs ExcelApi 1.11', ['GeneralException', 'not implemented by the in-memory Excel'], (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').moveTo('B1');
    }],
    ['a property loaded', 'Range.hasSpill needs ExcelApi 1.12', ['InvalidArgument', "The property 'hasSpill' does not exist on Range"], (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').load('hasSpill');
    }],
  ];

  it.each(EXCEL_CLIENTS.flatMap((client) => calls.map(([what, message, unserved, call]) => [client, what, message, unserved, call] as const)))(
    '%s build, %s: ApiNotFound on Excel 2019, the in-memory Excel\'s own answer on Microsoft 365',
    async (client, _what, message, [code, text], call) => {
      const old = createOfficeJsHost({ client, excel: '2019', sheets: ['Sheet1'] });
      const refused = await failure(old.run(async (ctx) => {
        call(ctx);
        await ctx.sync();
      }));
      expect(refused).toEqual({ code: 'ApiNotFound', message: expect.stringContaining(message) });
      const now = createOfficeJsHost({ client, excel: '365', sheets: ['Sheet1'] });
      const missing = await failure(now.run(async (ctx) => {
        call(ctx);
        await ctx.sync();
      }));
      expect(missing).toEqual({ code, message: expect.stringContaining(text) });
    },
  );
});

describe('request size', () => {
  const big = (): string[][] => Array.from({ length: 600 }, () => Array.from({ length: 10 }, () => 'x'.repeat(1000)));

  it('Excel on the web refuses a request over 5 MB; the desktop build sends it', async () => {
    const web = createOfficeJsHost({ client: 'web', sheets: ['Sheet1'] });
    const e = await failure(
      web.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:J600').values = big();
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(web.protocol.stats.requestBytes[0]).toBeGreaterThan(5 * 1024 * 1024);
    expect(web.host.valueAt('Sheet1', 'A1')).toBeNull();
    const desktop = createOfficeJsHost({ client: 'win32', sheets: ['Sheet1'] });
    await desktop.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:J600').values = big();
      await ctx.sync();
    });
    expect(desktop.host.valueAt('Sheet1', 'J600')).toBe('x'.repeat(1000));
  });
});

it('knows the version of the client library in use', () => {
  expect(officeJsVersion()).toMatch(/^\d+\.\d+\.\d+$/);
});
