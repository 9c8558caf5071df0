/**
 * What a pack must be beyond the shape its JSON Schema gives (`core/forms/pack` `validatePack`, run only
 * on a pack of the right shape): unique ids, references to number columns, no sum loops, one "rest"
 * column per group, sample figures of the table's shape, sheet names Excel accepts, cross-table rules
 * between tables that exist.
 */
import type { Column, Template, Text } from './template';
import { SHEET_FORBIDDEN, at, Checker } from './pack-checker';
import type { Pack } from './pack';

// ---------------------------------------------------------------------------------------------
// Beyond the schema (run only on a pack of the right shape)

export function duplicates<T>(c: Checker, items: readonly T[], idOf: (x: T) => string, pathOf: (i: number) => string, what: Text): void {
  const first = new Map<string, number>();
  items.forEach((x, i) => {
    const id = idOf(x);
    const was = first.get(id);
    if (was === undefined) first.set(id, i);
    else c.fault('duplicate-id', pathOf(i), `${what.vi} "${id}" bị trùng (đã có ở ${pathOf(was)})`, `${what.en} "${id}" is used twice (first at ${pathOf(was)})`);
  });
}

/** The reasons Excel refuses a sheet name, or null when it takes it. */
export function sheetNameProblem(name: string): Text | null {
  if (name.trim() === '') return { vi: 'tên trang tính trống', en: 'the sheet name is empty' };
  if (Array.from(name).length > 31) return { vi: `tên trang tính "${name}" dài quá 31 ký tự`, en: `the sheet name "${name}" is longer than 31 characters` };
  const bad = SHEET_FORBIDDEN.exec(name);
  if (bad) return { vi: `tên trang tính "${name}" có ký tự Excel không nhận: ${bad[0]} (không dùng [ ] : * ? / \\)`, en: `the sheet name "${name}" holds a character Excel refuses: ${bad[0]} (none of [ ] : * ? / \\)` };
  if (name.startsWith("'") || name.endsWith("'")) return { vi: `tên trang tính "${name}" không được bắt đầu hay kết thúc bằng dấu '`, en: `the sheet name "${name}" cannot begin or end with '` };
  if (name.trim().toLowerCase() === 'history') return { vi: 'Excel dành riêng tên trang tính "History"', en: 'Excel reserves the sheet name "History"' };
  return null;
}

/** A template's columns with where each is in the pack (`templates[0].groups[1].columns[2]`). */
export type Placed = { col: Column; path: string }[];

/** Ids unique within their list: groups, columns, fixed rows, rules, averages. */
export function uniqueIds(c: Checker, t: Template, path: string, columns: Placed): void {
  duplicates(c, t.groups, (g) => g.id, (i) => at(at(at(path, 'groups'), i), 'id'), { vi: 'Mã nhóm cột', en: 'The group id' });
  duplicates(c, columns, (x) => x.col.id, (i) => at(columns[i].path, 'id'), { vi: 'Mã cột', en: 'The column id' });
  if (t.rows.kind === 'fixed') {
    const rows = t.rows.rows;
    duplicates(c, rows, (r) => r.id, (i) => at(at(at(at(path, 'rows'), 'rows'), i), 'id'), { vi: 'Mã dòng', en: 'The row id' });
  }
  duplicates(c, t.rules ?? [], (r) => r.id, (i) => at(at(at(path, 'rules'), i), 'id'), { vi: 'Mã quy tắc', en: 'The rule id' });
  duplicates(c, t.averages ?? [], (a) => a.id, (i) => at(at(at(path, 'averages'), i), 'id'), { vi: 'Mã số trung bình', en: 'The average id' });
}

/** A check of a reference to a number column (entry or sum): a ratio is a percentage and adds up to nothing. */
export function numberRef(c: Checker, t: Template, byId: Map<string, Column>): (id: string, p: string) => boolean {
  return (id, p) => {
    const col = byId.get(id);
    if (!col) {
      c.fault('unknown-column', p, `không có cột "${id}" trong biểu ${t.id}`, `there is no column "${id}" in template ${t.id}`);
      return false;
    }
    if (col.kind === 'ratio') {
      c.fault('not-number', p, `cột "${id}" là cột tỷ lệ, không dùng được ở đây (chỉ cột nhập số hoặc cột cộng)`, `column "${id}" is a ratio and cannot be used here (only entry or sum columns)`);
      return false;
    }
    return true;
  };
}

/** Sum loops: a → b → … → a through `of` (self-references are reported apart), each loop once. */
export function sumLoops(c: Checker, columns: Placed, byId: Map<string, Column>): void {
  const state = new Map<string, 'open' | 'done'>();
  const reported = new Set<string>();
  const visit = (id: string, trail: string[]): void => {
    const col = byId.get(id);
    if (!col || col.kind !== 'sum') return;
    const s = state.get(id);
    if (s === 'done') return;
    if (s === 'open') {
      const loop = [...trail.slice(trail.indexOf(id)), id];
      const key = [...loop].sort().join(' ');
      if (!reported.has(key)) {
        reported.add(key);
        const where = columns.find((x) => x.col.id === id) as { path: string };
        c.fault('sum-loop', at(where.path, 'of'), `các cột cộng tạo thành vòng lặp: ${loop.join(' → ')}`, `sum columns form a loop: ${loop.join(' → ')}`);
      }
      return;
    }
    state.set(id, 'open');
    for (const x of col.of) if (x !== id) visit(x, [...trail, id]);
    state.set(id, 'done');
  };
  for (const { col } of columns) visit(col.id, []);
}

