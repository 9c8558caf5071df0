/**
 * Document symbols (số, ký hiệu) and the plain-text folding every name in a register and in a pack
 * is compared after. Pure: no regular expression is ever built from a register's or a pack's text.
 *
 * Two grammars:
 * - state documents (Decree 30/2020, Appendix III): `NUMBER[/YEAR]/TYPE-ISSUER[-UNIT…]` —
 *   `824/QĐ-UBND`, `05/2019/NQ-HĐND`, `30191/TB-SNNMT-BTTĐC`; an official letter has no type:
 *   `NUMBER/ISSUER-UNIT` — `123/UBND-VX` (its type is "văn bản khác");
 * - Party documents: `NUMBER-TYPE/ISSUER` — `52-BC/TU`, `18541-CV/VPTW`, `57-NQ/TW`, `08-QĐi/TW`.
 * Spaces around `-` and `/` are ignored; `đ` and `Đ` (and the look-alike `Ð`) are the same letter.
 */

/** Type abbreviations of state documents (Decree 30/2020, Appendix III, and the legal documents' NĐ, TT). */
export const STATE_TYPES: readonly string[] = [
  'NQ', 'QĐ', 'CT', 'QC', 'QyĐ', 'TC', 'TB', 'HD', 'CTr', 'KH', 'PA', 'ĐA', 'DA', 'BC', 'BB', 'TTr', 'HĐ', 'CĐ',
  'BGN', 'BTT', 'GUQ', 'GM', 'GGT', 'GNP', 'PG', 'PC', 'PB', 'NĐ', 'TT', 'TTLT', 'GXN',
];

/** Type abbreviations of Party documents (`QĐi` is Quy định, `QĐ` Quyết định). */
export const PARTY_TYPES: readonly string[] = [
  'NQ', 'CT', 'QĐ', 'QĐi', 'KL', 'BC', 'TB', 'HD', 'KH', 'CTr', 'TTr', 'CV', 'QC', 'TT', 'ĐA', 'PA', 'BB', 'GGT', 'GCN', 'GM', 'TC',
];

/** The Vietnamese name of each type abbreviation (what the register sheet shows). */
export const TYPE_NAMES: Readonly<Record<string, string>> = {
  NQ: 'Nghị quyết', QĐ: 'Quyết định', CT: 'Chỉ thị', QC: 'Quy chế', QyĐ: 'Quy định', QĐi: 'Quy định', TC: 'Thông cáo',
  TB: 'Thông báo', HD: 'Hướng dẫn', CTr: 'Chương trình', KH: 'Kế hoạch', PA: 'Phương án', ĐA: 'Đề án', DA: 'Dự án',
  BC: 'Báo cáo', BB: 'Biên bản', TTr: 'Tờ trình', HĐ: 'Hợp đồng', CĐ: 'Công điện', BGN: 'Bản ghi nhớ', BTT: 'Bản thỏa thuận',
  GUQ: 'Giấy ủy quyền', GM: 'Giấy mời', GGT: 'Giấy giới thiệu', GNP: 'Giấy nghỉ phép', PG: 'Phiếu gửi', PC: 'Phiếu chuyển',
  PB: 'Phiếu báo', NĐ: 'Nghị định', TT: 'Thông tư', TTLT: 'Thông tư liên tịch', GXN: 'Giấy xác nhận', KL: 'Kết luận',
  CV: 'Công văn', GCN: 'Giấy chứng nhận',
};

/** Old-style tone placement ("Uỷ", "hoà") written as the new style ("Ủy", "hòa"), both ways the same after folding. */
const TONE_MOVES: readonly [string, string][] = [
  ['oà', 'òa'], ['oá', 'óa'], ['oả', 'ỏa'], ['oã', 'õa'], ['oạ', 'ọa'],
  ['oè', 'òe'], ['oé', 'óe'], ['oẻ', 'ỏe'], ['oẽ', 'õe'], ['oẹ', 'ọe'],
  ['uỳ', 'ùy'], ['uý', 'úy'], ['uỷ', 'ủy'], ['uỹ', 'ũy'], ['uỵ', 'ụy'],
];

const PLAIN = /^[!-~\u0110\u0111]*$/;

/**
 * Text as names are compared: NFC, `Ð` (U+00D0) as `Đ`, lower case, old-style tone placement moved,
 * every run of white space (no-break spaces included) one space, trimmed.
 */
export function foldText(s: string): string {
  // Printable ASCII and `Đ`/`đ` without spaces (most symbols): nothing to normalise, fold or move.
  if (PLAIN.test(s)) return s.toLowerCase();
  let t = s.normalize('NFC').replace(/\u00d0/g, 'Đ').replace(/\u00f0/g, 'đ').toLowerCase();
  t = t.replace(/[\s\u00a0\u2007\u202f\ufeff]+/g, ' ').trim();
  for (const [from, to] of TONE_MOVES) if (t.includes(from)) t = t.split(from).join(to);
  return t;
}

const STATE_BY_FOLD = new Map(STATE_TYPES.map((t) => [foldText(t), t]));
const PARTY_BY_FOLD = new Map(PARTY_TYPES.map((t) => [foldText(t), t]));
/** The listed type a written abbreviation stands for, by grammar; the same few texts again and again. */
const STATE_SEEN = new Map<string, string | null>();
const PARTY_SEEN = new Map<string, string | null>();

function listedType(written: string, grammar: SymbolGrammar): string | undefined {
  const seen = grammar === 'party' ? PARTY_SEEN : STATE_SEEN;
  let t = seen.get(written);
  if (t === undefined) {
    t = (grammar === 'party' ? PARTY_BY_FOLD : STATE_BY_FOLD).get(foldText(written)) ?? null;
    if (seen.size < 10000) seen.set(written, t);
  }
  return t ?? undefined;
}

