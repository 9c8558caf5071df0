/**
 * Printed pages of a consolidated workbook with long unit names (Lâm Đồng's wards after 2025, "Phường
 * Xuân Hương - Đà Lạt"), groups, a unit that did not report, Biểu 04's detail sheet and the Nguồn
 * sheet: LibreOffice prints it to PDF, pdftoppm renders the pages to PNG (test-output/print/, to
 * look at), pdftotext gives every word's box. Checked: no two words of a page overlap (nothing is
 * printed over anything), every unit name and every SHA-256 is printed whole, and in the plans every
 * wrapped text has a row height that fits its lines in its column's width. Also: the corner header
 * names the rows ("Đơn vị"), the averages note states the consolidation's own period.
 */
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { TEMPLATES } from '../../src/core/forms/builtin';
import { consolidate, summarizeSource, type Consolidation } from '../../src/core/combine/consolidate';
import { SOURCES_SHEET } from '../../src/core/combine/combine-sheets';
import { heightFor, wrappedLines } from '../../src/core/forms/layout-texts';
import { parseRange } from '../../src/core/a1';
import type { SheetPlan } from '../../src/core/forms/plan';
import type { UnitEntry } from '../../src/core/units';
import { validateWorkbook } from '../../src/core/check/validate';
import { writeWorkbook } from '../../src/xlsx/writer';
import { readWorkbook } from '../../src/cli/path-source';
import { convertWithLibreOffice, findSoffice } from '../support/libreoffice';
import { unitRead } from '../support/units-fixture';

const OUT = join(__dirname, '..', '..', 'test-output', 'print');
const DALAT = 'Phường Xuân Hương - Đà Lạt, Phường Cam Ly - Đà Lạt, Phường Lâm Viên - Đà Lạt, Phường Lang Biang - Đà Lạt, Phường 1 Bảo Lộc, Xã Đinh Trang Thượng'.split(', ');
const GROUP = 'Các phường, xã thuộc khu vực Đà Lạt và Bảo Lộc trước sắp xếp';
const UNITS: UnitEntry[] = [...DALAT.map((unit) => ({ unit, group: GROUP })), { unit: 'Đặc khu Phú Quý' }, { unit: 'Xã Hòa Bắc - Di Linh' }];
const PERIOD = { from: '2025-07-01', to: '2025-09-30' };

