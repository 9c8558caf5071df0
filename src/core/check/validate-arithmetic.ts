/**
 * The arithmetic of the validation engine (`core/check/validate`): the rules within a row
 * (`row.<rule id>`) and the equalities between tables (`cross.*`), per unit where both tables are
 * consolidations of the same units.
 */
import type { Column, CrossTableEquality, RowRule, Text } from '../forms/template';
import { columnsOf } from '../forms/template';
import type { BoundCrossRule } from '../forms/catalog';
import { STANDARD_PACK_ID } from '../forms/pack';
import type { CellRead } from '../tables/table-read';
import type { CellRef, Finding } from './findings';
import { severityOf } from './rules';
import { type Ctx, type TableState, ref, viNum, enNum, columnLabel, rowLabel } from './validate-shared';
import { firstCellOf } from './validate-structure';

/** The value of a column in data row i, when every cell it depends on holds a valid count. */
export function rowValue(s: TableState, c: Column, i: number): number | null {
  if (c.kind === 'entry') {
    const e = s.entries.get(c.id)?.[i];
    return e !== undefined && e >= 0 ? e : null;
  }
  if (c.kind === 'sum') {
    let sum = 0;
    for (const id of c.of) {
      const e = s.entries.get(id)?.[i];
      if (e !== undefined && e >= 0) sum += e;
      else {
        const sub = columnsOf(s.template).find((x) => x.id === id);
        const v = sub && sub.kind === 'sum' ? rowValue(s, sub, i) : null;
        if (v === null) return null;
        sum += v;
      }
    }
    return sum;
  }
  return null;
}

/** The total of a column over the data rows and the cell that shows it. */
export function columnTotal(s: TableState, columnId: string): { value: number | null; cell: CellRead } | null {
  const c = columnsOf(s.template).find((x) => x.id === columnId);
  if (!c || c.kind === 'ratio') return null;
  const r = s.read;
  const cell = r.totals ? r.totals[columnId] : r.columns[columnId]?.[0];
  if (!cell) return null;
  let total = 0;
  for (let i = 0; i < r.rowLabels.length; i++) {
    if (s.kinds[i] !== 'unit') continue;
    const v = rowValue(s, c, i);
    if (v === null) return { value: null, cell };
    total += v;
  }
  return { value: total, cell };
}

export function arithmetic(rule: string, cells: CellRef[], left: number, right: number, message: Text): Finding {
  return { rule, severity: severityOf(rule), cells, message, left, right, difference: left - right };
}

export function checkRowRules(s: TableState, ctx: Ctx, out: Finding[]): void {
  const t = s.template;
  const r = s.read;
  const byId = new Map(columnsOf(t).map((c) => [c.id, c]));
  const valueOf = (id: string, i: number): number | null => {
    const c = byId.get(id);
    return c ? rowValue(s, c, i) : null;
  };
  const sep = ctx.user;
  for (const rule of (t.rules ?? []) as RowRule[]) {
    for (let i = 0; i < r.rowLabels.length; i++) {
      if (s.kinds[i] !== 'unit') continue;
      const row = rowLabel(s, i);
      const rowVi = row ? ` — ${row.vi}` : '';
      const rowEn = row ? ` — ${row.en}` : '';
      if (rule.kind === 'atMost') {
        const small = valueOf(rule.small, i);
        const large = valueOf(rule.large, i);
        const sc = r.columns[rule.small]?.[i];
        const lc = r.columns[rule.large]?.[i];
        if (small === null || large === null || !sc || !lc || small <= large) continue;
        out.push(
          arithmetic(`row.${rule.id}`, [ref(sc), ref(lc)], small, large, {
            vi: `${rule.label.vi}${rowVi}: ${columnLabel(t, rule.small).vi} = ${viNum(small, sep)} lớn hơn ${columnLabel(t, rule.large).vi} = ${viNum(large, sep)} (chênh lệch ${viNum(small - large, sep)}).`,
            en: `${rule.label.en}${rowEn}: ${columnLabel(t, rule.small).en} = ${enNum(small, sep)} exceeds ${columnLabel(t, rule.large).en} = ${enNum(large, sep)} (difference ${enNum(small - large, sep)}).`,
          }),
        );
      } else {
        const whole = valueOf(rule.whole, i);
        const parts = rule.parts.map((p) => valueOf(p, i));
        const wc = r.columns[rule.whole]?.[i];
        const pcs = rule.parts.map((p) => r.columns[p]?.[i]);
        if (whole === null || parts.some((p) => p === null) || !wc || pcs.some((p) => !p)) continue;
        const sum = (parts as number[]).reduce((a, b) => a + b, 0);
        if (sum === whole) continue;
        out.push(
          arithmetic(`row.${rule.id}`, [ref(wc), ...(pcs as CellRead[]).map(ref)], whole, sum, {
            vi: `${rule.label.vi}${rowVi}: ${columnLabel(t, rule.whole).vi} = ${viNum(whole, sep)}, tổng các phần = ${viNum(sum, sep)} (chênh lệch ${viNum(whole - sum, sep)}).`,
            en: `${rule.label.en}${rowEn}: ${columnLabel(t, rule.whole).en} = ${enNum(whole, sep)}, sum of the parts = ${enNum(sum, sep)} (difference ${enNum(whole - sum, sep)}).`,
          }),
        );
      }
    }
  }
}

