/**
 * How the host computes formula results. Injected so that the host stays free of any engine:
 * tests pass HyperFormula (`hyperformula.ts`), the preview page may pass a small one of its own.
 */
import type { Computed } from './state';

export interface EvalCell {
  row: number;
  col: number;
  /** A formula (leading `=`), or a constant. Text constants are given as they are (never parsed). */
  formula: string | null;
  constant: string | number | boolean | null;
}

export interface EvalSheet {
  name: string;
  cells: EvalCell[];
}

export interface EvalResult {
  /** Index into the sheets given. */
  sheet: number;
  row: number;
  col: number;
  value: Computed;
}

export interface FormulaEvaluator {
  /** Results of every formula cell. */
  evaluate(sheets: EvalSheet[]): EvalResult[];
}
