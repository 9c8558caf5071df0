/**
 * `--pack PACK.json` (repeatable), shared by every command that reads or writes tables: each file is
 * read and checked like `bieumau packs check` does, and the packs join the built-in `vn.standard`
 * in one catalog. A pack that cannot be read or fails its check stops the command (exit 2, one line):
 * a pack is never half-loaded.
 */
import { readFileSync, statSync } from 'fs';
import type { Text } from '../core/forms/template';
import { BUILTIN_CATALOG } from '../core/forms/builtin';
import type { PackCatalog } from '../core/forms/catalog';
import { faultLines, parsePack, type Pack, type PackFault } from '../core/forms/pack';
import { UsageError, type ParsedArgs } from './args';

/** The option's name, for `parseArgs(…, repeatable)`. */
export const PACK_OPTION = 'pack';

/** Larger than any sensible pack: refused before it is parsed. */
const MAX_PACK_BYTES = 10 * 1024 * 1024;

export type PackFileResult = { file: string; pack: Pack } | { file: string; faults: PackFault[] } | { file: string; error: Text };

/** Reads and checks one pack file; never throws. */
export function readPackFile(file: string): PackFileResult {
  let text: string;
  try {
    const st = statSync(file);
    if (st.isDirectory()) return { file, error: { vi: 'đây là một thư mục, không phải tệp .json', en: 'this is a folder, not a .json file' } };
    if (st.size > MAX_PACK_BYTES) return { file, error: { vi: 'tệp quá lớn để là một gói biểu mẫu (trên 10 MB)', en: 'the file is too large for a template pack (over 10 MB)' } };
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
    if (code === 'ENOENT') return { file, error: { vi: 'không tìm thấy tệp', en: 'the file does not exist' } };
    return { file, error: { vi: 'không đọc được tệp (không có quyền đọc?)', en: 'the file cannot be read (no permission?)' } };
  }
  const checked = parsePack(text);
  if (checked.ok) return { file, pack: checked.pack };
  if ('notJson' in checked) return { file, error: checked.notJson };
  return { file, faults: checked.faults };
}

/**
 * The built-in catalog with the packs of these files loaded after it.
 * @throws UsageError (one line, vi / en) for the first file that cannot be used.
 */
export function catalogFromPackFiles(files: readonly string[], base: PackCatalog = BUILTIN_CATALOG): PackCatalog {
  let catalog = base;
  for (const file of files) {
    const r = readPackFile(file);
    if ('error' in r) throw new UsageError(`--pack ${file}: ${r.error.vi} / --pack ${file}: ${r.error.en}`);
    if ('faults' in r) {
      const n = r.faults.length;
      const [vi] = faultLines(r.faults.slice(0, 1), 'vi');
      const [en] = faultLines(r.faults.slice(0, 1), 'en');
      throw new UsageError(
        `--pack ${file}: gói biểu mẫu không hợp lệ, ${n} lỗi; lỗi đầu tiên: ${vi} (xem bieumau packs check ${file}) / ` +
          `--pack ${file}: the template pack is invalid, ${n} fault${n === 1 ? '' : 's'}; first: ${en} (see bieumau packs check ${file})`,
      );
    }
    if (catalog.has(r.pack.id, r.pack.version)) {
      throw new UsageError(
        `--pack ${file}: gói "${r.pack.id}" phiên bản ${r.pack.version} đã được nạp / --pack ${file}: pack "${r.pack.id}" version ${r.pack.version} is already loaded`,
      );
    }
    catalog = catalog.with([r.pack]);
  }
  return catalog;
}

/** The catalog a parsed command line asks for (`--pack` values, none: the built-in pack alone). */
export function catalogFromArgs(parsed: Pick<ParsedArgs, 'lists'>): PackCatalog {
  return catalogFromPackFiles(parsed.lists[PACK_OPTION] ?? []);
}

/** The packs given with `--pack`, as loaded (for commands whose default is "the tables of those packs"). */
export function packsFromArgs(parsed: Pick<ParsedArgs, 'lists'>, catalog: PackCatalog): Pack[] {
  const files = parsed.lists[PACK_OPTION] ?? [];
  if (files.length === 0) return [];
  return catalog.current().filter((p) => !BUILTIN_CATALOG.has(p.id, p.version));
}
