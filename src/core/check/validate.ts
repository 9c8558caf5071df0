/**
 * The validation engine: the values read from a workbook (any reader: `.xlsx` or Office.js)
 * become findings. Pure and deterministic; it never throws on any cell content.
 *
 * Order of the findings (core/check/findings `groupFindings`, the one order of every surface): every
 * error before any warning; within each, workbook-level findings (no table at all) first, then per
 * table in the order read (sheet order), then by the first cell (row, then column), then in the
 * order the rules run.
 *
 * Rule ids are stable; src/core/check/rules.ts registers each with its severity (docs/rules.md is generated from it).
 */
import type { CrossTableEquality, Template, Text } from '../forms/template';
import { BUILTIN_CATALOG } from '../forms/builtin';
import { columnsOf } from '../forms/template';
import { PackCatalog } from '../forms/catalog';
import { STANDARD_PACK_ID } from '../forms/pack';
import type { CellRead, TableRead, WorkbookRead } from '../tables/table-read';
import type { Finding } from './findings';
import { rowKinds } from '../tables/rows';
import { toIsoDate } from '../dates';
import { VI_SEPARATORS, type Separators } from '../numbers';
import { severityOf } from './rules';
import { checkRowRules, checkCrossTables } from './validate-arithmetic';
import { checkEntry, checkComputed } from './validate-cells';
import { checkInfo, mergeMissingInfo, checkPeriods } from './validate-info';
import { BLANK, type Ctx, type TableState, type Located, ref, posOf } from './validate-shared';
import { structureProblem, firstCellOf } from './validate-structure';

export interface ValidateOptions {
  /** The day a report date is compared with (default: now). Its local calendar day is used. */
  today?: Date;
  /** The user's separators (Excel's culture), to word number messages. */
  separators?: Separators;
  /**
   * The loaded packs: templates are found by pack, id and version, and each pack's cross-table
   * rules apply to its own tables (default: the built-in pack `vn.standard`).
   */
  catalog?: PackCatalog;
  /** Instead of a catalog: templates recognised (as tables of `vn.standard` unless they name their pack). */
  templates?: readonly Template[];
  /** With `templates`: the rules between tables. */
  crossTableRules?: readonly CrossTableEquality[];
}

// ---------------------------------------------------------------------------------------------
// Structure
// ---------------------------------------------------------------------------------------------
// Entry cells
// ---------------------------------------------------------------------------------------------
// Arithmetic
// ---------------------------------------------------------------------------------------------
// Report information and period
// ---------------------------------------------------------------------------------------------

function todayIso(d: Date | undefined): string {
  const x = d && Number.isFinite(d.getTime()) ? d : new Date();
  return toIsoDate({ year: x.getFullYear(), month: x.getMonth() + 1, day: x.getDate() });
}

/**
 * `table.empty`: every entry cell of the table's unit rows is blank. One error at the first entry
 * cell stands for the whole table: its per-cell `entry.blank` warnings and `entry.required` errors
 * are left out (a table nobody filled is one problem, not one per cell). A table with at least one
 * entry that is not blank (a figure, or text, or an error value) keeps its per-cell findings.
 */
function emptyTable(s: TableState): Finding | null {
  const { read: r, template: t } = s;
  let first: CellRead | undefined;
  for (let i = 0; i < r.rowLabels.length; i++) {
    if (s.kinds[i] !== 'unit') continue;
    for (const c of columnsOf(t)) {
      if (c.kind !== 'entry') continue;
      if ((s.entries.get(c.id) as Float64Array)[i] !== BLANK) return null;
      first ??= r.columns[c.id]?.[i];
    }
  }
  if (!first) return null;
  return {
    rule: 'table.empty',
    severity: severityOf('table.empty'),
    cells: [ref(first)],
    message: {
      vi: `${r.sheet} chưa nhập số liệu: mọi ô nhập đều trống (nhập 0 nếu không có).`,
      en: `${r.sheet} has no figures entered: every entry cell is blank (enter 0 where there is none).`,
    },
  };
}

function validateTable(s: TableState, ctx: Ctx, out: Finding[]): void {
  const { read: r, template: t } = s;
  const n = r.rowLabels.length;
  const entryFindings: Finding[] = [];
  for (const c of columnsOf(t)) {
    if (c.kind !== 'entry') continue;
    const cells = r.columns[c.id];
    const classified = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const cell = cells[i];
      classified[i] = s.kinds[i] === 'unit' ? checkEntry(cell, c.required === true, s, c.id, i, ctx, entryFindings) : BLANK;
    }
    s.entries.set(c.id, classified);
  }
  const empty = emptyTable(s);
  if (empty) out.push(empty);
  else for (const f of entryFindings) out.push(f);
  checkComputed(s, out);
  checkRowRules(s, ctx, out);
  checkInfo(s, ctx, out);
}

