/** `bieumau templates [--pack PACK.json]...`: lists the tables that can be made (id, version, name, title). */
import { BUILTIN_CATALOG } from '../core/forms/builtin';
import { STANDARD_PACK_ID } from '../core/forms/pack';
import type { PackCatalog } from '../core/forms/catalog';
import { UsageError, parseArgs } from './args';
import { PACK_OPTION, catalogFromArgs } from './pack-option';

/**
 * One line per template offered, tab-separated. Tables of the built-in pack are listed by id alone
 * (as before packs existed); those of any other pack as `pack:id`, which `--templates` takes.
 */
export function templatesListing(catalog: PackCatalog = BUILTIN_CATALOG): string {
  const lines = catalog.list().map((t) => {
    const id = t.pack === undefined || t.pack === STANDARD_PACK_ID ? t.id : `${t.pack}:${t.id}`;
    return `${id}\tv${t.version}\t${t.name.vi}\t${t.title.vi}`;
  });
  return `${lines.join('\n')}\n`;
}

export async function runTemplates(args: string[]): Promise<number> {
  const parsed = parseArgs(args, [], [], [PACK_OPTION]);
  if (parsed.positionals.length > 0) {
    const extra = parsed.positionals.join(' ');
    throw new UsageError(`lệnh templates không nhận tham số: ${extra} / templates takes no arguments: ${extra}`);
  }
  process.stdout.write(templatesListing(catalogFromArgs(parsed)));
  return 0;
}
