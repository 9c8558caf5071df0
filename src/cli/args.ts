/**
 * The command line's argument parsing: `--flag`, `--key value`, `--key=value`, positionals, on
 * Node's `util.parseArgs` (which splits the arguments into tokens), with this tool's rules and
 * bilingual one-line messages on top.
 */
import { parseArgs as nodeParseArgs } from 'node:util';

/** A bad command line: its message is one line, Vietnamese then English after ` / `. */
export class UsageError extends Error {}

export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | true>;
  /** Every value of each repeatable option, in command-line order (`--pack a.json --pack b.json`). */
  lists: Record<string, string[]>;
}

/** `--help` or `-h` among the options (before any `--`): the command's usage is asked for. */
export function wantsHelp(argv: readonly string[]): boolean {
  for (const arg of argv) {
    if (arg === '--') return false;
    if (arg === '--help' || arg === '-h') return true;
  }
  return false;
}

/**
 * @param valued options that take a value (`--from 2025-07-01`)
 * @param flags options that take none (`--force`)
 * @param repeatable options that take a value and may be given more than once (`--pack`)
 *
 * Anything starting with `-` (but `-` alone) is an option: an unknown one, or a short form such
 * as `-f`, is refused rather than taken for a file name. A valued option given twice keeps the
 * last value. After `--` everything is positional.
 */
export function parseArgs(argv: string[], valued: readonly string[], flags: readonly string[], repeatable: readonly string[] = []): ParsedArgs {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {};
  for (const k of flags) options[k] = { type: 'boolean' };
  for (const k of valued) options[k] = { type: 'string' };
  for (const k of repeatable) options[k] = { type: 'string', multiple: true };
  // Not strict: the tokens are checked below, so each mistake gets this tool's own message.
  const { tokens } = nodeParseArgs({ args: argv, options, strict: false, allowPositionals: true, tokens: true });
  const positionals: string[] = [];
  const parsed: Record<string, string | true> = {};
  const lists: Record<string, string[]> = {};
  for (const t of tokens) {
    if (t.kind === 'positional') {
      positionals.push(t.value);
      continue;
    }
    if (t.kind === 'option-terminator') continue;
    const raw = t.rawName;
    // A short option (`-f`, or each letter of `-fx`): none is defined, so it is refused by the whole argument.
    if (!raw.startsWith('--')) {
      const whole = argv[t.index];
      throw new UsageError(`tùy chọn không có: ${whole} / unknown option ${whole}`);
    }
    const key = t.name;
    if (flags.includes(key)) {
      if (t.inlineValue === true) throw new UsageError(`--${key} không nhận giá trị / --${key} takes no value`);
      parsed[key] = true;
    } else if (valued.includes(key) || repeatable.includes(key)) {
      // `--from --to`: a value that looks like an option is a missing value, not a value.
      if (t.value === undefined || (t.inlineValue === false && t.value.startsWith('--'))) throw new UsageError(`--${key} cần một giá trị / --${key} needs a value`);
      if (repeatable.includes(key)) (lists[key] ??= []).push(t.value);
      else parsed[key] = t.value;
    } else {
      throw new UsageError(`tùy chọn không có: --${key} / unknown option --${key}`);
    }
  }
  return { positionals, options: parsed, lists };
}