export function samePeriod(a: TableState, b: TableState): boolean {
  return a.period !== null && b.period !== null && a.period.from === b.period.from && a.period.to === b.period.to;
}

/**
 * Rules between tables. Each table on the left (Biểu 02) is compared with the table of the right
 * kind (Biểu 01). When the workbook holds several of that kind (`Biểu 01` and its copy
 * `Biểu 01 (2)`), the ones of the same report period as the left table are used; if that still
 * leaves several (or none has its period), the left table is compared with every one of them —
 * an error is never hidden by a second copy — and one `cross.ambiguous` warning names them.
 */
export function packOf(s: TableState): string {
  return s.read.packId ?? STANDARD_PACK_ID;
}

/** Is this table the rule's left (or right) side: same pack, template and, when the rule says, version? */
export function onSide(s: TableState, b: BoundCrossRule, side: 'left' | 'right'): boolean {
  const version = side === 'left' ? b.leftVersion : b.rightVersion;
  return packOf(s) === b.pack && s.template.id === b.rule[side].template && (version === undefined || s.template.version === version);
}

/** Unit rows of a table with their labels (trimmed, NFC); null when some unit row has no label. */
export function unitLabels(s: TableState): { index: number; label: string }[] | null {
  const out: { index: number; label: string }[] = [];
  for (let i = 0; i < s.kinds.length; i++) {
    if (s.kinds[i] !== 'unit') continue;
    const v = s.read.rowLabels[i]?.value;
    if (typeof v !== 'string' || v.trim() === '') return null;
    out.push({ index: i, label: v.normalize('NFC').trim() });
  }
  return out;
}

/**
 * Where both tables have a row per unit (two or more, the same labels in the same order, as a
 * consolidation writes them), the rule holds row by row: a disagreement names its unit.
 */
export function checkPerUnit(left: TableState, right: TableState, rule: CrossTableEquality, ctx: Ctx, push: (f: Finding) => void): void {
  const ll = unitLabels(left);
  const rl = unitLabels(right);
  if (!ll || !rl || ll.length < 2 || ll.length !== rl.length || ll.some((x, k) => x.label !== rl[k].label)) return;
  const lc = columnsOf(left.template).find((c) => c.id === rule.left.column);
  const rc = columnsOf(right.template).find((c) => c.id === rule.right.column);
  if (!lc || !rc) return;
  const sep = ctx.user;
  const lLabel = columnLabel(left.template, lc.id);
  const rLabel = columnLabel(right.template, rc.id);
  ll.forEach((x, k) => {
    const lv = rowValue(left, lc, x.index);
    const rv = rowValue(right, rc, rl[k].index);
    const lcell = left.read.columns[lc.id]?.[x.index];
    const rcell = right.read.columns[rc.id]?.[rl[k].index];
    if (lv === null || rv === null || lv === rv || !lcell || !rcell) return;
    push(
      arithmetic(`cross.${rule.id}`, [ref(lcell), ref(rcell)], lv, rv, {
        vi: `${rule.label.vi} — ${x.label}: ${left.read.sheet} ${lcell.address} ("${lLabel.vi}") là ${viNum(lv, sep)}, nhưng ${right.read.sheet} ${rcell.address} ("${rLabel.vi}") là ${viNum(rv, sep)}; chênh lệch ${viNum(lv - rv, sep)}. Hai số này phải bằng nhau.`,
        en: `${rule.label.en} — ${x.label}: ${left.read.sheet} ${lcell.address} ("${lLabel.en}") is ${enNum(lv, sep)}, but ${right.read.sheet} ${rcell.address} ("${rLabel.en}") is ${enNum(rv, sep)}; difference ${enNum(lv - rv, sep)}. The two figures must be equal.`,
      }),
    );
  });
}