interface Word {
  page: number;
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

let dir: string;
let c: Consolidation;
let words: Word[];
let shas: string[];

beforeAll(async () => {
  findSoffice();
  dir = mkdtempSync(join(tmpdir(), 'bm-print-'));
  const today = new Date('2026-01-15T12:00:00Z');
  const reported = [...DALAT, 'Đặc khu Phú Quý'];
  shas = reported.map((u) => createHash('sha256').update(u).digest('hex'));
  const sources = reported.map((unit, i) => {
    const read = unitRead({ unit, seed: 60 + i, period: PERIOD });
    const findings = validateWorkbook(read, { today });
    const errors = findings.filter((f) => f.severity === 'error').length;
    const file = `bao-cao-quy-3-${unit.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase().replace(/[^a-z0-9]+/g, '-')}.xlsx`;
    return summarizeSource({ file, sha256: shas[i], read, errors, warnings: findings.length - errors }, TEMPLATES);
  });
  c = consolidate(sources, { templates: TEMPLATES, units: UNITS, report: { unit: 'UBND TỈNH LÂM ĐỒNG', reportNo: '15/BC-UBND', reportDate: '2025-10-10', reportBy: 'Ủy ban nhân dân tỉnh' } });
  expect(c.refusals).toEqual([]);
  const xlsx = join(dir, 'tong-hop.xlsx');
  writeFileSync(xlsx, await writeWorkbook(c.plans));
  const [pdf] = convertWithLibreOffice([xlsx], 'pdf', dir);
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'tong-hop.xlsx'), readFileSync(xlsx));
  execFileSync('pdftoppm', ['-png', '-r', '80', pdf, join(OUT, 'page')]);
  const html = join(dir, 'words.html');
  execFileSync('pdftotext', ['-bbox', pdf, html]);
  words = [];
  let page = 0;
  for (const line of readFileSync(html, 'utf8').split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) words.push({ page, text: decode(m[5]), x0: +m[1], y0: +m[2], x1: +m[3], y1: +m[4] });
  }
}, 180000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function decode(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

function pages(): number[] {
  return [...new Set(words.map((w) => w.page))];
}

test('the pages are rendered to PNG to be looked at', () => {
  const pngs = readdirSync(OUT).filter((f) => /^page-\d+\.png$/.test(f));
  expect(pngs.length).toBe(pages().length);
  expect(pngs.length).toBeGreaterThanOrEqual(c.plans.length);
});

test('no word is printed over another on any page', () => {
  const overlaps: string[] = [];
  for (const p of pages()) {
    const on = words.filter((w) => w.page === p);
    for (let i = 0; i < on.length; i++) {
      for (let j = i + 1; j < on.length; j++) {
        const a = on[i];
        const b = on[j];
        // A word's box spans the font's ascent and descent, taller than the line pitch of wrapped
        // text: two words overlap when their boxes meet across and their middles are closer than
        // half a box's height (consecutive lines of one cell are about a box apart).
        const dx = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
        const dy = Math.abs((a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2);
        if (dx > 0.5 && dy < Math.min(a.y1 - a.y0, b.y1 - b.y0) / 2) overlaps.push(`page ${p}: "${a.text}" and "${b.text}"`);
      }
    }
  }
  expect(overlaps).toEqual([]);
});

test('every unit name is printed whole on each per-unit table, every SHA-256 on one line', () => {
  // A label cut by a row too low loses its last line: count every word of every name.
  const count = (text: string, p?: number): number => words.filter((w) => w.text === text && (p === undefined || w.page === p)).length;
  for (const unit of UNITS.map((u) => u.unit)) {
    for (const word of new Set(unit.split(' '))) {
      const inNames = UNITS.map((u) => u.unit).reduce((n, u) => n + u.split(' ').filter((x) => x === word).length, 0);
      // three per-unit tables (Biểu 01–03) print every listed unit
      expect([unit, word, count(word) >= 3 * inNames]).toEqual([unit, word, true]);
    }
  }
  for (const sha of shas) expect([sha, count(sha)]).toEqual([sha, 1]);
});

/** Width of a column, and of a merged range, in the plan. */
function widthOf(plan: SheetPlan, left: number, right: number): number {
  let w = 0;
  for (let col = left; col <= right; col++) w += plan.columnWidths[col - 1] ?? 10;
  return w;
}

test('in every plan, each wrapped text has a row height that fits its lines', () => {
  const short: string[] = [];
  for (const plan of c.plans) {
    const wrapped = plan.styles.filter((s) => s.style.wrap === true).map((s) => parseRange(s.range));
    const merges = plan.merges.map((m) => parseRange(m));
    const heights = new Map(plan.rowHeights.map((h) => [h.row, h.height]));
    plan.cells.forEach((line, r) =>
      line.forEach((cell, k) => {
        const text = cell?.value;
        if (typeof text !== 'string') return;
        const row = r + 1;
        const col = k + 1;
        if (!wrapped.some((g) => row >= g.top && row <= g.bottom && col >= g.left && col <= g.right)) return;
        const merge = merges.find((m) => m.top === row && m.left === col);
        if (merge && merge.bottom > merge.top) return; // spans rows: the header's own computation
        const width = merge ? widthOf(plan, merge.left, merge.right) : widthOf(plan, col, col);
        const lines = wrappedLines(text, width);
        if (lines === 1) return; // Excel's default row height holds one line
        const need = heightFor(lines);
        const have = heights.get(row) ?? 15;
        if (have < need) short.push(`${plan.sheetName}!${String.fromCharCode(64 + col)}${row} "${text}": ${have} < ${need}`);
      }),
    );
  }
  expect(short).toEqual([]);
});

test('the corner header names the rows, the averages note states the period, the Nguồn columns fit', async () => {
  for (const plan of c.plans.slice(0, 3)) expect([plan.sheetName, plan.cells[5][0]?.value]).toEqual([plan.sheetName, expect.stringMatching(/ \/ Đơn vị$/)]);
  const printed = words.map((w) => w.text).join(' ');
  expect(printed).toContain('(01/7/2025–30/9/2025 là 92 ngày)');
  expect(printed).not.toContain('15/10/2025');
  const sources = c.plans.find((p) => p.sheetName === SOURCES_SHEET) as SheetPlan;
  const shaCol = sources.cells[4].findIndex((x) => x?.value === 'SHA-256');
  expect(sources.columnWidths[shaCol]).toBeGreaterThanOrEqual(66);
  // every unit name fits its column on one line
  const unitCol = sources.cells[4].findIndex((x) => x?.value === 'Đơn vị');
  for (const u of DALAT) expect(sources.columnWidths[unitCol]).toBeGreaterThanOrEqual(u.length + 2);
  // the consolidated workbook is still read and checked as tables (corner header accepted)
  const read = await readWorkbook(join(OUT, 'tong-hop.xlsx'));
  expect(read.tables.map((t) => [t.templateId, t.broken === undefined])).toEqual(TEMPLATES.map((t) => [t.id, true]));
  const findings = validateWorkbook(read, { today: new Date('2026-01-15T12:00:00Z') });
  expect(findings.filter((f) => f.rule.startsWith('structure.'))).toEqual([]);
});