/** The sample figures: a row per fixed row, a figure per entry column. */
export function sampleShape(c: Checker, t: Template, path: string, columns: Placed): void {
  if (!t.sample) return;
  const entries = columns.filter((x) => x.col.kind === 'entry').length;
  if (t.rows.kind === 'fixed' && t.sample.length !== 0 && t.sample.length !== t.rows.rows.length) {
    c.fault('sample-rows', at(path, 'sample'), `biểu có ${t.rows.rows.length} dòng cố định nhưng số liệu mẫu có ${t.sample.length} dòng`, `the table has ${t.rows.rows.length} fixed rows but the sample has ${t.sample.length}`);
  }
  t.sample.forEach((row, i) => {
    if (row.length !== entries) {
      c.fault('sample-length', at(at(path, 'sample'), i), `dòng mẫu có ${row.length} số, biểu có ${entries} cột nhập số`, `the sample row has ${row.length} figures; the table has ${entries} entry columns`);
    }
  });
}

export function semanticTemplate(c: Checker, t: Template, path: string): void {
  const sheet = sheetNameProblem(t.name.vi);
  if (sheet) c.fault('sheet-name', at(at(path, 'name'), 'vi'), `${sheet.vi}; tên này là tên trang tính của biểu`, `${sheet.en}; this name is the table's sheet name`);

  const columns: Placed = [];
  t.groups.forEach((g, gi) => g.columns.forEach((col, ci) => columns.push({ col, path: at(at(at(at(path, 'groups'), gi), 'columns'), ci) })));
  uniqueIds(c, t, path, columns);
  const byId = new Map<string, Column>();
  for (const x of columns) if (!byId.has(x.col.id)) byId.set(x.col.id, x.col);
  const number = numberRef(c, t, byId);

  for (const { col, path: p } of columns) {
    if (col.kind === 'sum') {
      col.of.forEach((id, i) => {
        if (id === col.id) c.fault('sum-self', at(at(p, 'of'), i), `cột cộng "${col.id}" không được cộng chính nó`, `the sum column "${col.id}" cannot add itself`);
        else number(id, at(at(p, 'of'), i));
      });
      duplicates(c, col.of, (id) => id, (i) => at(at(p, 'of'), i), { vi: 'Cột', en: 'The column' });
    } else if (col.kind === 'ratio') {
      number(col.numerator, at(p, 'numerator'));
      number(col.denominator, at(p, 'denominator'));
    }
  }
  // Counting rules: at most one "rest" column per group.
  t.groups.forEach((g, gi) => {
    const rests = g.columns.map((col, ci) => ({ col, ci })).filter((x) => x.col.kind === 'entry' && x.col.count?.rest === true);
    for (const x of rests.slice(1)) {
      c.fault('count-rest', at(at(at(at(at(path, 'groups'), gi), 'columns'), x.ci), 'count'), `nhóm "${g.id}" có hơn một cột "rest"`, `group "${g.id}" has more than one "rest" column`);
    }
  });
  sumLoops(c, columns, byId);

  (t.averages ?? []).forEach((a, i) => number(a.of, at(at(at(path, 'averages'), i), 'of')));
  (t.rules ?? []).forEach((r, i) => {
    const p = at(at(path, 'rules'), i);
    if (r.kind === 'rowSum') {
      r.parts.forEach((id, j) => number(id, at(at(p, 'parts'), j)));
      number(r.whole, at(p, 'whole'));
    } else {
      number(r.small, at(p, 'small'));
      number(r.large, at(p, 'large'));
    }
  });
  sampleShape(c, t, path, columns);
}

export function semanticPack(c: Checker, p: Pack): void {
  duplicates(c, p.templates, (t) => t.id, (i) => at(at('templates', i), 'id'), { vi: 'Mã biểu', en: 'The template id' });
  duplicates(
    c,
    p.templates,
    (t) => t.name.vi.trim().toLowerCase(),
    (i) => at(at(at('templates', i), 'name'), 'vi'),
    { vi: 'Tên trang tính', en: 'The sheet name' },
  );
  p.templates.forEach((t, i) => semanticTemplate(c, t, at('templates', i)));
  const rules = p.crossRules ?? [];
  duplicates(c, rules, (r) => r.id, (i) => at(at('crossRules', i), 'id'), { vi: 'Mã quy tắc giữa các biểu', en: 'The cross-table rule id' });
  rules.forEach((r, i) => {
    const path = at('crossRules', i);
    if (r.left.template === r.right.template) {
      c.fault('cross-same-template', path, `quy tắc giữa các biểu phải so hai biểu khác nhau (cả hai bên là ${r.left.template})`, `a cross-table rule compares two different tables (both sides are ${r.left.template})`);
    }
    for (const side of ['left', 'right'] as const) {
      const s = r[side];
      const p2 = at(path, side);
      const t = p.templates.find((x) => x.id === s.template);
      if (!t) {
        c.fault('unknown-template', at(p2, 'template'), `gói không có biểu "${s.template}"`, `the pack has no template "${s.template}"`);
        continue;
      }
      const col = t.groups.flatMap((g) => g.columns).find((x) => x.id === s.column);
      if (!col) c.fault('unknown-column', at(p2, 'column'), `không có cột "${s.column}" trong biểu ${t.id}`, `there is no column "${s.column}" in template ${t.id}`);
      else if (col.kind === 'ratio') c.fault('not-number', at(p2, 'column'), `cột "${s.column}" là cột tỷ lệ, không so được tổng`, `column "${s.column}" is a ratio; its total cannot be compared`);
    }
  });
}
