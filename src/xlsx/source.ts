/**
 * One source of a consolidation or a roll-up: taken in by the intake (`xlsx/intake`: refused by
 * size, read, checked, fingerprinted) and reduced to its numbers (`core/combine/consolidate`'s
 * `summarizeSource`). Never throws: a refused file becomes a summary with `readError`. The command
 * line fingerprints with Node's crypto, the pane and the web page with Web Crypto. No Node API.
 */
import type { Template } from '../core/forms/template';
import type { PackCatalog } from '../core/forms/catalog';
import { BUILTIN_CATALOG } from '../core/forms/builtin';
import { summarizeSource, type SourceSummary } from '../core/combine/consolidate';
import { errorsAndWarnings, inspect, type Fingerprint, type Inspection, type Source } from './intake';
import { sha256Hex } from './digest';

/** An inspection reduced to the numbers a consolidation keeps. */
export function summaryOf(i: Inspection, templates: readonly Template[]): SourceSummary {
  if ('refusal' in i) return summarizeSource({ file: i.name, sha256: i.sha256, read: null, readError: i.refusal.message, errors: 0, warnings: 0 }, templates);
  return summarizeSource({ file: i.name, sha256: i.sha256, read: i.read, ...errorsAndWarnings(i) }, templates);
}

/**
 * One source taken in and summarised; `fingerprint` defaults to Web Crypto's SHA-256 (null where
 * the page has none).
 */
export async function sourceSummary(
  source: Source,
  templates: readonly Template[],
  today: Date,
  catalog: PackCatalog = BUILTIN_CATALOG,
  fingerprint: Fingerprint = sha256Hex,
): Promise<SourceSummary> {
  return summaryOf(await inspect(source, { catalog, today, fingerprint }), templates);
}

/** The bytes of a workbook already in memory (with their fingerprint) as a source's summary. */
export function sourceFromBytes(file: string, bytes: Uint8Array, sha256: string, templates: readonly Template[], today: Date, catalog: PackCatalog = BUILTIN_CATALOG): Promise<SourceSummary> {
  return sourceSummary({ name: file, size: bytes.length, bytes: async () => bytes }, templates, today, catalog, async () => sha256);
}
