/**
 * So với các kỳ trước (Kiểm tra): the clerk chooses the unit's earlier reports (.xlsx, read in the
 * pane, sent nowhere); the next checks compare the open workbook with them (`compareWithHistory`)
 * and add the `history.outlier` warnings to the findings. A line says which earlier periods were
 * compared and which files were skipped and why; "Bỏ các kỳ trước" forgets the files.
 */
import { useState, type ReactNode } from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { compareWithHistory, type EarlierInput, type HistoryResult } from '../../core/history/history';
import type { WorkbookRead } from '../../core/tables/table-read';
import type { PackCatalog } from '../../core/forms/catalog';
import { formatRangeVi } from '../../core/dates';
import { fileSource } from '../../ui/FilePicker';
import { ChooseFiles } from './ChooseFiles';
import { format } from '../../ui/i18n';
import { NO_EARLIER, useAppStrings, useLang, usePane } from './context';
import type { AppStrings } from './strings';
import type { Language } from '../../ui/i18n';
import { historyNoteLines } from '../../ui/model/history-lines';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: 'center' },
  box: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  line: { overflowWrap: 'anywhere' },
});

/** One chosen earlier file: its tables, or why it cannot be read (never a throw). */
export async function readEarlierFile(file: File, catalog: PackCatalog): Promise<EarlierInput> {
  const { earlierFrom } = await import(/* webpackChunkName: "xlsx-history" */ '../../xlsx/earlier-files');
  return earlierFrom(fileSource(file), catalog);
}

/** The open workbook against the chosen earlier files; null when none is chosen. */
export function historyOf(read: WorkbookRead, inputs: readonly EarlierInput[], catalog: PackCatalog): HistoryResult | null {
  return inputs.length === 0 ? null : compareWithHistory(read, inputs, { templates: catalog });
}

/** "Đã so với: 01/3/2025–15/6/2025 (q2.xlsx)." or that none could be compared. */
export function comparedLine(result: HistoryResult, s: AppStrings): string {
  if (result.compared.length === 0) return s.comparedNone;
  return format(s.comparedWith, { list: result.compared.map((p) => `${formatRangeVi(p)} (${p.file})`).join('; ') });
}

/** Each note as a line: "Bỏ qua other.xlsx: …", or the note on the open workbook itself. */
export function noteLines(result: HistoryResult, s: AppStrings, lang: Language): string[] {
  return historyNoteLines(result, s.skipped, lang);
}

export function EarlierFiles({ busy }: { busy: boolean }): ReactNode {
  const s = useAppStrings();
  const lang = useLang();
  const styles = useStyles();
  const { packs, earlier, setEarlier, announce } = usePane();
  const [reading, setReading] = useState(false);

  const onFiles = async (chosen: File[]): Promise<void> => {
    if (chosen.length === 0) return;
    setReading(true);
    announce(s.readingFiles);
    const read: EarlierInput[] = [];
    for (const f of chosen) read.push(await readEarlierFile(f, packs.catalog));
    setReading(false);
    // Chosen again: the same file name replaces the one read before.
    setEarlier((x) => ({ inputs: [...x.inputs.filter((i) => !read.some((r) => r.file === i.file)), ...read], result: null }));
    announce(format(s.earlierChosen, { count: chosen.length }));
  };

  const onClear = (): void => {
    setEarlier(() => NO_EARLIER);
    announce(s.earlierCleared);
  };

  const result = earlier.result;
  return (
    <div className={styles.box} data-testid="earlier">
      <ChooseFiles
        label={reading ? s.readingFiles : s.compareEarlier}
        hint={s.compareEarlierHint}
        clearLabel={s.earlierClear}
        chosen={earlier.inputs.length > 0}
        disabled={busy || reading}
        inputTestId="earlier-files"
        rowClassName={styles.row}
        onFiles={(files) => void onFiles(files)}
        onClear={onClear}
      />
      {earlier.inputs.length > 0 && (
        <Text size={200} className={styles.line} data-testid="earlier-chosen">
          {format(s.earlierChosen, { count: earlier.inputs.length })} {result ? comparedLine(result, s) : s.compareOnCheck}
        </Text>
      )}
      {result && result.notes.length > 0 && (
        <ul className={styles.notes} data-testid="earlier-notes">
          {noteLines(result, s, lang).map((line, i) => (
            <li key={i} className={styles.line}>
              {line}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
