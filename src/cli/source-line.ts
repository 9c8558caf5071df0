/**
 * One line per source in the human output of `consolidate` and `roll-up`: a mark (✓ included,
 * ! included with errors, ✗ left out), the unit, the period when given, the file, the check counts
 * in both languages and why it was left out or flagged.
 */
import { formatRangeVi } from '../core/dates';
import type { SourceResult } from '../core/combine/consolidate';
import { EN_SEPARATORS, VI_SEPARATORS, formatNumber } from '../core/numbers';

export function sourceLine(x: SourceResult, notIncludedVi: string, withPeriod: boolean): string {
  const vi = (n: number): string => formatNumber(n, VI_SEPARATORS);
  const en = (n: number): string => formatNumber(n, EN_SEPARATORS);
  const mark = !x.included ? '✗' : x.errors > 0 ? '!' : '✓';
  const when = withPeriod && x.period ? ` ${formatRangeVi(x.period)}` : '';
  const counts = !x.readable ? '' : ` — ${vi(x.errors)} lỗi, ${vi(x.warnings)} cảnh báo / ${en(x.errors)} errors, ${en(x.warnings)} warnings`;
  const why = x.reason ? ` — ${x.included ? '' : `${notIncludedVi}: `}${x.reason.vi} / ${x.included ? '' : 'not included: '}${x.reason.en}` : '';
  return `${mark} ${x.unit}${when} (${x.file})${counts}${why}`;
}
