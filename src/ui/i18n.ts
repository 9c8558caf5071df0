/**
 * The languages of the pane and the web page, and the one way their string tables are filled in.
 * A placeholder is `{name}`; every table (shared, pane, page) is checked by test/unit/ui-strings.test.ts:
 * the Vietnamese and English texts of a key have the same placeholders.
 */
export type Language = 'vi' | 'en';

export const LANGUAGES: readonly Language[] = ['vi', 'en'];

const PLACEHOLDER = /\{(\w+)\}/g;

/** The placeholders of a text, each once, in order of first use: `'{a} và {b}, {a}'` → `['a', 'b']`. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/** A text of a table whose placeholder got no value: a mistake in the code, never the clerk's. */
export class MissingPlaceholderError extends Error {
  constructor(
    readonly template: string,
    readonly missing: readonly string[],
  ) {
    super(`format: no value for ${missing.map((m) => `{${m}}`).join(', ')} in "${template}"`);
    this.name = 'MissingPlaceholderError';
  }
}

/**
 * Fills the `{name}` placeholders of a text from the table. A placeholder with no value is reported
 * (MissingPlaceholderError), never shown as `{name}`; values nobody asked for are ignored.
 */
export function format(template: string, values: Readonly<Record<string, string | number>>): string {
  const missing = placeholders(template).filter((name) => !Object.prototype.hasOwnProperty.call(values, name));
  if (missing.length > 0) throw new MissingPlaceholderError(template, missing);
  return template.replace(PLACEHOLDER, (_whole, name: string) => String(values[name]));
}
