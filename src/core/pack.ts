/**
 * Template packs (`bieumau-pack/1`): the issued form of the tables, one JSON file that an office
 * writes and distributes (format: /schemas/bieumau-pack-1.schema.json and docs/packs.md).
 *
 * `validatePack` checks a parsed JSON value against the schema's shape and against what the schema
 * cannot say (unique ids, references to number columns that exist, no sum loops, sample rows of the
 * right length, sheet names Excel accepts); every fault carries its JSON path
 * (`templates[0].rules[2].parts[1]`) and a Vietnamese and English message. A pack with any fault is
 * never used: the caller gets the faults and no pack. Pure TypeScript with no dependency, so the task
 * pane and the web page run the same checks as `bieumau packs check`.
 */
import type { Column, CrossTableEquality, Template, Text } from './template';
import { isValidIsoDate } from './dates';

export const PACK_FORMAT = 'bieumau-pack/1';
/** The built-in pack of the four standard tables; workbooks made before packs existed are its tables. */
export const STANDARD_PACK_ID = 'vn.standard';

export interface Pack {
  format: typeof PACK_FORMAT;
  id: string;
  version: number;
  title: Text;
  issuer: Text;
  /** First day the pack applies, `YYYY-MM-DD`. */
  effective?: string;
  templates: Template[];
  crossRules?: CrossTableEquality[];
}

/** Kinds of fault, stable for scripts and tests. */
export type PackFaultCode =
  | 'type'
  | 'required'
  | 'unknown-key'
  | 'format'
  | 'pattern'
  | 'empty'
  | 'range'
  | 'kind'
  | 'duplicate-id'
  | 'unknown-column'
  | 'not-number'
  | 'sum-self'
  | 'sum-loop'
  | 'unknown-template'
  | 'cross-same-template'
  | 'sample-rows'
  | 'sample-length'
  | 'sample-value'
  | 'sheet-name'
  | 'date'
  | 'count-rest';

export interface PackFault {
  code: PackFaultCode;
  /** Where in the file: `templates[0].rules[2].parts[1]`; `` for the file itself. */
  path: string;
  message: Text;
}

export type PackCheck = { ok: true; pack: Pack } | { ok: false; faults: PackFault[] };

// ---------------------------------------------------------------------------------------------
// Patterns (the same as the schema's)

const PACK_ID = /^[a-z0-9]+([.-][a-z0-9]+)*$/;
const TEMPLATE_ID = /^[a-z0-9][a-z0-9_-]*$/;
/** Column, group, row, rule and average ids: they become parts of Excel defined names (`.` → `_`). */
const LOCAL_ID = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*$/;
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
const SHEET_FORBIDDEN = /[[\]:*?/\\]/;
const MAX_SAMPLE = Number.MAX_SAFE_INTEGER;

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): Text {
  if (v === null) return { vi: 'null', en: 'null' };
  if (Array.isArray(v)) return { vi: 'một mảng', en: 'an array' };
  switch (typeof v) {
    case 'string':
      return { vi: 'một chuỗi', en: 'a string' };
    case 'number':
      return { vi: 'một số', en: 'a number' };
    case 'boolean':
      return { vi: 'true/false', en: 'true/false' };
    default:
      return { vi: 'một đối tượng', en: 'an object' };
  }
}

/**
 * JSON text of `v` as far as a message shows it: the first items of arrays and objects, three levels
 * deep (a value nested thousands of levels deep, or with a million items, is never written out whole).
 */
function preview(v: unknown, depth = 0): string {
  if (Array.isArray(v)) {
    if (depth >= 3) return v.length === 0 ? '[]' : '[…]';
    return `[${v.slice(0, 10).map((x) => preview(x, depth + 1)).join(',')}${v.length > 10 ? ',…' : ''}]`;
  }
  if (isObj(v)) {
    const keys = Object.keys(v);
    if (depth >= 3) return keys.length === 0 ? '{}' : '{…}';
    return `{${keys.slice(0, 10).map((k) => `${JSON.stringify(k)}:${preview(v[k], depth + 1)}`).join(',')}${keys.length > 10 ? ',…' : ''}}`;
  }
  return JSON.stringify(v) ?? String(v);
}

