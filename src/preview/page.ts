/**
 * The preview page: an in-memory workbook drawn as a plain grid of the active sheet's values, with
 * sheet tabs, beside the production task pane in a frame. Typing into a grid cell writes through
 * the host as a user typing in Excel would; everything the pane does goes through the same host
 * (the adapter's Office.js calls), and the grid redraws after each of its batches.
 */
import { MemHost, MemSettings } from '../devhost';
import { hyperFormulaEvaluator } from '../devhost/hyperformula';
import { ProtocolHost, apiSetsFromLibrary } from '../devhost/protocol';
import type { Cell, Computed, SheetState } from '../devhost/state';
import { OFFICE_THEMES } from '../devhost/officejs';
import { address as a1, parseAddress } from '../core/a1';
import { excelSerialToIso, formatDdMmYyyy } from '../core/dates';
import { BRIDGE_KEY, CLIENT_LIBRARY_URL, type PreviewBridge, type WindowWithBridge } from './bridge';
import { TEMPLATES } from '../core/forms/builtin';
import { entryColumns } from '../core/forms/template';
import { META_NAME, columnName, parseMetaValue } from '../core/forms/defined-names';
import { STANDARD_PACK_ID } from '../core/forms/pack';

const params = new URLSearchParams(window.location.search);
const displayLanguage = params.get('lang') ?? 'vi-VN';
const excelVersion = params.get('excel') ?? '365';
/** `?theme=black` (or darkGray, colorful, white): the Office theme desktop Excel would report; none by default, as Excel on the web. */
const themeName = params.get('theme');
const officeTheme = themeName !== null && Object.prototype.hasOwnProperty.call(OFFICE_THEMES, themeName) ? OFFICE_THEMES[themeName as keyof typeof OFFICE_THEMES] : undefined;

const host = new MemHost({ excel: excelVersion, evaluator: hyperFormulaEvaluator() });
host.addSheet('Sheet1');
/** The server half of the Office.js protocol: the pane's frame sends it the client library's requests. */
const protocol = new ProtocolHost(host, { client: 'web' });
const settings = new MemSettings();

const MIN_ROWS = 20;
const MIN_COLS = 10;
const MAX_ROWS = 400;
const MAX_COLS = 40;

function $(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el;
}

function activeSheet(): SheetState {
  const b = host.book;
  return (b.activeSheetId ? b.sheetById(b.activeSheetId) : undefined) ?? b.sheets[0];
}

function groupThousands(intDigits: string, sep: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** The value as Excel would show it in the cell, with the host culture's separators. */
function displayText(value: Computed, numberFormat: string): string {
  if (value === null) return '';
  if (typeof value === 'object') return value.error;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const { decimal, thousands } = host.culture;
  if (/^d{1,2}\/m{1,2}\/y{2,4}$/i.test(numberFormat)) {
    try {
      return formatDdMmYyyy(excelSerialToIso(value));
    } catch {
      return String(value);
    }
  }
  const percent = /^0(\.0+)?%$/.exec(numberFormat);
  if (percent) {
    const digits = percent[1] ? percent[1].length - 1 : 0;
    return `${(value * 100).toFixed(digits).replace('.', decimal)}%`;
  }
  if (numberFormat === '#,##0') {
    const r = Math.round(value);
    return `${r < 0 ? '-' : ''}${groupThousands(String(Math.abs(r)), thousands)}`;
  }
  return String(value).replace('.', decimal);
}

/** What the cell holds, as the formula bar shows it. */
function rawText(cell: Cell | undefined): string {
  if (!cell) return '';
  if (cell.formula !== null) return cell.formula;
  const c = cell.constant;
  if (c === null) return '';
  if (typeof c === 'boolean') return c ? 'TRUE' : 'FALSE';
  return String(c);
}

function isReadOnly(sheet: SheetState, cell: Cell | undefined): boolean {
  return sheet.protection.protected && (cell?.locked ?? true);
}

let message: string | null = null;

function setMessage(text: string | null): void {
  message = text;
  const el = $('grid-message');
  el.textContent = text ?? '';
  el.hidden = text === null;
}

function selectionAddress(): { sheet: string; address: string } | null {
  const sel = host.book.selection;
  if (!sel) return null;
  const s = host.book.sheetById(sel.sheetId);
  if (!s) return null;
  const from = a1(sel.box.top, sel.box.left);
  const to = a1(sel.box.bottom, sel.box.right);
  return { sheet: s.name, address: from === to ? from : `${from}:${to}` };
}

function renderTabs(): void {
  const nav = $('sheet-tabs');
  nav.replaceChildren();
  const active = activeSheet();
  for (const s of host.book.sheets) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = s.name;
    b.className = 'sheet-tab';
    b.dataset.sheet = s.name;
    if (s === active) b.setAttribute('aria-current', 'true');
    b.addEventListener('click', () => {
      host.book.activeSheetId = s.id;
      render();
    });
    nav.appendChild(b);
  }
}

