/**
 * HyperFormula as the host's formula engine (GPL-3.0 licence key: a dev dependency, never shipped).
 */
import { HyperFormula, DetailedCellError } from 'hyperformula';
import type { EvalResult, EvalSheet, FormulaEvaluator } from './evaluator';

type Raw = string | number | boolean | null;

export function hyperFormulaEvaluator(): FormulaEvaluator {
  return {
    evaluate(sheets: EvalSheet[]): EvalResult[] {
      const input: Record<string, Raw[][]> = {};
      for (const s of sheets) {
        let rows = 0;
        let cols = 0;
        for (const c of s.cells) {
          rows = Math.max(rows, c.row);
          cols = Math.max(cols, c.col);
        }
        const grid: Raw[][] = Array.from({ length: rows }, () => Array<Raw>(cols).fill(null));
        for (const c of s.cells) {
          // Text is marked with an apostrophe so that "1.292" stays text, as in Excel.
          grid[c.row - 1][c.col - 1] = c.formula ?? (typeof c.constant === 'string' ? `'${c.constant}` : c.constant);
        }
        input[s.name] = grid;
      }
      const hf = HyperFormula.buildFromSheets(input, { licenseKey: 'gpl-v3' });
      const out: EvalResult[] = [];
      sheets.forEach((s, i) => {
        const id = hf.getSheetId(s.name);
        if (id === undefined) return;
        for (const c of s.cells) {
          if (c.formula === null) continue;
          const v = hf.getCellValue({ sheet: id, row: c.row - 1, col: c.col - 1 });
          if (v instanceof DetailedCellError) out.push({ sheet: i, row: c.row, col: c.col, value: { error: v.value } });
          else out.push({ sheet: i, row: c.row, col: c.col, value: v === null ? 0 : v });
        }
      });
      hf.destroy();
      return out;
    },
  };
}
