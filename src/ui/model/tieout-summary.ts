/**
 * The status line after a tie-out (Đối chiếu báo cáo, pane and web page alike): the report's name,
 * its errors and warnings, the figures matched, what was read of the report and the tables found
 * in it. Pure.
 */
import type { TieOutOutcome } from '../tieout-engine';
import { formatNumberIn } from '../../core/numbers';
import { format, type Language } from '../i18n';
import { TIEOUT_STRINGS } from '../tieout-strings';

export function tieOutSummary(file: string, out: Exclude<TieOutOutcome, { reason: unknown }>, lang: Language): string {
  const s = TIEOUT_STRINGS[lang];
  const n = (x: number): string => formatNumberIn(x, lang);
  const errors = out.result.findings.filter((f) => f.severity === 'error').length;
  return format(s.summary, {
    file,
    errors: n(errors),
    warnings: n(out.result.findings.length - errors),
    matched: n(out.result.matched.length),
    paragraphs: n(out.paragraphs),
    tables: n(out.tables),
    found: out.result.documentTables.length > 0 ? out.result.documentTables.join(', ') : s.none,
  });
}
