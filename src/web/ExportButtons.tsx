/**
 * "Tải số liệu (CSV)" and "Tải SDMX" of the web page (Kiểm tra: the files just checked; Tổng hợp:
 * the workbook just consolidated or rolled up): the figures of the workbooks as `bieumau export` gives them
 * (docs/export.md, "Trên trang web và trong ngăn tác vụ"). The CSV is the one for people (`--for-excel`: byte-order mark, text that a
 * spreadsheet would evaluate written as text); the SDMX download is one .zip holding the SDMX-CSV
 * data message and the SDMX-ML structure message. Files are read again when a button is pressed
 * (only their records are kept); an unreadable one is named and left out, as `--keep-going` does.
 */
import { useState, type ReactNode } from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { PackCatalog } from '../core/forms/catalog';
import { formatNumberIn } from '../core/numbers';
import { format, type Language } from '../ui/i18n';
import { WEB_STRINGS } from './strings';
import { download } from '../ui/download';
import type { Source } from '../xlsx/intake';
import { exportFigures, figuresCsvForExcel, sdmxNames, sdmxZip } from './export-engine';
import { ActionGroup } from '../ui/ActionGroup';

const useStyles = makeStyles({
  error: { color: tokens.colorPaletteRedForeground1 },
});

export interface ExportButtonsProps {
  lang: Language;
  catalog: PackCatalog;
  /** The workbooks to export, in order (read when a button is pressed). */
  files: () => readonly Source[];
  /** The downloads' base name: `{base}.csv`, `{base}-sdmx.zip`. */
  base: string;
  announce: (text: string) => void;
}

function listOf(items: readonly string[]): string {
  if (items.length === 0) return '';
  return ` (${items.length > 10 ? `${items.slice(0, 10).join(', ')}, …` : items.join(', ')})`;
}

export function ExportButtons({ lang, catalog, files, base, announce }: ExportButtonsProps): ReactNode {
  const styles = useStyles();
  const s = WEB_STRINGS[lang];
  const num = (n: number): string => formatNumberIn(n, lang);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ text: string; problem: boolean } | null>(null);

  const run = async (kind: 'csv' | 'sdmx'): Promise<void> => {
    if (busy) return;
    setBusy(true);
    setStatus({ text: s.exporting, problem: false });
    try {
      const { records, unreadable } = await exportFigures(files(), catalog);
      const leftOut = unreadable.length > 0 ? ` ${format(s.exportLeftOut, { count: num(unreadable.length), list: listOf(unreadable.map((u) => `${u.file}: ${u.error[lang]}`)) })}` : '';
      if (records.length === 0) {
        const text = `${s.exportNone}${leftOut}`;
        setStatus({ text, problem: true });
        announce(text);
        return;
      }
      let file: string;
      if (kind === 'csv') {
        file = `${base}.csv`;
        download(file, await figuresCsvForExcel(records, catalog), 'text/csv;charset=utf-8');
      } else {
        file = sdmxNames(base).zip;
        download(file, await sdmxZip(records, catalog, base), 'application/zip');
      }
      const text = `${format(s.exported, { file, count: num(records.length) })}${leftOut}`;
      setStatus({ text, problem: unreadable.length > 0 });
      announce(text);
    } catch (e) {
      const text = format(s.engineFailed, { detail: e instanceof Error ? e.message : String(e) });
      setStatus({ text, problem: true });
      announce(text);
    } finally {
      setBusy(false);
    }
  };

  return (
    <ActionGroup
      heading={s.exportHeading}
      headingAs="h3"
      hint={s.exportHint}
      actions={[
        { label: s.downloadFigures, onClick: () => void run('csv') },
        { label: s.downloadSdmx, onClick: () => void run('sdmx') },
      ]}
      busy={busy}
      testId="export-figures"
    >
      {status && (
        <Text size={200} className={status.problem ? styles.error : undefined} data-testid="export-status" data-busy={busy ? 'yes' : 'no'}>
          {status.text}
        </Text>
      )}
    </ActionGroup>
  );
}
