/**
 * Số liệu, "Sao chép số liệu (CSV)" and "Lưu số liệu (CSV)": every figure of the open workbook's
 * tables as the records of `bieumau export` (docs/export.md, "Trên trang web và trong ngăn tác vụ"), in the CSV for people
 * (`--for-excel`: text a spreadsheet would evaluate is written as text; the saved file has the
 * byte-order mark, the copied text not, since a paste would carry it into the first cell).
 *
 * The figures come from the tables the pane reads (`adapter.readTables`), not from a file on disk:
 * `source_file` is the workbook's file name when Office tells it (`Office.context.document.url`),
 * else empty; `source_sha256` is empty; `source_errors` is the error count of the pane's own check
 * (the same validation, with the user's number separators) at the time of the export.
 */
import { useState, type ReactNode } from 'react';
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { figureRecords, type FigureRecord } from '../../core/export/export';
import { figuresCsv } from '../../core/export/export-doc';
import { checkRead } from '../../core/check/check-read';
import { formatNumberIn } from '../../core/numbers';
import type { WorkbookAdapter } from '../../excel/types';
import type { PackCatalog } from '../../core/forms/catalog';
import { format } from '../../ui/i18n';
import { useLang, usePane } from './context';
import { FIGURES_EXPORT_STRINGS } from './figures-export-strings';
import { download } from '../../ui/download';
import { ActionGroup } from '../../ui/ActionGroup';

/** The open workbook's file name as Office tells it (the last part of its URL or path), '' when it does not. */
export function workbookFileName(): string {
  const office = (globalThis as { Office?: { context?: { document?: { url?: unknown } } } }).Office;
  let url: unknown;
  try {
    url = office?.context?.document?.url;
  } catch {
    return '';
  }
  if (typeof url !== 'string' || url === '') return '';
  const last = url.split(/[?#]/)[0].split(/[/\\]/).pop() ?? '';
  try {
    return decodeURIComponent(last).normalize('NFC');
  } catch {
    return last.normalize('NFC');
  }
}

/** The name a saved CSV gets: `<workbook>-so-lieu.csv`, or `so-lieu.csv` when the workbook's name is unknown. */
export function savedCsvName(workbook: string): string {
  const base = workbook.replace(/\.(xlsx|xlsm|xlsb|xls)$/i, '');
  return base === '' ? 'so-lieu.csv' : `${base}-so-lieu.csv`;
}

/** Every figure of the open workbook, its error count from the pane's check. */
export async function paneFigureRecords(adapter: WorkbookAdapter, catalog: PackCatalog, file: string, today: Date = new Date()): Promise<FigureRecord[]> {
  const separators = await adapter.numberSeparators();
  const read = await adapter.readTables(catalog);
  const { counts } = checkRead(read, { today, separators: separators ?? undefined, catalog });
  return figureRecords({ file, sha256: '', errors: counts.errors, read }, catalog);
}

export function FiguresExport({ copy }: { copy: (text: string) => Promise<boolean> }): ReactNode {
  const lang = useLang();
  const x = FIGURES_EXPORT_STRINGS[lang];
  const { adapter, packs, run, announce } = usePane();
  const [busy, setBusy] = useState(false);
  const [copyFailed, setCopyFailed] = useState(false);
  const num = (n: number): string => formatNumberIn(n, lang);

  const act = async (kind: 'copy' | 'save'): Promise<void> => {
    if (busy) return;
    setBusy(true);
    setCopyFailed(false);
    try {
      const file = workbookFileName();
      const records = await run(() => paneFigureRecords(adapter, packs.catalog, file));
      if (!records) return;
      if (records.length === 0) {
        announce(x.figuresCsvNone);
        return;
      }
      if (kind === 'copy') {
        const ok = await copy(figuresCsv(records, { forPeople: true }));
        setCopyFailed(!ok);
        announce(ok ? format(x.figuresCsvCopied, { count: num(records.length) }) : x.figuresCsvCopyFailed);
      } else {
        const name = savedCsvName(file);
        download(name, figuresCsv(records, { forPeople: true, bom: true }), 'text/csv;charset=utf-8');
        announce(format(x.figuresCsvSaved, { file: name, count: num(records.length) }));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <ActionGroup
      heading={x.figuresExportHeading}
      headingAs="h2"
      hint={x.figuresExportHint}
      actions={[
        { label: x.copyFiguresCsv, onClick: () => void act('copy') },
        { label: x.saveFiguresCsv, onClick: () => void act('save') },
      ]}
      busy={busy}
      testId="figures-export"
    >
      {copyFailed && (
        <MessageBar intent="warning" data-testid="figures-copy-failed">
          <MessageBarBody>{x.figuresCsvCopyFailed}</MessageBarBody>
        </MessageBar>
      )}
    </ActionGroup>
  );
}
