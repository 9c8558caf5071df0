/**
 * Kiểm tra → "Đối chiếu báo cáo (.docx)…": the Word report's text tied out against its own figures
 * and the tables (a workbook chosen here, else the report's own tables), as `bieumau tie-out` does;
 * the findings with their sentences, the figure highlighted, and a CSV to download. The engine is
 * loaded when a report is first chosen.
 */
import { useState, type ReactNode } from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { PackCatalog } from '../core/forms/catalog';
import { BUILTIN_CATALOG } from '../core/forms/builtin';
import { format, type Language } from '../ui/i18n';
import { FilePicker, XLSX_ACCEPT, fileBytes } from '../ui/FilePicker';
import { download } from '../ui/download';
import { TieOutView } from '../ui/TieOutView';
import { TIEOUT_STRINGS } from '../ui/tieout-strings';
import { tieOutInPage, type TieOutOutcome } from '../ui/tieout-engine';
import { tieOutSummary } from '../ui/model/tieout-summary';

export const DOCX_ACCEPT = '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalM, minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export function TieOutSection({ lang, announce, catalog }: { lang: Language; announce: (text: string) => void; catalog?: PackCatalog }): ReactNode {
  const styles = useStyles();
  const s = TIEOUT_STRINGS[lang];
  const [workbook, setWorkbook] = useState<File | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ file: string; out: TieOutOutcome } | null>(null);

  const run = async (report: File, against: File | null = workbook): Promise<void> => {
    setBusy(report.name);
    setOutcome(null);
    try {
      const out = await tieOutInPage(
        { name: report.name, size: report.size, bytes: () => fileBytes(report) },
        against ? { name: against.name, size: against.size, bytes: () => fileBytes(against) } : null,
        catalog ?? BUILTIN_CATALOG,
      );
      setOutcome({ file: report.name, out });
      announce('reason' in out ? format(s.unreadable, { file: out.file, reason: out.reason[lang] }) : summary(report.name, out));
    } finally {
      setBusy(null);
    }
  };

  const summary = (file: string, out: Exclude<TieOutOutcome, { reason: unknown }>): string => tieOutSummary(file, out, lang);

  return (
    <section className={styles.root} aria-label={s.title} data-testid="tieout-section">
      <h3 className={styles.heading}>{s.title}</h3>
      <Text size={300}>{s.intro}</Text>
      <div className={styles.actions}>
        <FilePicker label={s.chooseReport} accept={DOCX_ACCEPT} inputTestId="tieout-report-input" disabled={busy !== null} onFiles={(files) => void run(files[0])} />
        <FilePicker label={s.chooseWorkbook} accept={XLSX_ACCEPT} inputTestId="tieout-workbook-input" disabled={busy !== null} onFiles={(files) => setWorkbook(files[0])} />
      </div>
      <Text size={200} data-testid="tieout-against">
        {workbook ? format(s.workbookChosen, { name: workbook.name }) : s.againstOwnTables}
      </Text>
      {busy !== null && <Text data-testid="tieout-busy">{format(s.reading, { name: busy })}</Text>}
      {outcome && 'reason' in outcome.out && (
        <Text role="alert" className={styles.error} data-testid="tieout-unreadable">
          {format(s.unreadable, { file: outcome.out.file, reason: outcome.out.reason[lang] })}
        </Text>
      )}
      {outcome && !('reason' in outcome.out) && (
        <>
          <Text weight="semibold" data-testid="tieout-summary">
            {summary(outcome.file, outcome.out)}
          </Text>
          <div className={styles.actions}>
            <Button onClick={() => download('doi-chieu-bao-cao.csv', (outcome.out as { csv: { vi: string; en: string } }).csv[lang], 'text/csv;charset=utf-8')}>{s.downloadCsv}</Button>
          </div>
          <TieOutView result={outcome.out.result} lang={lang} />
        </>
      )}
    </section>
  );
}
