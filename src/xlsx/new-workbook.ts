/**
 * The workbook `bieumau new` writes, as bytes: the command line saves it to a file, the web page
 * offers it as a download. One sheet per template, laid out with the report options; with `sample`
 * the seed report's figures are filled in.
 */
import type { LayoutOptions } from '../core/forms/plan';
import type { Template } from '../core/forms/template';
import { layout } from '../core/forms/layout';
import { writeWorkbook } from './writer';

export async function templateWorkbook(templates: readonly Template[], options: LayoutOptions, sample = false): Promise<Uint8Array> {
  return writeWorkbook(
    templates.map((t) => {
      if (!sample) return layout(t, options);
      // A pack's sample may hold several rows of a per-unit table: as many rows, unless the options say otherwise.
      const rows = t.rows.kind === 'repeat' && options.dataRows === undefined && t.sample.length > 1 ? { dataRows: t.sample.length } : {};
      return layout(t, { ...options, ...rows, values: t.sample });
    }),
  );
}
