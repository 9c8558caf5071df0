/**
 * The one intake: every file the programs take in — checked, consolidated, rolled up, exported,
 * compared as an earlier period — on the command line, in the task pane and on the web page, comes
 * through here. No Node API: the command line hands in a source over a path (`cli/path-source`),
 * the pane and the web page one over a browser `File` (`ui/FilePicker`'s `fileSource`).
 *
 * Two steps. `take` is the same for every kind of input: a refusal the source already knows (a
 * missing path, a folder), then the size, checked BEFORE a byte is read (a 3 GB file is refused by
 * its size alone), then the bytes, their fingerprint (SHA-256), and the kind's reading step given as
 * a parameter; every failure is a refusal of `core/refusals`, never a throw. `inspect` is the
 * workbook's intake on top of it: read (`xlsx/read-workbook`), validated, its findings counted.
 */
import type { WorkbookRead } from '../core/tables/table-read';
import type { PackCatalog, TemplateSource } from '../core/forms/catalog';
import type { Separators } from '../core/numbers';
import { BUILTIN_CATALOG } from '../core/forms/builtin';
import type { Finding, FindingCounts } from '../core/check/findings';
import { checkRead } from '../core/check/check-read';
import { refusal, refusalOf, tooLarge, XLSX_KIND, type FileKind, type Refusal } from '../core/refusals';
import { readWorkbook } from './read-workbook';
import { ZIP_LIMITS, type ZipLimits } from './zip';

/** A file to take in: its name as the user gave it, its size when known before reading, its bytes on demand. */
export interface Source {
  name: string;
  /** Bytes, when known without reading the file (a path's stat, a browser File's size). */
  size?: number;
  bytes(): Promise<Uint8Array>;
  /** A refusal known before anything is read (a missing path, a folder). */
  refused?: Refusal;
}

/** The SHA-256 of some bytes as lower-case hex; null where it cannot be computed. */
export type Fingerprint = (bytes: Uint8Array) => Promise<string | null>;

export interface TakeOptions<T> {
  /** The kind's reading step; it throws a `RefusalError` for a file it refuses (anything else: `cannot-read`). */
  read: (bytes: Uint8Array) => Promise<T>;
  /** The largest file taken in, in bytes. */
  maxBytes: number;
  /** How the refusals name the file (default `.xlsx`). */
  kind?: FileKind;
  /** How the bytes are fingerprinted; without it `sha256` is null. */
  fingerprint?: Fingerprint;
}

/** A file taken in (`value`: what the reading step gave), or refused; `sha256` whenever its bytes were read and fingerprinted. */
export type Taken<T> = { name: string; value: T; sha256: string | null } | { name: string; refusal: Refusal; sha256: string | null };

/** Takes one file in through `options.read`; never throws. */
export async function take<T>(source: Source, options: TakeOptions<T>): Promise<Taken<T>> {
  const { name } = source;
  const kind = options.kind ?? XLSX_KIND;
  if (source.refused) return { name, refusal: source.refused, sha256: null };
  // Refused by its size before its bytes are asked for.
  if (source.size !== undefined && source.size > options.maxBytes) return { name, refusal: tooLarge(source.size, options.maxBytes, kind), sha256: null };
  let bytes: Uint8Array;
  try {
    bytes = await source.bytes();
  } catch (e) {
    return { name, refusal: refusalOf(e, refusal('no-access', kind)), sha256: null };
  }
  if (bytes.length > options.maxBytes) return { name, refusal: tooLarge(bytes.length, options.maxBytes, kind), sha256: null };
  const sha256 = options.fingerprint ? await options.fingerprint(bytes).catch(() => null) : null;
  try {
    return { name, value: await options.read(bytes), sha256 };
  } catch (e) {
    return { name, refusal: refusalOf(e, refusal('cannot-read', kind)), sha256 };
  }
}

export interface InspectOptions {
  /** The loaded packs the workbook is read and checked against (default: the built-in one). */
  catalog?: PackCatalog;
  today?: Date;
  /** The user's number separators, where they are known. */
  separators?: Separators;
  fingerprint?: Fingerprint;
  limits?: ZipLimits;
}

/** A workbook taken in: its tables, the check's findings and their counts, its fingerprint. */
export interface Inspected {
  name: string;
  read: WorkbookRead;
  findings: Finding[];
  counts: FindingCounts;
  sha256: string | null;
}

export type Inspection = Inspected | { name: string; refusal: Refusal; sha256: string | null };

/** Takes one `.xlsx` in and reads its tables, unchecked (an earlier period of a comparison); never throws. */
export function takeWorkbook(source: Source, options: { templates?: TemplateSource } & Pick<InspectOptions, 'limits' | 'fingerprint'> = {}): Promise<Taken<WorkbookRead>> {
  const limits = options.limits ?? ZIP_LIMITS;
  return take(source, { maxBytes: limits.maxFileBytes, fingerprint: options.fingerprint, read: (bytes) => readWorkbook(bytes, options.templates ?? BUILTIN_CATALOG, limits) });
}

/** Takes one `.xlsx` in: refused by size first, then read, validated and counted; never throws. */
export async function inspect(source: Source, options: InspectOptions = {}): Promise<Inspection> {
  const catalog = options.catalog ?? BUILTIN_CATALOG;
  const limits = options.limits ?? ZIP_LIMITS;
  const taken = await take(source, {
    maxBytes: limits.maxFileBytes,
    fingerprint: options.fingerprint,
    read: async (bytes) => {
      const read = await readWorkbook(bytes, catalog, limits);
      return { read, ...checkRead(read, { catalog, today: options.today, separators: options.separators }) };
    },
  });
  return 'refusal' in taken ? taken : { name: taken.name, sha256: taken.sha256, ...taken.value };
}

/** Errors and all other findings, as a consolidation's Nguồn sheet counts them. */
export function errorsAndWarnings(i: Inspected): { errors: number; warnings: number } {
  return { errors: i.counts.errors, warnings: i.findings.length - i.counts.errors };
}