export type SymbolGrammar = 'state' | 'party';

export interface DocumentSymbol {
  /** The symbol as read, spaces around `-` and `/` removed, `Đ` made one letter, in NFC. */
  text: string;
  grammar: SymbolGrammar;
  number: string;
  /** The year of a state legal document (`05/2019/NQ-HĐND`). */
  year?: string;
  /** The type abbreviation as listed (`QĐi`, `QyĐ`), or as written when it is not in the list; absent for an official letter. */
  type?: string;
  /** Is `type` one of the grammar's listed abbreviations? */
  knownType: boolean;
  /** The issuing body's abbreviation (`UBND`, `TU`, `TW`, `SNNMT`). */
  issuer: string;
  /** What follows the issuer (`VX`, `BTTĐC`). */
  units: string[];
}

/** Printable ASCII and `Đ`/`đ`, no space: nothing to clean (NFC as it is). */
const PLAIN_SYMBOL = /^[!-~\u0110\u0111]+$/;

/** A symbol's letters part: letters (any script), digits, `&` and `.`; nothing else. */
const PART = /^[\p{L}\p{N}&.]+$/u;
function isPart(s: string): boolean {
  return PART.test(s);
}

/**
 * Reads a symbol in either grammar; null when it is neither (blank, free text, no number).
 * Never throws.
 */
export function parseSymbol(raw: string): DocumentSymbol | null {
  if (typeof raw !== 'string') return null;
  // Most symbols need no cleaning: printable ASCII (no spaces), or already clean, no spaces, no dash look-alikes.
  const clean = PLAIN_SYMBOL.test(raw) || (!UNCLEAN.test(raw) && raw === raw.normalize('NFC'));
  const text = clean ? raw : cleanSymbol(raw);
  if (text === '' || SPACE.test(text)) return null;
  const party = PARTY.exec(text);
  if (party) {
    const typeRaw = party[2];
    const parts = party[3].split(PARTY_SEPARATORS);
    if (!isPart(typeRaw) || !allParts(parts)) return null;
    const known = listedType(typeRaw, 'party');
    return { text: canonical(text), grammar: 'party', number: party[1], type: known ?? upperD(typeRaw), knownType: known !== undefined, issuer: upperD(parts[0]), units: unitsOf(parts, 1) };
  }
  const state = STATE.exec(text);
  if (!state) return null;
  const year = state[2];
  const parts = state[3].split('-');
  if (!allParts(parts)) return null;
  const known = listedType(parts[0], 'state');
  const withType = known !== undefined && parts.length >= 2;
  // Without a listed type first: an official letter (công văn), NUMBER/ISSUER-UNIT.
  // Built in the order of the fields above (text, grammar, number, year, type, knownType, issuer, units).
  const out: Partial<DocumentSymbol> = year !== undefined ? { text: canonical(text), grammar: 'state', number: state[1], year } : { text: canonical(text), grammar: 'state', number: state[1] };
  if (withType) out.type = known;
  out.knownType = withType;
  out.issuer = upperD(parts[withType ? 1 : 0]);
  out.units = unitsOf(parts, withType ? 2 : 1);
  return out as DocumentSymbol;
}

const UNCLEAN = /[\s\u00a0\u2007\u202f\ufeff\u00d0\u00f0\u2010-\u2015\u2212]/;
const SPACE = /\s/;
const PARTY = /^(\d+)-([^/-]+)\/(.+)$/u;
const PARTY_SEPARATORS = /[-/]/;
const STATE = /^(\d+)(?:\/(\d{4}))?\/(.+)$/u;

/** Spaces around `-` and `/` removed, dash look-alikes as `-`, `Ð` as `Đ`, in NFC. */
function cleanSymbol(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\u00d0/g, 'Đ')
    .replace(/\u00f0/g, 'đ')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\s\u00a0\u2007\u202f\ufeff]*([-/])[\s\u00a0\u2007\u202f\ufeff]*/g, '$1')
    .trim();
}

function allParts(parts: readonly string[]): boolean {
  for (const p of parts) if (p === '' || !isPart(p)) return false;
  return true;
}

function unitsOf(parts: readonly string[], from: number): string[] {
  const out: string[] = [];
  for (let i = from; i < parts.length; i++) out.push(upperD(parts[i]));
  return out;
}

/** `đ` written as `Đ` in an abbreviation otherwise in capitals (`UBNDđ` → `UBNDĐ`); other parts as written. */
function upperD(s: string): string {
  if (!s.includes('đ')) return s;
  const d = s.replace(/đ/g, 'Đ');
  return d === d.toUpperCase() ? d : s;
}

function canonical(text: string): string {
  if (!text.includes('đ')) return text;
  return text
    .split('/')
    .map((seg) => seg.split('-').map(upperD).join('-'))
    .join('/');
}

/** The type abbreviation of a type's name as a register's "Loại văn bản" column writes it ("Quyết định" → QĐ). */
export function typeFromName(name: string, grammar: SymbolGrammar | undefined): string | undefined {
  const f = foldText(name);
  if (f === '') return undefined;
  if (f === foldText('Quy định')) return grammar === 'party' ? 'QĐi' : 'QyĐ';
  for (const [abbr, vi] of Object.entries(TYPE_NAMES)) if (foldText(vi) === f && abbr !== 'QĐi' && abbr !== 'QyĐ') return abbr;
  // The abbreviation itself typed in the column.
  return STATE_BY_FOLD.get(f) ?? PARTY_BY_FOLD.get(f);
}
