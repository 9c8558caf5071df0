/**
 * Counting the tables from the document registers: each register row is given the column it counts
 * in, per table, by the pack's counting rules (`count` on an entry column, `notCounted` on a
 * template; see docs/packs.md), or the reason it counts nowhere. Names are compared as plain text
 * after `foldText` — never as a pattern. A row that belongs in a table but whose column cannot be
 * decided (no column fits, or two do) is unclassified, with why; it is never guessed.
 *
 * The period does not change a row's column, only whether it is counted: the workbook counts with
 * COUNTIFS over the register sheet and the table's own period cells, so another period is a recount.
 */
import type { CountRule, CrossTableEquality, EntryColumn, NotCountedRule, Template, Text } from '../forms/template';
import { entryColumns } from '../forms/template';
import type { Register, RegisterKind, RegisterRow } from './register';
import { countDate } from './register';
import { foldText, parseSymbol, typeFromName, type DocumentSymbol } from './symbol';
import { daysInclusive, formatDdMmYyyy } from '../dates';
import { periodTest } from './count-findings';


/** One register given to the count, with the body that keeps it when the clerk names one (`--body`). */
export interface CountSource {
  register: Register;
  /** An entry column id (`local.peoplesCommittee`): the body whose register this is. */
  body?: string;
}

export interface Period {
  from: string;
  to: string;
}

/** Where one row lands. */
export interface RowCount {
  row: RegisterRow;
  /** The date it is counted by (arrival date for incoming), ISO, or null. */
  date: string | null;
  symbol: DocumentSymbol | null;
  /** The type abbreviation used (symbol, else the "Loại văn bản" column), if any. */
  type?: string;
  /** template id → column id. */
  columns: Record<string, string>;
  /** In the tables, whatever the period: `counted` (has a column), `notCounted`, `unclassified`. */
  state: 'counted' | 'notCounted' | 'unclassified';
  /** Why it lands there (the register sheet's last column). */
  why: Text;
}

export interface RegisterCount {
  source: CountSource;
  rows: RowCount[];
}

// ---------------------------------------------------------------------------------------------
// Matching names

interface FoldedMatcher {
  names: string[];
  prefixes: string[];
  contains: string[];
}

const FOLDED = new WeakMap<object, FoldedMatcher>();

function folded(m: CountRule | NotCountedRule): FoldedMatcher {
  let f = FOLDED.get(m);
  if (!f) {
    const fold = (xs: string[] | undefined): string[] => (xs ?? []).map(foldText).filter((x) => x !== '');
    f = { names: fold(m.names), prefixes: fold(m.prefixes), contains: fold(m.contains) };
    FOLDED.set(m, f);
  }
  return f;
}

/**
 * How well `key` (folded) fits: 3000 + its length for a name, 2000 + the prefix's length for a prefix
 * (whole words), 1000 + the words' length for words contained, 0 for no match. A longer prefix is more
 * precise ("Bộ Chỉ huy Quân sự" before "Bộ"); equal scores are a tie.
 */
export function matchLevel(m: CountRule | NotCountedRule, key: string): number {
  if (key === '') return 0;
  const f = folded(m);
  if (f.names.includes(key)) return 3000 + Math.min(999, key.length);
  let best = 0;
  for (const p of f.prefixes) if ((key === p || key.startsWith(`${p} `)) && p.length > best) best = p.length;
  if (best > 0) return 2000 + Math.min(999, best);
  const spaced = ` ${key} `;
  for (const c of f.contains) if (spaced.includes(` ${c} `) && c.length > best) best = c.length;
  return best > 0 ? 1000 + Math.min(999, best) : 0;
}

const TYPE_KEYS = new WeakMap<CountRule, string[]>();

function hasType(rule: CountRule, type: string | undefined): boolean {
  if (type === undefined || rule.types === undefined) return false;
  let keys = TYPE_KEYS.get(rule);
  if (!keys) TYPE_KEYS.set(rule, (keys = rule.types.map(foldText)));
  return keys.includes(foldText(type));
}

// ---------------------------------------------------------------------------------------------
// One row in one table

type Outcome =
  | { kind: 'column'; column: EntryColumn; why: Text }
  | { kind: 'none' }
  | { kind: 'notCounted'; why: Text }
  | { kind: 'ambiguous'; why: Text };

interface Keys {
  author: string;
  issuer: string;
  authorText: string;
  issuerText: string;
}

interface Target {
  column?: EntryColumn;
  /**
   * What the names decide: a column of its own (Biểu 01's columns), or a group whose columns split
   * the rows by type (Biểu 02's Tỉnh ủy: `g:party`). Two units tied are a tie.
   */
  unit?: string;
  rule: CountRule | NotCountedRule;
}

