/**
 * Kiểm tra → "Đối chiếu báo cáo (.docx)…": the Word report chosen here (read in the pane, sent
 * nowhere) tied out against the open workbook's tables, as `bieumau tie-out REPORT.docx
 * WORKBOOK.xlsx` does. Each finding shows its sentence with the figure highlighted and the expected
 * value; a figure compared with a table cell names it, and clicking it selects the cell in Excel.
 * Loaded (with its engine) only when Kiểm tra is shown, so the pane's start is unchanged.
 */
import { useState, type ReactNode } from 'react';
import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { FilePicker, fileBytes } from '../../ui/FilePicker';
import { TieOutView } from '../../ui/TieOutView';
import { TIEOUT_STRINGS } from '../../ui/tieout-strings';
import { tieOutInPage, type TieOutOutcome } from '../../ui/tieout-engine';
import { tieOutSummary } from '../../ui/model/tieout-summary';
import { format } from '../../ui/i18n';
import { useLang, usePane } from './context';

const DOCX_ACCEPT = '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0, paddingTop: tokens.spacingVerticalS },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export default function TieOutPane({ busy }: { busy: boolean }): ReactNode {
  const lang = useLang();
  const s = TIEOUT_STRINGS[lang];
  const styles = useStyles();
  const { adapter, packs, run, announce } = usePane();
  const [reading, setReading] = useState(false);
  const [outcome, setOutcome] = useState<{ file: string; out: TieOutOutcome } | null>(null);

  const onFiles = async (files: File[]): Promise<void> => {
    const report = files[0];
    if (!report) return;
    setReading(true);
    setOutcome(null);
    announce(format(s.reading, { name: report.name }));
    try {
      const read = await run(() => adapter.readTables(packs.catalog));
      if (!read) return;
      const out = await tieOutInPage({ name: report.name, size: report.size, bytes: () => fileBytes(report) }, read, packs.catalog);
      setOutcome({ file: report.name, out });
      if ('reason' in out) announce(format(s.unreadable, { file: out.file, reason: out.reason[lang] }));
      else announce(tieOutSummary(report.name, out, lang));
    } finally {
      setReading(false);
    }
  };

  const selectCell = async (sheet: string, address: string): Promise<void> => {
    const ok = await run(async () => {
      await adapter.selectCell({ sheet, address });
      return true;
    });
    if (ok) announce(format(s.cell, { table: sheet, cell: address }));
  };

  return (
    <section className={styles.root} aria-label={s.title} data-testid="tieout-pane">
      <FilePicker label={s.chooseReport} accept={DOCX_ACCEPT} inputTestId="tieout-report-input" size="small" disabled={busy || reading} onFiles={(f) => void onFiles(f)} />
      {outcome && 'reason' in outcome.out && (
        <Text role="alert" className={styles.error} data-testid="tieout-unreadable">
          {format(s.unreadable, { file: outcome.out.file, reason: outcome.out.reason[lang] })}
        </Text>
      )}
      {outcome && !('reason' in outcome.out) && (
        <TieOutView
          result={outcome.out.result}
          lang={lang}
          renderCell={(table, cell, text) => (
            <Link as="button" onClick={() => void selectCell(table, cell)} data-cell={`${table}!${cell}`}>
              {text}
            </Link>
          )}
        />
      )}
    </section>
  );
}
