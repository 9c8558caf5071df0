/**
 * `bieumau`: the command-line tool. Every command returns its exit code; nothing here throws
 * to the user (bin/bieumau.js turns an unexpected error into one line on stderr, exit 2).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { UsageError, wantsHelp } from './args';
import { EXPORT_USAGE, commandUsage } from './usage';

export const USAGE = `Cách dùng / usage:
  bieumau templates [--pack PACK.json]...
  bieumau new OUT.xlsx [--templates 01,03] [--unit TEXT] [--report 52-BC/TU --report-date 2025-11-14]
                       [--report-by TEXT] [--from 2025-07-01 --to 2025-10-15] [--rows N] [--sample] [--force]
                       [--pack PACK.json]...
  bieumau check FILE.xlsx... [--json] [--lang vi|en] [--pack PACK.json]... [--history EARLIER...]
  bieumau consolidate OUT.xlsx INPUT... [--units UNITS.csv] [--unit TEXT] [--report NO]
                       [--report-date YYYY-MM-DD] [--report-by TEXT] [--allow-errors] [--force] [--json]
                       [--pack PACK.json]... (tong-hop: the same)
  bieumau roll-up OUT.xlsx INPUT... [--unit TEXT] [--report NO] [--report-date YYYY-MM-DD]
                       [--report-by TEXT] [--allow-errors] [--force] [--json] [--pack PACK.json]...
                       (luy-ke: the same)
  bieumau packs check PACK.json... [--json] [--lang vi|en]
  bieumau tie-out REPORT.docx [WORKBOOK.xlsx] [--json] [--lang vi|en] [--pack PACK.json]...
                       (doi-chieu: the same)
  bieumau count OUT.xlsx REGISTER... --from YYYY-MM-DD --to YYYY-MM-DD [--unit TEXT]
                       [--body COLUMN_ID=REGISTER]... [--json] [--force] (dem: the same)
${EXPORT_USAGE}
  bieumau --version
  bieumau COMMAND --help`;

/**
 * The package's version, from the package.json two folders up: build/cli/main.js (installed or in
 * the repository) and src/cli/main.ts (tests) alike.
 */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version?: unknown };
  if (typeof pkg.version !== 'string') throw new Error('package.json has no version');
  return pkg.version;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // `bieumau <command> --help` (or -h, anywhere before `--`): that command's usage, whatever else is on the line.
  const usage = command === undefined ? undefined : commandUsage(command, USAGE);
  if (usage !== undefined && wantsHelp(rest)) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  try {
    // Node's zlib for the .xlsx layer, loaded with a command that reads or writes files (not for --version).
    if (command !== undefined && command !== '--version' && command !== 'help') (await import('./zlib')).useNodeZlib();
    switch (command) {
      case '--version':
        process.stdout.write(`${packageVersion()}\n`);
        return 0;
      case 'templates':
        return await (await import('./templates')).runTemplates(rest);
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
      case 'tie-out':
      case 'doi-chieu':
        return await (await import('./tieout')).runTieOut(rest);
      case 'count':
      case 'dem':
        return await (await import('./count')).runCount(rest);
      case 'packs':
        return await (await import('./packs')).runPacks(rest);
      case 'help': {
        // `bieumau help check`: the usage of that command
        const of = rest.length === 1 ? commandUsage(rest[0], USAGE) : undefined;
        process.stdout.write(`${of ?? USAGE}\n`);
        return 0;
      }
      case undefined:
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