function show(v: unknown): string {
  const s = typeof v === 'string' ? `"${v}"` : preview(v);
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}

/** `templates[0].rules` + `2` → `templates[0].rules[2]`; + `parts` → `….parts`. */
function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

class Checker {
  readonly faults: PackFault[] = [];

  fault(code: PackFaultCode, path: string, vi: string, en: string): void {
    this.faults.push({ code, path, message: { vi, en } });
  }

  /** Object with these keys: reports missing required and unknown keys; false if not an object. */
  object(v: unknown, path: string, required: readonly string[], optional: readonly string[]): v is Obj {
    if (!isObj(v)) {
      const d = describe(v);
      this.fault('type', path, `phải là một đối tượng {…}, không phải ${d.vi}`, `must be an object {…}, not ${d.en}`);
      return false;
    }
    for (const k of required) {
      if (!(k in v)) this.fault('required', at(path, k), `thiếu khóa bắt buộc "${k}"`, `the required key "${k}" is missing`);
    }
    for (const k of Object.keys(v)) {
      if (!required.includes(k) && !optional.includes(k)) {
        const known = [...required, ...optional].join(', ');
        this.fault('unknown-key', at(path, k), `khóa không có trong định dạng: "${k}" (có: ${known})`, `unknown key "${k}" (known: ${known})`);
      }
    }
    return true;
  }

  array(v: unknown, path: string, minItems: number): v is unknown[] {
    if (!Array.isArray(v)) {
      const d = describe(v);
      this.fault('type', path, `phải là một mảng […], không phải ${d.vi}`, `must be an array […], not ${d.en}`);
      return false;
    }
    if (v.length < minItems) this.fault('empty', path, `cần ít nhất ${minItems} phần tử`, `needs at least ${minItems} item${minItems === 1 ? '' : 's'}`);
    return true;
  }

  text(v: unknown, path: string): void {
    if (!this.object(v, path, ['vi', 'en'], [])) return;
    for (const lang of ['vi', 'en'] as const) {
      if (!(lang in v)) continue;
      const s = v[lang];
      if (typeof s !== 'string') {
        const d = describe(s);
        this.fault('type', at(path, lang), `phải là một chuỗi, không phải ${d.vi}`, `must be a string, not ${d.en}`);
      } else if (s.trim() === '') {
        this.fault('empty', at(path, lang), 'không được để trống', 'must not be empty');
      }
    }
  }

  string(v: unknown, path: string, pattern: RegExp, maxLength: number, what: Text): v is string {
    if (typeof v !== 'string') {
      const d = describe(v);
      this.fault('type', path, `phải là một chuỗi, không phải ${d.vi}`, `must be a string, not ${d.en}`);
      return false;
    }
    if (!pattern.test(v) || v.length > maxLength) {
      this.fault('pattern', path, `${show(v)} không phải ${what.vi} hợp lệ (tối đa ${maxLength} ký tự)`, `${show(v)} is not a valid ${what.en} (at most ${maxLength} characters)`);
      return false;
    }
    return true;
  }

  version(v: unknown, path: string): void {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 999999) {
      this.fault('range', path, `phiên bản phải là số nguyên từ 1, không phải ${show(v)}`, `the version must be a whole number from 1, not ${show(v)}`);
    }
  }

  kind(v: unknown, path: string, kinds: readonly string[]): string | null {
    const k = isObj(v) ? v.kind : undefined;
    if (typeof k === 'string' && kinds.includes(k)) return k;
    const list = kinds.map((x) => `"${x}"`).join(', ');
    if (isObj(v)) this.fault('kind', at(path, 'kind'), `"kind" phải là một trong ${list}, không phải ${show(k)}`, `"kind" must be one of ${list}, not ${show(k)}`);
    else this.object(v, path, [], []);
    return null;
  }
}

