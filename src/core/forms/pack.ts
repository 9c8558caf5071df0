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
import type { CrossTableEquality, Template, Text } from './template';
import { Checker, type PACK_FORMAT } from './pack-checker';
import { semanticPack } from './pack-semantic';
import { shapePack } from './pack-shape';

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