export function checkCrossTables(states: (TableState | null)[], rules: readonly BoundCrossRule[], ctx: Ctx, push: (tableIndex: number, f: Finding) => void): void {
  const sep = ctx.user;
  states.forEach((left, li) => {
    if (!left) return;
    const mine = rules.filter((b) => onSide(left, b, 'left'));
    // One comparison group per kind of right-hand table (pack, template, version).
    const kinds: BoundCrossRule[][] = [];
    for (const b of mine) {
      const group = kinds.find((g) => g[0].pack === b.pack && g[0].rule.right.template === b.rule.right.template && g[0].rightVersion === b.rightVersion);
      if (group) group.push(b);
      else kinds.push([b]);
    }
    for (const group of kinds) {
      const candidates: number[] = [];
      states.forEach((s, i) => {
        if (s && i !== li && onSide(s, group[0], 'right')) candidates.push(i);
      });
      if (candidates.length === 0) continue;
      let chosen = candidates;
      if (candidates.length > 1) {
        const same = candidates.filter((i) => samePeriod(left, states[i] as TableState));
        if (same.length > 0) chosen = same;
      }
      for (const { rule } of group) {
        const lt = columnTotal(left, rule.left.column);
        const ll = columnLabel(left.template, rule.left.column);
        for (const ri of chosen) {
          const right = states[ri] as TableState;
          // Row by row first: a unit left blank (not reported) leaves no column total, but the
          // units that did report are still compared.
          checkPerUnit(left, right, rule, ctx, (f) => push(li, f));
          if (!lt || lt.value === null) continue;
          const lv = lt.value;
          const rt = columnTotal(right, rule.right.column);
          if (!rt || rt.value === null || rt.value === lv) continue;
          const rv = rt.value;
          const rl = columnLabel(right.template, rule.right.column);
          push(
            li,
            arithmetic(`cross.${rule.id}`, [ref(lt.cell), ref(rt.cell)], lv, rv, {
              vi: `${rule.label.vi}: ${left.read.sheet} ${lt.cell.address} ("${ll.vi}") là ${viNum(lv, sep)}, nhưng ${right.read.sheet} ${rt.cell.address} ("${rl.vi}") là ${viNum(rv, sep)}; chênh lệch ${viNum(lv - rv, sep)}. Hai số này phải bằng nhau.`,
              en: `${rule.label.en}: ${left.read.sheet} ${lt.cell.address} ("${ll.en}") is ${enNum(lv, sep)}, but ${right.read.sheet} ${rt.cell.address} ("${rl.en}") is ${enNum(rv, sep)}; difference ${enNum(lv - rv, sep)}. The two figures must be equal.`,
            }),
          );
        }
      }
      if (chosen.length > 1) {
        const rt = (states[chosen[0]] as TableState).template;
        const sheets = chosen.map((i) => (states[i] as TableState).read.sheet);
        const list = sheets.map((s) => `"${s}"`).join(', ');
        const period = left.period !== null && chosen.every((i) => samePeriod(left, states[i] as TableState));
        push(li, {
          rule: 'cross.ambiguous',
          severity: severityOf('cross.ambiguous'),
          cells: [...firstCellOf(left.read), ...chosen.map((i) => firstCellOf((states[i] as TableState).read)[0])],
          message: {
            vi: `${left.read.sheet} được đối chiếu với ${chosen.length} biểu cùng loại ${rt.name.vi}: ${list}${period ? ' (cùng kỳ báo cáo)' : ''}. Một báo cáo chỉ nên có một ${rt.name.vi}; hãy xóa bản thừa, hoặc đặt mỗi báo cáo ở một tệp hay một kỳ báo cáo riêng.`,
            en: `${left.read.sheet} is compared with ${chosen.length} tables of the same kind (${rt.name.en}): ${list}${period ? ' (same report period)' : ''}. A report should hold one ${rt.name.en}; delete the extra copy, or give each report its own file or period.`,
          },
        });
      }
    }
  });
}