const COLUMN_ID: Text = { vi: 'mã cột (chữ cái, chữ số, dấu chấm ngăn các phần)', en: 'column id (letters and digits, parts separated by dots)' };
const LOCAL: Text = { vi: 'mã (chữ cái, chữ số, dấu chấm ngăn các phần)', en: 'id (letters and digits, parts separated by dots)' };
const TEMPLATE: Text = { vi: 'mã biểu (chữ thường, chữ số, - hoặc _)', en: 'template id (lowercase letters, digits, - or _)' };

// ---------------------------------------------------------------------------------------------
// Shape (what the JSON Schema says)

function shapeColumn(c: Checker, v: unknown, path: string): void {
  const kind = c.kind(v, path, ['entry', 'sum', 'ratio']);
  if (kind === null || !isObj(v)) return;
  if (kind === 'entry') c.object(v, path, ['kind', 'id', 'label'], ['required', 'count']);
  else if (kind === 'sum') c.object(v, path, ['kind', 'id', 'label', 'of'], []);
  else c.object(v, path, ['kind', 'id', 'label', 'numerator', 'denominator'], []);
  if ('id' in v) c.string(v.id, at(path, 'id'), LOCAL_ID, 200, COLUMN_ID);
  if ('label' in v) c.text(v.label, at(path, 'label'));
  if (kind === 'entry' && 'required' in v && typeof v.required !== 'boolean') c.fault('type', at(path, 'required'), 'phải là true hoặc false', 'must be true or false');
  if (kind === 'entry' && 'count' in v) shapeCount(c, v.count, at(path, 'count'), false);
  if (kind === 'sum' && 'of' in v && c.array(v.of, at(path, 'of'), 1)) v.of.forEach((x, i) => c.string(x, at(at(path, 'of'), i), LOCAL_ID, 200, COLUMN_ID));
  if (kind === 'ratio') {
    for (const k of ['numerator', 'denominator']) if (k in v) c.string(v[k], at(path, k), LOCAL_ID, 200, COLUMN_ID);
  }
}

const NAME_LISTS = ['names', 'prefixes', 'contains'] as const;

/**
 * A column's `count` (or, with `notCounted`, one of a template's `notCounted` rules): which register,
 * by what, the names as plain text (never a pattern), the types, `rest`.
 */
function shapeCount(c: Checker, v: unknown, path: string, notCounted: boolean): void {
  const optional = notCounted ? [...NAME_LISTS] : [...NAME_LISTS, 'types', 'rest'];
  if (!c.object(v, path, notCounted ? ['register', 'by', 'reason'] : ['register', 'by'], optional)) return;
  if ('register' in v && v.register !== 'incoming' && v.register !== 'outgoing') {
    c.fault('kind', at(path, 'register'), `"register" phải là "incoming" hoặc "outgoing", không phải ${show(v.register)}`, `"register" must be "incoming" or "outgoing", not ${show(v.register)}`);
  }
  if ('by' in v && v.by !== 'author' && v.by !== 'issuer') {
    c.fault('kind', at(path, 'by'), `"by" phải là "author" hoặc "issuer", không phải ${show(v.by)}`, `"by" must be "author" or "issuer", not ${show(v.by)}`);
  }
  for (const k of [...NAME_LISTS, 'types']) {
    if (!(k in v) || !c.array(v[k], at(path, k), 1)) continue;
    (v[k] as unknown[]).forEach((x, i) => {
      if (typeof x !== 'string' || x.trim() === '' || x.length > 200) {
        c.fault('type', at(at(path, k), i), `phải là một chuỗi không trống (tối đa 200 ký tự), không phải ${show(x)}`, `must be a non-empty string (at most 200 characters), not ${show(x)}`);
      }
    });
  }
  if ('rest' in v && typeof v.rest !== 'boolean') c.fault('type', at(path, 'rest'), 'phải là true hoặc false', 'must be true or false');
  if ('reason' in v) c.text(v.reason, at(path, 'reason'));
  if (!NAME_LISTS.some((k) => k in v)) {
    c.fault('required', at(path, 'names'), 'cần ít nhất một trong "names", "prefixes", "contains"', 'needs at least one of "names", "prefixes", "contains"');
  }
  if ('rest' in v && v.rest === true && 'types' in v) {
    c.fault('count-rest', at(path, 'rest'), 'cột "rest" nhận các loại còn lại, không kèm "types"', 'a "rest" column takes the types left over and has no "types"');
  }
}

