/**
 * What `bieumau check --history` adds to a file's findings and to its `--json` document, without
 * any Node API, so that the web page's Kiểm tra gives the same findings and the same JSON
 * (docs/history.md).
 */
import type { FileResult } from '../check/check-json';
import { orderFindings, type Finding } from '../check/findings';
import type { TemplateSource } from '../forms/catalog';
import type { WorkbookRead } from '../tables/table-read';
import { compareWithHistory, type EarlierInput, type HistoryNote, type HistoryResult } from './history';

/** Each warning after the last finding of its sheet (so the human output keeps a sheet's findings together), else at the end. */
export function insertBySheet(findings: Finding[], extra: readonly Finding[]): void {
  for (const f of extra) {
    const sheet = f.cells[0]?.sheet;
    let at = findings.length;
    for (let i = findings.length - 1; i >= 0; i--) {
      if (findings[i].cells[0]?.sheet === sheet) {
        at = i + 1;
        break;
      }
    }
    findings.splice(at, 0, f);
  }
}

/**
 * One checked file against the earlier reports: `workbook` is the one its check read (a file is
 * read once, so the figures compared are the figures checked); the warnings join `findings`
 * (`insertBySheet`). Returns the comparison.
 */
export function addHistory(findings: Finding[], workbook: WorkbookRead, earlier: readonly EarlierInput[], templates: TemplateSource): HistoryResult {
  const h = compareWithHistory(workbook, earlier, { templates });
  insertBySheet(findings, h.findings);
  // Then the one order of every surface (errors first; tables in workbook order; cells in reading order).
  const ordered = orderFindings(findings, workbook.tables.map((t) => t.sheet));
  findings.splice(0, findings.length, ...ordered);
  return h;
}

function noteJson(n: HistoryNote): Record<string, unknown> {
  return { file: n.file, kind: n.kind, ...(n.template !== undefined ? { template: n.template } : {}), message: { vi: n.message.vi, en: n.message.en } };
}

/** The `--json` document with each compared file's `history` field added (docs/history.md). */
export function jsonWithHistory(json: string, results: readonly FileResult[], history: Map<FileResult, HistoryResult>): string {
  const doc = JSON.parse(json) as { files: Record<string, unknown>[] };
  results.forEach((r, i) => {
    const h = history.get(r);
    if (!h || !doc.files[i]) return;
    doc.files[i].history = {
      compared: h.compared.map((c) => ({ file: c.file, from: c.from, to: c.to, days: c.days })),
      notes: h.notes.map(noteJson),
    };
  });
  return JSON.stringify(doc);
}
