/**
 * What checking a pack (`core/forms/pack`) writes with: the fault list with each fault's path and words,
 * the patterns of ids (the same as the schema's), and how a wrong value is described in a fault.
 */
import type { Text } from './template';
import type { PackFaultCode, PackFault } from './pack';

/** The `format` of every pack file this program reads. */
export const PACK_FORMAT = 'bieumau-pack/1';

// ---------------------------------------------------------------------------------------------
// Patterns (the same as the schema's)

export const PACK_ID = /^[a-z0-9]+([.-][a-z0-9]+)*$/;
export const TEMPLATE_ID = /^[a-z0-9][a-z0-9_-]*$/;
/** Column, group, row, rule and average ids: they become parts of Excel defined names (`.` → `_`). */
export const LOCAL_ID = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*$/;
export const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
export const SHEET_FORBIDDEN = /[[\]:*?/\\]/;
export const MAX_SAMPLE = Number.MAX_SAFE_INTEGER;

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function describe(v: unknown): Text {
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
export function preview(v: unknown, depth = 0): string {
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

export function show(v: unknown): string {
  const s = typeof v === 'string' ? `"${v}"` : preview(v);
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}

/** `templates[0].rules` + `2` → `templates[0].rules[2]`; + `parts` → `….parts`. */
export function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

export class Checker {
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

export const COLUMN_ID: Text = { vi: 'mã cột (chữ cái, chữ số, dấu chấm ngăn các phần)', en: 'column id (letters and digits, parts separated by dots)' };
export const LOCAL: Text = { vi: 'mã (chữ cái, chữ số, dấu chấm ngăn các phần)', en: 'id (letters and digits, parts separated by dots)' };
export const TEMPLATE: Text = { vi: 'mã biểu (chữ thường, chữ số, - hoặc _)', en: 'template id (lowercase letters, digits, - or _)' };
