/**
 * The one XML escaper of the writers (the SDMX structure and data messages, the workbook's defined
 * names): `&`, `<`, `>` and `"` as entities — enough for element text and for attributes in double
 * quotes, the only kind written — and the characters XML 1.0 cannot carry (C0 controls but tab,
 * line feed and carriage return; U+FFFE, U+FFFF) left out. Apostrophes stay as they are, so a
 * formula reads `'Biểu 01'!$B$8` in the file as in Excel.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Anything `escapeXml` changes (most texts have nothing). */
// eslint-disable-next-line no-control-regex
const ESCAPED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF&<>"]/;

export function escapeXml(s: string): string {
  if (!ESCAPED.test(s)) return s;
  return s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
