/**
 * The readers the campaign fuzzes, one entry each (see `target.ts`): `npm run fuzz` runs them in
 * this order, `--reader NAME` one of them. A new reader joins with one entry here and its corpus
 * folder `test/fuzz/corpus/NAME/`.
 */
import type { FuzzTarget } from './target';
import { zipTarget } from './targets/zip';
import { excelJSTarget, fastTarget } from './targets/spreadsheetml';
import { unitsTarget } from './targets/units';
import { packTarget } from './targets/pack';
import { datesTarget, numbersTarget } from './targets/text-values';
import { docxTarget } from './targets/docx';
import { registerTarget } from './targets/register';

export const TARGETS: readonly FuzzTarget[] = [zipTarget, fastTarget, excelJSTarget, unitsTarget, packTarget, datesTarget, numbersTarget, docxTarget, registerTarget];

export function targetNamed(name: string): FuzzTarget | undefined {
  return TARGETS.find((t) => t.name === name);
}
