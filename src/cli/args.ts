/** A small, strict argument parser: `--flag`, `--key value`, `--key=value`, positionals. */

/** A bad command line: its message is one line, Vietnamese then English after ` / `. */
export class UsageError extends Error {}

export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | true>;
  /** Every value of each repeatable option, in command-line order (`--pack a.json --pack b.json`). */
  lists: Record<string, string[]>;
}

/**
 * @param valued options that take a value (`--from 2025-07-01`)
 * @param flags options that take none (`--force`)
 * @param repeatable options that take a value and may be given more than once (`--pack`)
 *
 * Anything starting with `-` (but `-` alone) is an option: an unknown one, or a short form such
 * as `-f`, is refused rather than taken for a file name. After `--` everything is positional.
 */
export function parseArgs(argv: string[], valued: readonly string[], flags: readonly string[], repeatable: readonly string[] = []): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  const lists: Record<string, string[]> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    if (!arg.startsWith('--')) {
      throw new UsageError(`tùy chọn không có: ${arg} / unknown option ${arg}`);
    }
    const eq = arg.indexOf('=');
    const key = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    if (flags.includes(key)) {
      if (eq >= 0) throw new UsageError(`--${key} không nhận giá trị / --${key} takes no value`);
      options[key] = true;
    } else if (valued.includes(key) || repeatable.includes(key)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`--${key} cần một giá trị / --${key} needs a value`);
      if (repeatable.includes(key)) (lists[key] ??= []).push(value);
      else options[key] = value;
    } else {
      throw new UsageError(`tùy chọn không có: --${key} / unknown option --${key}`);
    }
  }
  return { positionals, options, lists };
}