function shapeRule(c: Checker, v: unknown, path: string): void {
  const kind = c.kind(v, path, ['rowSum', 'atMost']);
  if (kind === null || !isObj(v)) return;
  if (kind === 'rowSum') c.object(v, path, ['kind', 'id', 'parts', 'whole', 'label'], []);
  else c.object(v, path, ['kind', 'id', 'small', 'large', 'label'], []);
  if ('id' in v) c.string(v.id, at(path, 'id'), LOCAL_ID, 200, LOCAL);
  if ('label' in v) c.text(v.label, at(path, 'label'));
  if (kind === 'rowSum') {
    if ('parts' in v && c.array(v.parts, at(path, 'parts'), 1)) v.parts.forEach((x, i) => c.string(x, at(at(path, 'parts'), i), LOCAL_ID, 200, COLUMN_ID));
    if ('whole' in v) c.string(v.whole, at(path, 'whole'), LOCAL_ID, 200, COLUMN_ID);
  } else {
    for (const k of ['small', 'large']) if (k in v) c.string(v[k], at(path, k), LOCAL_ID, 200, COLUMN_ID);
  }
}

function shapeRows(c: Checker, v: unknown, path: string): void {
  const kind = c.kind(v, path, ['repeat', 'fixed']);
  if (kind === null || !isObj(v)) return;
  if (kind === 'repeat') c.object(v, path, ['kind', 'header', 'total'], ['groupRow']);
  else c.object(v, path, ['kind', 'header', 'rows', 'total'], []);
  for (const k of ['header', 'total', 'groupRow']) if (k in v) c.text(v[k], at(path, k));
  if (kind === 'fixed' && 'rows' in v && c.array(v.rows, at(path, 'rows'), 1)) {
    v.rows.forEach((r, i) => {
      const p = at(at(path, 'rows'), i);
      if (!c.object(r, p, ['id', 'label'], [])) return;
      if ('id' in r) c.string(r.id, at(p, 'id'), LOCAL_ID, 200, LOCAL);
      if ('label' in r) c.text(r.label, at(p, 'label'));
    });
  }
}

function shapeTemplate(c: Checker, v: unknown, path: string): void {
  if (!c.object(v, path, ['id', 'version', 'name', 'title', 'rows', 'groups'], ['summary', 'averages', 'averagesNote', 'overTime', 'rules', 'sample', 'notCounted'])) return;
  if ('notCounted' in v && c.array(v.notCounted, at(path, 'notCounted'), 0)) v.notCounted.forEach((r, i) => shapeCount(c, r, at(at(path, 'notCounted'), i), true));
  if ('id' in v) c.string(v.id, at(path, 'id'), TEMPLATE_ID, 31, TEMPLATE);
  if ('version' in v) c.version(v.version, at(path, 'version'));
  for (const k of ['name', 'title', 'summary', 'averagesNote']) if (k in v) c.text(v[k], at(path, k));
  if ('rows' in v) shapeRows(c, v.rows, at(path, 'rows'));
  if ('groups' in v && c.array(v.groups, at(path, 'groups'), 1)) {
    v.groups.forEach((g, i) => {
      const p = at(at(path, 'groups'), i);
      if (!c.object(g, p, ['id', 'label', 'columns'], [])) return;
      if ('id' in g) c.string(g.id, at(p, 'id'), LOCAL_ID, 200, LOCAL);
      if ('label' in g) c.text(g.label, at(p, 'label'));
      if ('columns' in g && c.array(g.columns, at(p, 'columns'), 1)) g.columns.forEach((col, j) => shapeColumn(c, col, at(at(p, 'columns'), j)));
    });
  }
  if ('averages' in v && c.array(v.averages, at(path, 'averages'), 0)) {
    v.averages.forEach((a, i) => {
      const p = at(at(path, 'averages'), i);
      if (!c.object(a, p, ['kind', 'id', 'label', 'of'], [])) return;
      if ('kind' in a && a.kind !== 'perDay' && a.kind !== 'perMonth') c.fault('kind', at(p, 'kind'), `"kind" phải là "perDay" hoặc "perMonth", không phải ${show(a.kind)}`, `"kind" must be "perDay" or "perMonth", not ${show(a.kind)}`);
      if ('id' in a) c.string(a.id, at(p, 'id'), LOCAL_ID, 200, LOCAL);
      if ('label' in a) c.text(a.label, at(p, 'label'));
      if ('of' in a) c.string(a.of, at(p, 'of'), LOCAL_ID, 200, COLUMN_ID);
    });
  }
  if ('overTime' in v && v.overTime !== 'sum' && v.overTime !== 'last') {
    c.fault('kind', at(path, 'overTime'), `"overTime" phải là "sum" hoặc "last", không phải ${show(v.overTime)}`, `"overTime" must be "sum" or "last", not ${show(v.overTime)}`);
  }
  if ('rules' in v && c.array(v.rules, at(path, 'rules'), 0)) v.rules.forEach((r, i) => shapeRule(c, r, at(at(path, 'rules'), i)));
  if ('sample' in v && c.array(v.sample, at(path, 'sample'), 0)) {
    v.sample.forEach((row, i) => {
      const p = at(at(path, 'sample'), i);
      if (!c.array(row, p, 0)) return;
      row.forEach((x, j) => {
        if (typeof x !== 'number' || !Number.isInteger(x) || x < 0 || x > MAX_SAMPLE) {
          c.fault('sample-value', at(p, j), `số liệu mẫu phải là số nguyên ≥ 0, không phải ${show(x)}`, `a sample figure must be a whole number ≥ 0, not ${show(x)}`);
        }
      });
    });
  }
}

