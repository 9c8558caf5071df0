/**
 * The words of the comparison with earlier periods (`core/history/history`): a warning's sentence on a
 * flagged figure (what it counts, this period's level, the earlier periods', the change), the
 * rates and factors as it writes them, the columns' labels. Pure.
 */
import type { Template, Text } from '../forms/template';
import { entryColumns } from '../forms/template';
import { STANDARD_PACK_ID } from '../forms/pack';
import { EN_SEPARATORS, VI_SEPARATORS, formatNumber, type Separators } from '../numbers';
import type { Verdict } from './history-stats';
import type { ComparisonRow } from './history';


/** What the standard tables count, for the messages; a pack's tables say no noun. */
const NOUNS: Record<string, Text> = {
  b01: { vi: 'văn bản', en: 'documents' },
  b02: { vi: 'văn bản', en: 'documents' },
  b03: { vi: 'cuộc họp', en: 'meetings' },
  b04: { vi: 'thủ tục', en: 'procedures' },
};

export function nounOf(packId: string, templateId: string): Text {
  return packId === STANDARD_PACK_ID ? (NOUNS[templateId] ?? { vi: '', en: '' }) : { vi: '', en: '' };
}

/** A rate with two significant digits below 10 (`0,29`, `2,9`), one decimal up to 100, none above. */
export function rateText(x: number, sep: Separators): string {
  const a = Math.abs(x);
  let decimals = 0;
  if (a > 0 && a < 1) decimals = Math.min(6, 1 - Math.floor(Math.log10(a)));
  else if (a < 100) decimals = 1;
  return formatNumber(x, sep, decimals);
}

/** A factor with exactly one decimal: `10,0`, `2,9`. */
export function factorText(x: number, sep: Separators): string {
  const s = formatNumber(Math.round(x * 10) / 10, sep, 1);
  return s.includes(sep.decimal) ? s : `${s}${sep.decimal}0`;
}

export function columnLabel(template: Template, columnId: string): Text {
  const entries = entryColumns(template);
  const col = entries.find((c) => c.id === columnId);
  if (!col) return { vi: columnId, en: columnId };
  const group = template.groups.find((g) => g.columns.some((c) => c.id === columnId));
  const unique = entries.filter((c) => c.label.vi === col.label.vi).length === 1;
  if (unique || !group || group.label.vi === col.label.vi) return col.label;
  return { vi: `${group.label.vi} – ${col.label.vi}`, en: `${group.label.en} – ${col.label.en}` };
}

/** The warning on a flagged figure: this period's, the usual level, the change (and the score), what to do. */
export function message(row: ComparisonRow, v: Verdict, stock: boolean, days: number, noun: Text, n: number): Text {
  const out = { vi: '', en: '' };
  for (const lang of ['vi', 'en'] as const) {
    const sep = lang === 'vi' ? VI_SEPARATORS : EN_SEPARATORS;
    const num = (x: number): string => formatNumber(x, sep, 0);
    const rate = (x: number): string => rateText(x, sep);
    const x = row.current.rate as number;
    const value = row.current.value as number;
    const nounSp = noun[lang] ? ` ${noun[lang]}` : '';
    const perDay = lang === 'vi' ? `${nounSp}/ngày` : noun.en ? ` ${noun.en}/day` : ' per day';
    const usualPerDay = lang === 'vi' ? '/ngày' : '/day';
    const level = n === 1 ? (lang === 'vi' ? 'mức kỳ trước' : "the earlier period's level") : lang === 'vi' ? 'mức các kỳ trước' : "the earlier periods' level";
    const usual = stock ? num(v.usual) : `${rate(v.usual)}${usualPerDay}`;
    const now = stock
      ? `${num(value)}${nounSp}`
      : lang === 'vi'
        ? `${num(value)}${nounSp} trong ${num(days)} ngày (${rate(x)}${perDay})`
        : `${num(value)}${nounSp} in ${num(days)} days (${rate(x)}${perDay})`;
    let change: string;
    if (v.usual <= 0) change = lang === 'vi' ? `trong khi ${level} là 0` : `while ${level} was 0`;
    else if (x <= 0) change = lang === 'vi' ? `giảm về 0 so với ${level} (${usual})` : `down to 0 from ${level} (${usual})`;
    else if (x >= v.usual) change = lang === 'vi' ? `gấp ${factorText(x / v.usual, sep)} lần ${level} (${usual})` : `${factorText(x / v.usual, sep)} times ${level} (${usual})`;
    else change = lang === 'vi' ? `giảm còn 1/${factorText(v.usual / x, sep)} ${level} (${usual})` : `down to 1/${factorText(v.usual / x, sep)} of ${level} (${usual})`;
    const score =
      v.method === 'robust' && v.score !== null
        ? lang === 'vi'
          ? `; điểm z hiệu chỉnh ${factorText(v.score, sep)} so với ${num(n)} kỳ trước`
          : `; modified z-score ${factorText(v.score, sep)} over ${num(n)} earlier periods`
        : '';
    const check = lang === 'vi' ? ' Kiểm tra lại số liệu; nếu đúng thì bỏ qua cảnh báo này.' : ' Check the figure; if it is right, ignore this warning.';
    out[lang] = `${row.label[lang]}: ${now}, ${change}${score}.${check}`;
  }
  return out;
}

