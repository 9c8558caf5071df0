/**
 * The built-in pack `vn.standard` (the four standard tables, `vn.standard.json`), loaded through the
 * same check as any pack an office adds. The types and the helpers on
 * templates are in `template.ts`.
 *
 * `TEMPLATES`, `CROSS_TABLE_RULES` and `findTemplate` are views of the built-in catalog only; code
 * that must also see the packs an office loaded takes a `PackCatalog` (see `core/forms/catalog`).
 */
import type { CrossTableEquality, Template } from './template';
import { validatePack, type Pack } from './pack';
import { PackCatalog } from './catalog';
import standardPack from '../../templates/vn.standard.json';


function loadBuiltin(): Pack {
  const checked = validatePack(standardPack);
  if (!checked.ok) {
    const first = checked.faults[0];
    throw new Error(`built-in pack vn.standard is invalid: ${first.path}: ${first.message.en}`);
  }
  return checked.pack;
}

/** The built-in pack, as validated. */
export const STANDARD_PACK: Pack = loadBuiltin();

/** The catalog holding the built-in pack only. */
export const BUILTIN_CATALOG: PackCatalog = new PackCatalog([STANDARD_PACK]);

/** The standard tables, in the order the report lists them (the built-in catalog's view). */
export const TEMPLATES: readonly Template[] = BUILTIN_CATALOG.list();

/** Rules between tables of one workbook (same unit and period): the built-in pack's. */
export const CROSS_TABLE_RULES: readonly CrossTableEquality[] = STANDARD_PACK.crossRules ?? [];

/**
 * The header of the seed report (Lâm Đồng, 52-BC/TU of 14/11/2025, period 01/7–15/10/2025): what
 * `bieumau new --sample` fills in beside the templates' `sample` figures.
 */
export const SEED_REPORT = {
  unit: 'TỈNH ỦY LÂM ĐỒNG',
  reportNo: '52-BC/TU',
  reportDate: '2025-11-14',
  reportBy: 'Ban Thường vụ Tỉnh ủy',
  from: '2025-07-01',
  to: '2025-10-15',
} as const;

/** A standard table by id: `01`, `1`, `b01` (the built-in catalog's view). */
export function findTemplate(id: string): Template | undefined {
  const found = BUILTIN_CATALOG.resolve(id);
  return 'template' in found ? found.template : undefined;
}