/** What is missing for a table whose pack, template or version is not loaded, and what to do. */
function unknownTemplateMessage(r: TableRead, packId: string, catalog: PackCatalog): Text {
  const missing = catalog.missing(packId, r.templateId, r.version);
  const id = packId === STANDARD_PACK_ID ? `${r.templateId}@${r.version}` : `${packId}/${r.templateId}@${r.version}`;
  if (missing === 'pack') {
    return {
      vi: `${r.sheet}: biểu "${id}" thuộc gói biểu mẫu "${packId}" chưa được nạp; hãy nạp gói đó (--pack hoặc packs/index.json) hoặc cập nhật bieumau.`,
      en: `${r.sheet}: table "${id}" belongs to the pack "${packId}", which is not loaded; load that pack (--pack or packs/index.json) or update bieumau.`,
    };
  }
  if (missing === 'template') {
    return {
      vi: `${r.sheet}: gói "${packId}" đã nạp không có biểu "${r.templateId}" (biểu "${id}"); hãy nạp phiên bản gói có biểu này hoặc chèn lại biểu.`,
      en: `${r.sheet}: the loaded pack "${packId}" has no template "${r.templateId}" (table "${id}"); load the pack version that has it or re-insert the table.`,
    };
  }
  const have = catalog.versionsOf(packId, r.templateId).join(', ');
  return {
    vi: `${r.sheet}: biểu "${id}" được tạo theo phiên bản ${r.version}, nhưng chỉ nạp phiên bản ${have} của biểu "${r.templateId}" (gói "${packId}"); hãy nạp thêm phiên bản ${r.version} của gói, cập nhật bieumau hoặc chèn lại biểu.`,
    en: `${r.sheet}: table "${id}" was made with version ${r.version}, but only version ${have} of template "${r.templateId}" (pack "${packId}") is loaded; also load version ${r.version} of the pack, update bieumau or re-insert the table.`,
  };
}

export function validateWorkbook(read: WorkbookRead, opts: ValidateOptions = {}): Finding[] {
  const ctx: Ctx = {
    sep: opts.separators ?? VI_SEPARATORS,
    user: opts.separators,
    catalog: opts.catalog ?? (opts.templates || opts.crossTableRules ? PackCatalog.fromTemplates(opts.templates ?? BUILTIN_CATALOG.templates(), opts.crossTableRules ?? []) : BUILTIN_CATALOG),
    today: todayIso(opts.today),
  };
  const tables = Array.isArray(read?.tables) ? read.tables : [];
  const located: Located[] = [];
  let seq = 0;
  const push = (table: number, finding: Finding): void => {
    const first = finding.cells[0];
    const p = first ? posOf(first.address) : { row: 0, col: 0 };
    located.push({ finding, table, seq: seq++, row: p.row, col: p.col });
  };

  if (tables.length === 0) {
    push(-1, {
      rule: 'workbook.no-tables',
      severity: severityOf('workbook.no-tables'),
      cells: [],
      message: {
        vi: 'Không tìm thấy biểu mẫu nào trong tệp (biểu phải được chèn bằng add-in hoặc `bieumau new`).',
        en: 'No standard table was found in the file (tables must be inserted with the add-in or `bieumau new`).',
      },
    });
  }

  const states: (TableState | null)[] = tables.map((r, i) => {
    const packId = r.packId ?? STANDARD_PACK_ID;
    const template = ctx.catalog.find(packId, r.templateId, r.version);
    if (!template && !r.broken) {
      push(i, { rule: 'structure.unknown-template', severity: severityOf('structure.unknown-template'), cells: firstCellOf(r), message: unknownTemplateMessage(r, packId, ctx.catalog) });
      return null;
    }
    let problem: Text | null;
    try {
      problem = structureProblem(r, template as Template);
    } catch {
      problem = { vi: 'Không đọc được biểu.', en: 'The table cannot be read.' };
    }
    if (problem) {
      push(i, {
        rule: 'structure.changed',
        severity: severityOf('structure.changed'),
        cells: firstCellOf(r),
        message: {
          vi: `${r.sheet}: cấu trúc của biểu đã bị thay đổi (${problem.vi.replace(/\.$/, '')}). Hãy chèn lại biểu bằng add-in hoặc \`bieumau new\` rồi nhập lại số liệu.`,
          en: `${r.sheet}: the structure of the table was changed (${problem.en.replace(/\.$/, '')}). Re-insert the table with the add-in or \`bieumau new\` and enter the figures again.`,
        },
      });
      return null;
    }
    return { read: r, template: template as Template, entries: new Map(), period: null, kinds: rowKinds(r) ?? [] };
  });

  states.forEach((s, i) => {
    if (!s) return;
    const out: Finding[] = [];
    validateTable(s, ctx, out);
    for (const f of out) push(i, f);
  });
  checkCrossTables(states, ctx.catalog.crossRules(), ctx, push);
  checkPeriods(states, push);

  mergeMissingInfo(located, states, () => seq++);

  located.sort((a, b) => {
    const sa = a.finding.severity === 'error' ? 0 : 1;
    const sb = b.finding.severity === 'error' ? 0 : 1;
    if (sa !== sb) return sa - sb;
    if (a.table !== b.table) return a.table - b.table;
    if (a.row !== b.row) return a.row - b.row;
    if (a.col !== b.col) return a.col - b.col;
    return a.seq - b.seq;
  });
  return located.map((l) => l.finding);
}
