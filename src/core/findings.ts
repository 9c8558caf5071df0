import type { Text } from './template';

export interface CellRef {
  sheet: string;
  /** Plain A1 (no `$`, no sheet prefix). */
  address: string;
}

/** A safe fix: it changes only `cell`, to a number or back to the template's formula. */
export type Fix =
  | { cell: CellRef; value: number; label: Text }
  | { cell: CellRef; formula: string; label: Text };

export type Severity = 'error' | 'warning';

export interface Finding {
  /** Stable rule id, e.g. `entry.fraction`, `cross.council`. */
  rule: string;
  severity: Severity;
  /** The first cell is where the finding belongs. */
  cells: CellRef[];
  message: Text;
  /** Arithmetic rules: left side, right side and left − right. */
  left?: number;
  right?: number;
  difference?: number;
  fix?: Fix;
}