function unitOf(groupId: string, c: EntryColumn): string {
  return c.count?.types !== undefined || c.count?.rest === true ? `g:${groupId}` : `c:${c.id}`;
}

/** The label of a unit of `t` (`g:` a group, `c:` a column). */
function unitLabel(t: Template, unit: string): Text {
  for (const g of t.groups) {
    if (unit === `g:${g.id}`) return g.label;
    for (const c of g.columns) if (c.kind === 'entry' && unitOf(g.id, c) === unit) return labelOf(t, c);
  }
  return { vi: unit, en: unit };
}

/** A column's label, with its group's in front when another group has a column of the same label (Biểu 02's "Báo cáo"). */
function labelOf(t: Template, c: EntryColumn): Text {
  const g = t.groups.find((x) => x.columns.includes(c));
  const repeated = g !== undefined && t.groups.some((x) => x !== g && x.columns.some((y) => y.label.vi === c.label.vi));
  return repeated && g ? { vi: `${g.label.vi} – ${c.label.vi}`, en: `${g.label.en} – ${c.label.en}` } : c.label;
}

function unitIn(t: Template, columnId: string): string | undefined {
  for (const g of t.groups) {
    const c = g.columns.find((x) => x.id === columnId);
    if (!c) continue;
    if (c.kind === 'entry') return unitOf(g.id, c);
    // A sum column (Biểu 02's "Cộng"): the group it adds up.
    return `g:${g.id}`;
  }
  return undefined;
}

/**
 * The unit of `t` that the register's body stands for: the body column's own when it is in `t`;
 * else the one a cross rule ties to it (Biểu 02's Ủy ban nhân dân group to Biểu 01's column);
 * `absent` when the body has none in `t` (a commune's register has no group in Biểu 02).
 */
function bodyUnit(t: Template, crossRules: readonly CrossTableEquality[], body: string | undefined): string | 'absent' | undefined {
  if (body === undefined) return undefined;
  const own = unitIn(t, body);
  if (own !== undefined) return own;
  for (const r of crossRules) {
    for (const [a, b] of [[r.left, r.right], [r.right, r.left]] as const) {
      if (a.column === body && a.template !== t.id && b.template === t.id) {
        const u = unitIn(t, b.column);
        if (u !== undefined) return u;
      }
    }
  }
  return 'absent';
}

function describeKey(by: 'author' | 'issuer', k: Keys): Text {
  return by === 'author' && k.authorText !== ''
    ? { vi: `tác giả "${k.authorText}"`, en: `author "${k.authorText}"` }
    : { vi: `ký hiệu "/${k.issuerText}"`, en: `symbol issuer "${k.issuerText}"` };
}

