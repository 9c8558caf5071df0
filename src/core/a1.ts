/** A1 addresses: plain, no `$`, no sheet prefix. Row and column numbers are 1-based. */

export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 1 || col > 16384) throw new RangeError(`column out of range: ${col}`);
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function address(row: number, col: number): string {
  if (!Number.isInteger(row) || row < 1 || row > 1048576) throw new RangeError(`row out of range: ${row}`);
  return `${columnLetters(col)}${row}`;
}

export interface CellPos {
  row: number;
  col: number;
}

/** The plain `B8` form, read without a regular expression (validation parses thousands of them). */
function parsePlainAddress(a: string): CellPos | null {
  let col = 0;
  let i = 0;
  const len = a.length;
  for (; i < len && i < 4; i++) {
    const ch = a.charCodeAt(i);
    if (ch >= 65 && ch <= 90) col = col * 26 + (ch - 64);
    else break;
  }
  const digitsFrom = i;
  let row = 0;
  for (; i < len; i++) {
    const ch = a.charCodeAt(i);
    if (ch >= 48 && ch <= 57) row = row * 10 + (ch - 48);
    else return null;
  }
  if (digitsFrom === 0 || digitsFrom > 3 || len - digitsFrom < 1 || len - digitsFrom > 7) return null;
  if (col > 16384 || row < 1 || row > 1048576) return null;
  return { row, col };
}

/** Parses `B8` or `$B$8` (no sheet prefix). */
export function parseAddress(a: string): CellPos {
  const plain = parsePlainAddress(a);
  if (plain) return plain;
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a.trim());
  if (!m) throw new Error(`not an A1 cell address: ${a}`);
  const col = columnNumber(m[1]);
  const row = Number(m[2]);
  if (col > 16384 || row < 1 || row > 1048576) throw new Error(`not an A1 cell address: ${a}`);
  return { row, col };
}

export interface RangePos {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Parses `B8:G10`, `B8` or with `$` and an optional `'Sheet'!` prefix (which is dropped). */
export function parseRange(r: string): RangePos {
  const bare = r.includes('!') ? r.slice(r.lastIndexOf('!') + 1) : r;
  const [a, b] = bare.split(':');
  const p = parseAddress(a);
  const q = b === undefined ? p : parseAddress(b);
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

export function rangeAddress(r: RangePos): string {
  const a = address(r.top, r.left);
  const b = address(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

/** Every cell address of a range, row by row. */
export function cellsOf(r: RangePos): string[] {
  const out: string[] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push(address(row, col));
  return out;
}

/**
 * Splits a reference as names and formulas write it (`'Biểu 01 ''Q3'''!$B$8`, `Sheet1!B8`, `B8`,
 * leading `=` allowed) into the sheet it names (quotes undone) and the local part. A quoted sheet
 * name may itself hold `!` or `#REF!`; only the local part says whether the reference is broken.
 */
export function splitSheetRef(text: string): { sheet?: string; local: string } {
  const f = text.trim().replace(/^=/, '');
  if (f.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < f.length) {
      if (f[i] === "'") {
        if (f[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += f[i++];
    }
    if (i < f.length && f[i + 1] === '!') return { sheet: name, local: f.slice(i + 2) };
  }
  // An unquoted sheet name holds neither `#` nor `!`: `#REF!`, `#REF!$B$8` are broken references.
  const bang = f.lastIndexOf('!');
  if (bang < 0 || f.includes('#REF!')) return { local: f };
  return { sheet: f.slice(0, bang), local: f.slice(bang + 1) };
}
