/**
 * `bieumau`: the command-line tool. Every command returns its exit code; nothing here throws
 * to the user (bin/bieumau.js turns an unexpected error into one line on stderr, exit 2).
 */
import { UsageError } from './args';
import { runTemplates } from './templates';
import { ROLLUP_USAGE } from './rollup';
import { EXPORT_USAGE } from './export';

export const USAGE = `Cách dùng / usage:
  bieumau templates [--pack PACK.json]...
  bieumau new OUT.xlsx [--templates 01,03] [--unit TEXT] [--report 52-BC/TU --report-date 2025-11-14]
                       [--report-by TEXT] [--from 2025-07-01 --to 2025-10-15] [--rows N] [--sample] [--force]
                       [--pack PACK.json]...
  bieumau check FILE.xlsx... [--json] [--lang vi|en] [--pack PACK.json]... [--history EARLIER...]
  bieumau consolidate OUT.xlsx INPUT... [--units UNITS.csv] [--unit TEXT] [--report NO]
                       [--report-date YYYY-MM-DD] [--report-by TEXT] [--allow-errors] [--force] [--json]
                       [--pack PACK.json]... (tong-hop: the same)
${ROLLUP_USAGE}
  bieumau packs check PACK.json... [--json] [--lang vi|en]
${EXPORT_USAGE}`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'templates':
        return await runTemplates(rest);
      // Each command loads what it needs (ExcelJS only when a workbook is written or read).
      case 'new':
        return await (await import('./new')).runNew(rest);
      case 'check':
        return await (await import('./check')).runCheck(rest);
      case 'consolidate':
      case 'tong-hop':
        return await (await import('./consolidate')).runConsolidate(rest);
      case 'roll-up':
      case 'luy-ke':
        return await (await import('./rollup')).runRollUp(rest);
      case 'export':
        return await (await import('./export')).runExport(rest);
      case 'packs':
        return await (await import('./packs')).runPacks(rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        // one line, like every other usage error; `bieumau --help` prints the usage
        process.stderr.write(`bieumau: lệnh không có: ${command} (xem bieumau --help) / unknown command: ${command} (see bieumau --help)\n`);
        return 2;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`bieumau: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