function classifyIn(
  t: Template,
  crossRules: readonly CrossTableEquality[],
  kind: RegisterKind,
  keys: Keys,
  type: string | undefined,
  body: string | undefined,
  bodyFallback: boolean,
): Outcome {
  const targets: Target[] = [];
  for (const g of t.groups) for (const c of g.columns) if (c.kind === 'entry' && c.count?.register === kind) targets.push({ column: c, unit: unitOf(g.id, c), rule: c.count });
  for (const n of t.notCounted ?? []) if (n.register === kind) targets.push({ rule: n });
  if (!targets.some((x) => x.column)) return { kind: 'none' };

  // The author first for `by: author` (the symbol's issuer when it is blank or fits nothing); the issuer for `by: issuer`.
  const keyOf = (x: Target, second: boolean): { key: string; by: 'author' | 'issuer' } => {
    const primary = x.rule.by;
    const useAuthor = primary === 'author' ? !second && keys.author !== '' : second;
    return useAuthor ? { key: keys.author, by: 'author' } : { key: keys.issuer, by: 'issuer' };
  };
  let best = 0;
  let tied: Target[] = [];
  let via: Text = { vi: '', en: '' };
  for (const second of [false, true]) {
    for (const x of targets) {
      const k = keyOf(x, second);
      const level = matchLevel(x.rule, k.key);
      if (level > best) {
        best = level;
        tied = [x];
        via = describeKey(k.by, keys);
      } else if (level === best && level > 0) tied.push(x);
    }
    if (best > 0) break;
  }
  const bu = bodyUnit(t, crossRules, body);
  const bodyName = bu === undefined || bu === 'absent' ? { vi: body ?? '', en: body ?? '' } : unitLabel(t, bu);
  const bodyWhy: Text = { vi: `cơ quan của sổ: ${bodyName.vi}`, en: `the register's body: ${bodyName.en}` };
  if (best === 0) {
    if (bodyFallback && kind === 'outgoing' && bu !== undefined && bu !== 'absent') return pickByType(t, targets.filter((x) => x.unit === bu), type, bodyWhy);
    return { kind: 'none' };
  }
  const units = new Set(tied.filter((x) => x.column).map((x) => x.unit as string));
  const others = tied.filter((x) => !x.column);
  if (units.size === 1 && others.length === 0) return pickByType(t, tied, type, via);
  if (units.size === 0) return { kind: 'notCounted', why: (others[0].rule as NotCountedRule).reason };
  if (bu !== undefined) {
    if (bu !== 'absent' && units.has(bu)) return pickByType(t, tied.filter((x) => x.unit === bu), type, { vi: `${via.vi}, ${bodyWhy.vi}`, en: `${via.en}, ${bodyWhy.en}` });
    if (bu === 'absent' && others.length > 0) return { kind: 'notCounted', why: (others[0].rule as NotCountedRule).reason };
  }
  const names = [
    ...[...units].map((u) => {
      const cols = tied.filter((x) => x.unit === u && x.column).map((x) => x.column as EntryColumn);
      return u.startsWith('c:') ? labelOf(t, cols[0]) : (t.groups.find((x) => `g:${x.id}` === u)?.label ?? { vi: u, en: u });
    }),
    ...others.map((o) => ({ vi: `ngoài biểu (${(o.rule as NotCountedRule).reason.vi})`, en: `outside the table (${(o.rule as NotCountedRule).reason.en})` })),
  ];
  const hint =
    kind === 'outgoing' && body !== undefined
      ? { vi: `; cơ quan của sổ (${bodyName.vi}) không phải cột nào trong đó`, en: `; the register's body (${bodyName.en}) is none of them` }
      : kind === 'outgoing'
        ? { vi: '; hãy chọn cơ quan của sổ (ô "Cơ quan của sổ", trên dòng lệnh --body)', en: "; name the register's body (the field \"Body of register\", on the command line --body)" }
        : keys.author === ''
          ? { vi: '; sổ không ghi tác giả: tác giả quyết định cột', en: '; the register gives no author, and the author decides the column' }
          : { vi: '', en: '' };
  return {
    kind: 'ambiguous',
    why: {
      vi: `${t.name.vi}: ${via.vi} vừa ${names.map((n) => `"${n.vi}"`).join(' vừa ')}${hint.vi}`,
      en: `${t.name.en}: ${via.en} fits more than one column: ${names.map((n) => `"${n.en}"`).join(', ')}${hint.en}`,
    },
  };
}