function shapeCrossRule(c: Checker, v: unknown, path: string): void {
  if (!c.object(v, path, ['id', 'left', 'right', 'label'], [])) return;
  if ('id' in v) c.string(v.id, at(path, 'id'), LOCAL_ID, 200, LOCAL);
  if ('label' in v) c.text(v.label, at(path, 'label'));
  for (const side of ['left', 'right']) {
    if (!(side in v)) continue;
    const p = at(path, side);
    const s = v[side];
    if (!c.object(s, p, ['template', 'column'], [])) continue;
    if ('template' in s) c.string(s.template, at(p, 'template'), TEMPLATE_ID, 31, TEMPLATE);
    if ('column' in s) c.string(s.column, at(p, 'column'), LOCAL_ID, 200, COLUMN_ID);
  }
}

function shapePack(c: Checker, v: unknown): void {
  if (!c.object(v, '', ['format', 'id', 'version', 'title', 'issuer', 'templates'], ['$schema', 'effective', 'crossRules'])) return;
  if ('$schema' in v && typeof v.$schema !== 'string') c.fault('type', '$schema', '"$schema" phải là một chuỗi (địa chỉ của lược đồ)', '"$schema" must be a string (the address of the schema)');
  if ('format' in v && v.format !== PACK_FORMAT) {
    c.fault('format', 'format', `"format" phải là "${PACK_FORMAT}", không phải ${show(v.format)}`, `"format" must be "${PACK_FORMAT}", not ${show(v.format)}`);
  }
  if ('id' in v) c.string(v.id, 'id', PACK_ID, 64, { vi: 'mã gói (chữ thường, chữ số, dấu . hoặc -)', en: 'pack id (lowercase letters, digits, . or -)' });
  if ('version' in v) c.version(v.version, 'version');
  for (const k of ['title', 'issuer']) if (k in v) c.text(v[k], k);
  if ('effective' in v && (typeof v.effective !== 'string' || !DATE.test(v.effective))) {
    c.fault('pattern', 'effective', `ngày hiệu lực phải có dạng YYYY-MM-DD, không phải ${show(v.effective)}`, `the effective date must be YYYY-MM-DD, not ${show(v.effective)}`);
  } else if (typeof v.effective === 'string' && !isValidIsoDate(v.effective)) {
    c.fault('date', 'effective', `${v.effective} không phải ngày có thật`, `${v.effective} is not a real date`);
  }
  if ('templates' in v && c.array(v.templates, 'templates', 1)) v.templates.forEach((t, i) => shapeTemplate(c, t, at('templates', i)));
  if ('crossRules' in v && c.array(v.crossRules, 'crossRules', 0)) v.crossRules.forEach((r, i) => shapeCrossRule(c, r, at('crossRules', i)));
}