function commit(sheet: SheetState, address: string, text: string): void {
  const pos = parseAddress(address);
  const before = rawText(sheet.cell(pos.row, pos.col));
  if (text === before) return;
  host.type(sheet.name, address, text === '' ? null : text);
  host.changed();
}

function renderGrid(focus?: string): void {
  const sheet = activeSheet();
  const used = sheet.usedBox(false);
  const rows = Math.min(MAX_ROWS, Math.max(MIN_ROWS, (used?.bottom ?? 0) + 2));
  const cols = Math.min(MAX_COLS, Math.max(MIN_COLS, (used?.right ?? 0) + 1));
  host.evaluate();

  const covered = new Set<string>();
  const spans = new Map<string, { rows: number; cols: number }>();
  for (const m of sheet.merges) {
    spans.set(`${m.top}:${m.left}`, { rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);
  }
  const sel = host.book.selection && host.book.selection.sheetId === sheet.id ? host.book.selection.box : null;

  const table = document.createElement('table');
  table.id = 'grid';
  table.setAttribute('aria-label', sheet.name);
  const colgroup = document.createElement('colgroup');
  const corner = document.createElement('col');
  corner.style.width = '40px';
  colgroup.appendChild(corner);
  for (let c = 1; c <= cols; c++) {
    const col = document.createElement('col');
    const w = sheet.columnWidths.get(c);
    col.style.width = `${Math.max(36, Math.min(360, w ? Math.round(w * 1.34) : 64))}px`;
    colgroup.appendChild(col);
  }
  table.appendChild(colgroup);

  const head = document.createElement('tr');
  head.appendChild(document.createElement('th'));
  for (let c = 1; c <= cols; c++) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = a1(1, c).replace(/\d+$/, '');
    head.appendChild(th);
  }
  const thead = document.createElement('thead');
  thead.appendChild(head);
  table.appendChild(thead);

  const body = document.createElement('tbody');
  let focusEl: HTMLElement | null = null;
  for (let r = 1; r <= rows; r++) {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = String(r);
    tr.appendChild(th);
    for (let c = 1; c <= cols; c++) {
      if (covered.has(`${r}:${c}`)) continue;
      const addr = a1(r, c);
      const cell = sheet.cell(r, c);
      const td = document.createElement('td');
      td.dataset.address = addr;
      const span = spans.get(`${r}:${c}`);
      if (span) {
        td.rowSpan = span.rows;
        td.colSpan = span.cols;
      }
      const value = cell ? (cell.formula !== null ? cell.result : cell.constant) : null;
      const shown = displayText(value, cell?.numberFormat ?? 'General');
      if (cell?.format.fill) td.style.backgroundColor = cell.format.fill;
      if (cell?.format.bold) td.style.fontWeight = 'bold';
      if (cell?.format.italic) td.style.fontStyle = 'italic';
      const mark = sheet.conditionalFormats.find((cf) => r >= cf.box.top && r <= cf.box.bottom && c >= cf.box.left && c <= cf.box.right);
      if (mark) {
        td.dataset.marked = 'true';
        if (mark.fill) td.style.backgroundColor = mark.fill;
        if (mark.fontColor) td.style.color = mark.fontColor;
      }
      const isSelected = sel !== null && r >= sel.top && r <= sel.bottom && c >= sel.left && c <= sel.right;
      if (isSelected) td.dataset.selected = 'true';
      const alignRight = typeof value === 'number' && cell?.format.horizontal !== 'Center';
      if (isReadOnly(sheet, cell)) {
        td.className = 'ro';
        td.textContent = shown;
        if (cell?.format.horizontal === 'Center' || cell?.format.horizontal === 'center') td.style.textAlign = 'center';
        else if (alignRight) td.style.textAlign = 'right';
        if (cell?.format.wrap) td.style.whiteSpace = 'normal';
        td.tabIndex = -1;
        td.addEventListener('click', () => {
          host.book.selection = { sheetId: sheet.id, box: { top: r, left: c, bottom: r, right: c } };
          showSelection();
          markSelected(td);
        });
      } else {
        const input = document.createElement('input');
        input.type = 'text';
        input.value = shown;
        input.setAttribute('aria-label', `${sheet.name}!${addr}`);
        input.dataset.address = addr;
        if (alignRight) input.style.textAlign = 'right';
        input.addEventListener('focus', () => {
          input.value = rawText(sheet.cell(r, c));
          input.select();
          host.book.selection = { sheetId: sheet.id, box: { top: r, left: c, bottom: r, right: c } };
          showSelection();
          markSelected(td);
        });
        let committed = false;
        const done = (next: string | null): void => {
          if (committed) return;
          committed = true;
          commit(sheet, addr, input.value);
          renderGrid(next ?? undefined);
        };
        input.addEventListener('keydown', (e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            done(a1(r + 1, c));
          } else if (e.key === 'Escape') {
            committed = true;
            input.value = shown;
            input.blur();
          }
        });
        input.addEventListener('blur', () => {
          if (!committed && input.value !== rawText(sheet.cell(r, c))) done(null);
        });
        td.appendChild(input);
        if (focus === addr) focusEl = input;
      }
      tr.appendChild(td);
    }
    body.appendChild(tr);
  }
  table.appendChild(body);
  $('grid').replaceWith(table);
  if (focusEl) (focusEl as HTMLElement).focus();
  const selected = table.querySelector('td[data-selected="true"]');
  if (selected && !focusEl) selected.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

