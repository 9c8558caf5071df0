/**
 * The notes of a comparison with earlier periods (Kiểm tra, "So với các kỳ trước…"), as the pane
 * and the web page list them: the note on the workbook itself as it is, a file left out as
 * `skipped` words it ("Bỏ qua {file}: {reason}"). Pure.
 */
import type { HistoryResult } from '../../core/history/history';
import { format } from '../i18n';

export function historyNoteLines(result: HistoryResult, skipped: string, lang: 'vi' | 'en'): string[] {
  return result.notes.map((n) => (n.file === null ? n.message[lang] : format(skipped, { file: n.file, reason: n.message[lang] })));
}