/** Within one group's matching columns: the one whose types hold the row's type, else the one taking any type or the rest. */
function pickByType(t: Template, candidates: Target[], type: string | undefined, via: Text): Outcome {
  const cols = candidates.filter((x) => x.column).map((x) => x.column as EntryColumn);
  const typed = cols.filter((c) => hasType(c.count as CountRule, type));
  const typeText = type === undefined ? { vi: 'không rõ loại', en: 'no type' } : { vi: `loại ${type}`, en: `type ${type}` };
  const done = (c: EntryColumn, extra: Text): Outcome => ({
    kind: 'column',
    column: c,
    why: { vi: `${t.name.vi}: ${via.vi}${extra.vi} → ${labelOf(t, c).vi}`, en: `${t.name.en}: ${via.en}${extra.en} → ${labelOf(t, c).en}` },
  });
  if (typed.length === 1) return done(typed[0], { vi: `, ${typeText.vi}`, en: `, ${typeText.en}` });
  if (typed.length > 1) {
    return { kind: 'ambiguous', why: { vi: `${t.name.vi}: ${typeText.vi} có ở ${typed.length} cột`, en: `${t.name.en}: ${typeText.en} is in ${typed.length} columns` } };
  }
  const anyType = cols.filter((c) => c.count?.types === undefined && c.count?.rest !== true);
  const rest = cols.filter((c) => c.count?.rest === true);
  const hasTypedSibling = cols.some((c) => c.count?.types !== undefined);
  if (anyType.length === 1 && !hasTypedSibling) return done(anyType[0], { vi: '', en: '' });
  if (rest.length === 1) return done(rest[0], { vi: `, ${typeText.vi}`, en: `, ${typeText.en}` });
  if (anyType.length === 1) return done(anyType[0], { vi: `, ${typeText.vi}`, en: `, ${typeText.en}` });
  if (cols.length === 0) return { kind: 'none' };
  return {
    kind: 'ambiguous',
    why: {
      vi: `${t.name.vi}: ${via.vi}, ${typeText.vi}: không cột nào nhận (hoặc nhiều cột cùng nhận)`,
      en: `${t.name.en}: ${via.en}, ${typeText.en}: no column takes it (or several do)`,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Rows and registers

function rowKeys(r: RegisterRow, symbol: DocumentSymbol | null): Keys {
  return { author: foldText(r.author), authorText: r.author, issuer: symbol ? foldText(symbol.issuer) : '', issuerText: symbol?.issuer ?? '' };
}

/** The row's type abbreviation: the symbol's, else the "Loại văn bản" column's. */
function rowType(r: RegisterRow, symbol: DocumentSymbol | null): string | undefined {
  if (symbol?.type !== undefined) return symbol.type;
  return r.type !== '' ? typeFromName(r.type, symbol?.grammar) : undefined;
}

/** What one combination of author, issuer and type comes to in the tables. */
interface Decided {
  columns: Record<string, string>;
  whys: Text[];
  countedWhy: Text;
  ambiguous?: Text;
  notCounted?: Text;
}

function decide(templates: readonly Template[], outcomes: Outcome[]): Decided {
  const columns: Record<string, string> = {};
  const whys: Text[] = [];
  let ambiguous: Text | undefined;
  let notCounted: Text | undefined;
  outcomes.forEach((o, i) => {
    if (o.kind === 'column') {
      columns[templates[i].id] = o.column.id;
      whys.push(o.why);
    } else if (o.kind === 'ambiguous') ambiguous ??= o.why;
    else if (o.kind === 'notCounted') notCounted ??= o.why;
  });
  const countedWhy = { vi: whys.map((w) => w.vi).join('; '), en: whys.map((w) => w.en).join('; ') };
  return { columns, whys, countedWhy, ...(ambiguous ? { ambiguous } : {}), ...(notCounted ? { notCounted } : {}) };
}

/** Where a row lands, given what its author, issuer and type come to, and the date it is counted by. */
function rowState(kind: RegisterKind, row: RegisterRow, symbol: DocumentSymbol | null, date: string | null, d: Decided): { state: RowCount['state']; why: Text } {
  if (d.ambiguous) return { state: 'unclassified', why: d.ambiguous };
  if (d.whys.length > 0) {
    if (date !== null) return { state: 'counted', why: d.countedWhy };
    const text = kind === 'incoming' ? row.arrivalText : row.dateText;
    const what = kind === 'incoming' ? { vi: 'Ngày đến', en: 'arrival date' } : { vi: 'ngày văn bản', en: 'document date' };
    return {
      state: 'unclassified',
      why: text === '' ? { vi: `không có ${what.vi}`, en: `no ${what.en}` } : { vi: `${what.vi} "${text}" không đọc được`, en: `${what.en} "${text}" cannot be read` },
    };
  }
  if (d.notCounted) return { state: 'notCounted', why: d.notCounted };
  const by =
    row.author !== ''
      ? { vi: `tác giả "${row.author}"`, en: `author "${row.author}"` }
      : symbol
        ? { vi: `ký hiệu "${symbol.text}"`, en: `symbol "${symbol.text}"` }
        : row.symbol === ''
          ? { vi: 'không có số, ký hiệu', en: 'no symbol' }
          : { vi: `số, ký hiệu "${row.symbol}" không đọc được`, en: `symbol "${row.symbol}" cannot be read` };
  return { state: 'unclassified', why: { vi: `${by.vi}: không cột nào của biểu nhận`, en: `${by.en}: no column of the tables takes it` } };
}

/** Every row of one register in the tables of `templates` (period left aside). */
export function classifyRegister(templates: readonly Template[], crossRules: readonly CrossTableEquality[], source: CountSource): RegisterCount {
  const { register, body } = source;
  // Rows with the same author, issuer and type land alike: each combination is decided once, and
  // its columns and why are built once (shared by its rows, never changed afterwards).
  const decided = new Map<string, Decided>();
  const rows = register.rows.map((row): RowCount => {
    const symbol = parseSymbol(row.symbol);
    const type = rowType(row, symbol);
    const memo = `${row.author}\u0000${symbol?.issuer ?? ''}\u0000${type ?? ''}`;
    let d = decided.get(memo);
    if (!d) {
      const keys = rowKeys(row, symbol);
      // The register's body stands in only for an issuer no table knows (or no symbol at all).
      let outcomes = templates.map((t) => classifyIn(t, crossRules, register.kind, keys, type, body, false));
      if (body !== undefined && outcomes.every((o) => o.kind === 'none')) outcomes = templates.map((t) => classifyIn(t, crossRules, register.kind, keys, type, body, true));
      d = decide(templates, outcomes);
      decided.set(memo, d);
    }
    const date = countDate(register.kind, row);
    const { state, why } = rowState(register.kind, row, symbol, date, d);
    return type !== undefined ? { row, date, symbol, type, columns: d.columns, state, why } : { row, date, symbol, columns: d.columns, state, why };
  });
  return { source, rows };
}

/** The JSON `bieumau count --json` prints (docs/count.md). */
export interface CountJson {
  output: string;
  period: { from: string; to: string; days: number };
  registers: { file: string; kind: RegisterKind; rows: number; counted: number; outside: number }[];
  counts: { table: string; column: string; value: number }[];
  unclassified: { file: string; row: number; symbol: string; author: string; reason: string }[];
  notCounted: { file: string; row: number; symbol: string; reason: string }[];
}

export interface CountSummary {
  counts: CountJson['counts'];
  registers: CountJson['registers'];
  unclassified: (CountJson['unclassified'][number] & { why: Text })[];
  notCounted: (CountJson['notCounted'][number] & { why: Text })[];
}

const OUTSIDE = (p: Period, date: string): Text => ({
  vi: `ngoài kỳ ${formatDdMmYyyy(p.from)}–${formatDdMmYyyy(p.to)} (ngày ${formatDdMmYyyy(date)})`,
  en: `outside the period ${p.from}..${p.to} (dated ${date})`,
});

/** The figures of the period: each counted column's value, and the rows listed (unclassified, not counted), in file order. */
export function summarise(templates: readonly Template[], classified: readonly RegisterCount[], p: Period, lang: 'vi' | 'en' = 'vi'): CountSummary {
  const value = new Map<string, number>();
  for (const t of templates) for (const c of entryColumns(t)) if (c.count) value.set(`${t.id}\u0000${c.id}`, 0);
  const out: CountSummary = { counts: [], registers: [], unclassified: [], notCounted: [] };
  const isIn = periodTest(p);
  // What a row's columns add to (the counted ones' keys), once per columns object: rows alike share one.
  const keysOf = new Map<Record<string, string>, { any: boolean; keys: string[] }>();
  const addsTo = (columns: Record<string, string>): { any: boolean; keys: string[] } => {
    let k = keysOf.get(columns);
    if (k === undefined) {
      const all = Object.entries(columns).map(([tid, cid]) => `${tid}\u0000${cid}`);
      keysOf.set(columns, (k = { any: all.length > 0, keys: all.filter((x) => value.has(x)) }));
    }
    return k;
  };
  for (const rc of classified) {
    const reg = rc.source.register;
    let counted = 0;
    let outside = 0;
    for (const r of rc.rows) {
      const inside = isIn(r.date);
      if (r.date !== null && !inside) {
        outside++;
        const why = OUTSIDE(p, r.date);
        out.notCounted.push({ file: reg.file, row: r.row.row, symbol: r.row.symbol, reason: why[lang], why });
        continue;
      }
      if (r.state === 'unclassified') out.unclassified.push({ file: reg.file, row: r.row.row, symbol: r.row.symbol, author: r.row.author, reason: r.why[lang], why: r.why });
      else if (r.state === 'notCounted') out.notCounted.push({ file: reg.file, row: r.row.row, symbol: r.row.symbol, reason: r.why[lang], why: r.why });
      if (!inside) continue;
      const adds = addsTo(r.columns);
      if (!adds.any) continue;
      counted++;
      for (const k of adds.keys) value.set(k, (value.get(k) ?? 0) + 1);
    }
    out.registers.push({ file: reg.file, kind: reg.kind, rows: reg.rows.length, counted, outside });
  }
  for (const t of templates) for (const c of entryColumns(t)) if (c.count) out.counts.push({ table: t.id, column: c.id, value: value.get(`${t.id}\u0000${c.id}`) ?? 0 });
  return out;
}

export function periodJson(p: Period): CountJson['period'] {
  return { from: p.from, to: p.to, days: daysInclusive(p.from, p.to) };
}

/** The entry columns of the outgoing registers' bodies (`--body COLUMN_ID=…` takes one of these). */
export function bodyColumns(templates: readonly Template[]): string[] {
  const out: string[] = [];
  for (const t of templates) for (const c of entryColumns(t)) if (c.count?.register === 'outgoing' && c.count.by === 'issuer' && !out.includes(c.id)) out.push(c.id);
  return out;
}

/** The templates that have counting rules. */
export function countedTemplates(templates: readonly Template[]): Template[] {
  return templates.filter((t) => entryColumns(t).some((c) => c.count !== undefined));
}