function markSelected(td: HTMLElement): void {
  for (const el of document.querySelectorAll('#grid td[data-selected="true"]')) (el as HTMLElement).removeAttribute('data-selected');
  td.dataset.selected = 'true';
}

function showSelection(): void {
  const s = selectionAddress();
  $('name-box').textContent = s ? `${s.sheet}!${s.address}` : '';
  let raw = '';
  if (s) {
    const sheet = host.book.sheetByName(s.sheet);
    const p = host.book.selection?.box;
    if (sheet && p) raw = rawText(sheet.cell(p.top, p.left));
  }
  $('formula-bar').textContent = raw;
}

function render(focus?: string): void {
  renderTabs();
  renderGrid(focus);
  showSelection();
  if (message !== null) setMessage(message);
}

const bridge: PreviewBridge = {
  host,
  protocol,
  settings,
  displayLanguage,
  officeTheme,
  afterBatch: () => {
    // The pane's batch may have added sheets, activated one or selected a cell.
    queueMicrotask(() => render());
  },
  failNext: null,
};
(window as WindowWithBridge)[BRIDGE_KEY] = bridge;

/**
 * Types the seed report's figures (each template's `sample`) into the entry cells of every table in
 * the workbook, as a user would: a quick way to try the check and the figures. Returns the count.
 */
function fillSamples(): number {
  let filled = 0;
  for (const sheet of host.book.sheets) {
    const meta = sheet.names.find((n) => n.name === META_NAME)?.ref;
    const id = meta ? parseMetaValue(sheet.cell(meta.top, meta.left)?.constant) : null;
    const template = id && id.packId === STANDARD_PACK_ID ? TEMPLATES.find((t) => t.id === id.templateId && t.version === id.version) : undefined;
    if (!template) continue;
    entryColumns(template).forEach((c, i) => {
      const ref = sheet.names.find((n) => n.name === columnName(c.id))?.ref;
      if (!ref) return;
      template.sample.forEach((row, r) => {
        if (ref.top + r <= ref.bottom) host.type(sheet.name, a1(ref.top + r, ref.left), row[i]);
      });
    });
    filled++;
  }
  host.changed();
  return filled;
}

/**
 * The requirement marks of the client library (which API needs which ExcelApi version), read from
 * the same file the pane's frame loads, so that `?excel=2019` refuses what Excel 2019 would.
 */
async function loadApiSets(): Promise<void> {
  const response = await fetch(CLIENT_LIBRARY_URL);
  if (!response.ok) throw new Error(`${CLIENT_LIBRARY_URL}: HTTP ${response.status}`);
  protocol.useApiSets(apiSetsFromLibrary(await response.text()));
}

async function start(): Promise<void> {
  $('fill-samples').addEventListener('click', () => {
    const n = fillSamples();
    setMessage(n === 0 ? 'Chưa có biểu nào: hãy chèn biểu ở ngăn tác vụ. / No table yet: insert one from the task pane.' : null);
    render();
  });
  const lang = $('office-language') as HTMLSelectElement;
  lang.value = displayLanguage;
  lang.addEventListener('change', () => {
    const url = new URL(window.location.href);
    url.searchParams.set('lang', lang.value);
    window.location.href = url.toString();
  });
  render();
  await loadApiSets();
  // The pane's frame is created only now, so that the shim finds the host when it loads.
  const frame = document.createElement('iframe');
  frame.id = 'pane';
  frame.title = displayLanguage.startsWith('vi') ? 'Ngăn tác vụ Biểu mẫu thống kê' : 'Statistics report tables task pane';
  frame.src = '/taskpane.html';
  $('pane-slot').appendChild(frame);
}

start().catch((e: unknown) => setMessage(`Không mở được ngăn tác vụ / The task pane could not be opened: ${e instanceof Error ? e.message : String(e)}`));
