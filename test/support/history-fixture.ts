/**
 * A unit's report for the comparison with earlier periods (`check --history` on the command line
 * and in the web page): every table of the standard set, each flow figure `base × factor`
 * (Biểu 04, a stock, as it is); Quốc hội (Biểu 01) set when `assembly` is given.
 */
import { TEMPLATES } from '../../src/core/forms/builtin';
import { layout } from '../../src/core/forms/layout';
import { writeWorkbook } from '../../src/xlsx/writer';
import { unitFigures } from './units-fixture';

export async function scaledReport(unit: string, from: string, to: string, factor: number, assembly?: number): Promise<Uint8Array> {
  const figures = unitFigures(5);
  const plans = TEMPLATES.map((t) => {
    const values = figures[t.id].map((row) => row.map((v) => (t.id === 'b04' ? v : v * factor)));
    if (t.id === 'b01' && assembly !== undefined) values[0][3] = assembly;
    return layout(t, { unit, reportNo: '12/BC-SNV', reportDate: '2025-08-05', reportBy: 'Sở Nội vụ', from, to, values });
  });
  return writeWorkbook(plans);
}