// ---------------------------------------------------------------------------------------------
// Beyond the schema (run only on a pack of the right shape)

function duplicates<T>(c: Checker, items: readonly T[], idOf: (x: T) => string, pathOf: (i: number) => string, what: Text): void {
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

function semanticTemplate(c: Checker, t: Template, path: string): void {
  const sheet = sheetNameProblem(t.name.vi);
  if (sheet) c.fault('sheet-name', at(at(path, 'name'), 'vi'), `${sheet.vi}; tên này là tên trang tính của biểu`, `${sheet.en}; this name is the table's sheet name`);

  const columns: { col: Column; path: string }[] = [];
  t.groups.forEach((g, gi) => g.columns.forEach((col, ci) => columns.push({ col, path: at(at(at(at(path, 'groups'), gi), 'columns'), ci) })));
  duplicates(c, t.groups, (g) => g.id, (i) => at(at(at(path, 'groups'), i), 'id'), { vi: 'Mã nhóm cột', en: 'The group id' });
  duplicates(c, columns, (x) => x.col.id, (i) => at(columns[i].path, 'id'), { vi: 'Mã cột', en: 'The column id' });
  if (t.rows.kind === 'fixed') {
    const rows = t.rows.rows;
    duplicates(c, rows, (r) => r.id, (i) => at(at(at(at(path, 'rows'), 'rows'), i), 'id'), { vi: 'Mã dòng', en: 'The row id' });
  }
  duplicates(c, t.rules ?? [], (r) => r.id, (i) => at(at(at(path, 'rules'), i), 'id'), { vi: 'Mã quy tắc', en: 'The rule id' });
  duplicates(c, t.averages ?? [], (a) => a.id, (i) => at(at(at(path, 'averages'), i), 'id'), { vi: 'Mã số trung bình', en: 'The average id' });

  const byId = new Map<string, Column>();
  for (const x of columns) if (!byId.has(x.col.id)) byId.set(x.col.id, x.col);
  /** A reference to a number column (entry or sum): a ratio is a percentage and adds up to nothing. */
  const number = (id: string, p: string): boolean => {
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
  // Sum loops: a → b → … → a through `of` (self-references are reported above).
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

  if (t.sample) {
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
}

function semanticPack(c: Checker, p: Pack): void {
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

/** A deep copy of the JSON value, so that a pack once validated cannot change under the engine. */
function copy<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/**
 * Checks a parsed JSON value. On success the pack comes back as a fresh copy (templates with an
 * empty `sample` when the file has none); on any fault, only the faults.
 */
export function validatePack(value: unknown): PackCheck {
  const c = new Checker();
  shapePack(c, value);
  if (c.faults.length > 0) return { ok: false, faults: c.faults };
  const pack = copy(value) as Pack & { $schema?: string };
  delete pack.$schema;
  semanticPack(c, pack);
  if (c.faults.length > 0) return { ok: false, faults: c.faults };
  for (const t of pack.templates) if (t.sample === undefined) t.sample = [];
  return { ok: true, pack };
}

export type PackTextCheck = PackCheck | { ok: false; notJson: Text };

/** Parses the text of a pack file (UTF-8, a leading BOM allowed) and checks it. */
export function parsePack(text: string): PackTextCheck {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, notJson: { vi: `không phải JSON hợp lệ (${why})`, en: `not valid JSON (${why})` } };
  }
  return validatePack(value);
}

/** One line per fault: `templates[0].rules[2].parts[1]: message`. */
export function faultLines(faults: readonly PackFault[], lang: 'vi' | 'en'): string[] {
  return faults.map((f) => `${f.path === '' ? (lang === 'vi' ? '(cả tệp)' : '(the file)') : f.path}: ${f.message[lang]}`);
}
