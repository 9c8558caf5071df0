// Đếm từ sổ văn bản: registers shaped like e-office exports (title block above the header, dates as
// Excel dates and as text) counted on the web page (the workbook downloaded and read back) and in the
// pane (a file and a sheet the clerk pasted an export into; the figures the in-memory Excel computes,
// then a new Từ ngày typed in the table and the figures following). Every expected figure is counted
// from the hand-labelled rows of test/support/count-fixture, not by the engine.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { scenario, expect, expectEqual, env, entryAddress, openWebPage, TEMPLATES } = require('../harness');

const ROOT = path.join(__dirname, '..', '..', '..');
require('tsx/cjs/api').register();
const { incomingXlsx, outgoingCsv, outgoingXlsx, pastedCells } = require(path.join(ROOT, 'test', 'support', 'registers.ts'));
const { COMMITTEE_OUT, INCOMING, PARTY_OUT, expectedCounts } = require(path.join(ROOT, 'test', 'support', 'count-fixture.ts'));
const { readWorkbook } = require(path.join(ROOT, 'src', 'xlsx', 'read-workbook.ts'));
const { readSheetRows } = require(path.join(ROOT, 'src', 'xlsx', 'register-read.ts'));
const { address } = require(path.join(ROOT, 'src', 'core', 'a1.ts'));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-e2e-count-'));
const files = { incoming: path.join(dir, 'den.xlsx'), party: path.join(dir, 'tu-di.csv'), committee: path.join(dir, 'ubnd-di.xlsx') };
const ready = (async () => {
  fs.writeFileSync(files.incoming, await incomingXlsx(INCOMING));
  fs.writeFileSync(files.party, outgoingCsv(PARTY_OUT));
  fs.writeFileSync(files.committee, await outgoingXlsx(COMMITTEE_OUT));
})();

/** The counted columns of Biểu 01 and 02: [template id, sheet name, column id]. */
const COUNTED = TEMPLATES.filter((t) => t.id === 'b01' || t.id === 'b02').flatMap((t) =>
  t.groups
    .flatMap((g) => g.columns)
    .filter((c) => c.kind === 'entry' && c.count)
    .map((c) => [t.id, t.name.vi, c.id]),
);

/** Every counted column's expected figure for the period (0 where no row falls in it). */
function expectedAll(from, to) {
  const e = expectedCounts(from, to);
  return Object.fromEntries(COUNTED.map(([id, , col]) => [`${id}:${col}`, e[`${id}:${col}`] ?? 0]));
}

// The first data row of each export: the incoming one has three title lines, a blank line, the
// header and the numbering row above its rows; the outgoing one two title lines.
const UNCLASSIFIED_IN = { row: 7 + INCOMING.findIndex((r) => r.expect.unclassified), symbol: '08-QĐi/TW' };
const UNCLASSIFIED_OUT = { row: 6 + COMMITTEE_OUT.findIndex((r) => r.expect.unclassified), symbol: '05/2025/NQ-HĐND' };

/** The web page's words for the count, as a clerk reads them in each language. */
const WEB_WORDS = {
  vi: {
    tab: 'Đếm từ sổ văn bản',
    read: `den.xlsx: sổ văn bản đến, ${INCOMING.length} dòng.`,
    body: 'Cơ quan của sổ ubnd-di.xlsx',
    from: 'Từ ngày',
    to: 'Đến ngày',
    go: 'Đếm và tải về',
    row: 'dòng',
    shot: 'web-count.png',
  },
  en: {
    tab: 'Count from registers',
    read: `den.xlsx: incoming register, ${INCOMING.length} rows.`,
    body: 'Body of register ubnd-di.xlsx',
    from: 'From',
    to: 'To',
    go: 'Count and download',
    row: 'row',
    shot: 'web-count-en.png',
  },
};

/**
 * Every undecided row's reason, in the page's language: its own words (quoted names and symbols
 * aside) carry Vietnamese letters in Vietnamese and none in English.
 */
function expectReasonsIn(lang, lines) {
  for (const line of lines) {
    const why = line.slice(line.indexOf(': ') + 2);
    expect(why.length > 10, `a reason after the symbol: ${line}`);
    const words = why.replace(/"[^"]*"/g, '');
    const vietnamese = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(words);
    expect(vietnamese === (lang === 'vi'), `the reason in ${lang}: ${why}`);
  }
}

async function webCount(lang) {
  await ready;
  const w = WEB_WORDS[lang];
  const { context, page, problems } = await openWebPage();
  try {
    if (lang === 'en') await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('tab', { name: w.tab }).click();
    await page.getByTestId('registers-input').setInputFiles([files.incoming, files.party, files.committee]);
    const read = page.getByTestId('register-read');
    await read.nth(2).waitFor();
    expectEqual(await read.locator(':scope > span').first().textContent(), w.read, 'incoming register read');
    await page.getByRole('combobox', { name: w.body }).selectOption('local.peoplesCommittee');
    await page.getByRole('textbox', { name: w.from, exact: true }).fill('01/07/2025');
    await page.getByRole('textbox', { name: w.to, exact: true }).fill('31/07/2025');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: w.go }).click()]);
    expectEqual(download.suggestedFilename(), 'dem-2025-07-01-2025-07-31.xlsx', 'file downloaded');
    const result = page.getByTestId('count-result');
    await result.waitFor();

    // The figures shown: every column above zero, as counted from the labelled rows, named as the tables name them in the page's language.
    const want = expectedCounts('2025-07-01', '2025-07-31');
    const shown = await page.getByTestId('count-figures').locator('li').evaluateAll((els) => els.map((e) => [e.getAttribute('data-figure'), e.textContent]));
    const named = (key) => {
      const [id, col] = key.split(':');
      const t = TEMPLATES.find((x) => x.id === id);
      const g = t.groups.find((x) => x.columns.some((c) => c.id === col));
      return `${t.name[lang]} — ${g.label[lang]}, ${g.columns.find((c) => c.id === col).label[lang]}`;
    };
    const sorted = (pairs) => pairs.slice().sort((a, b) => (a[0] < b[0] ? -1 : 1));
    expectEqual(sorted(shown), sorted(Object.entries(want).map(([k, v]) => [k, `${named(k)}: ${v}`])), 'figures shown, named as the tables name them');
    const unclassified = await page.getByTestId('count-unclassified').locator('li').allTextContents();
    expectEqual(
      unclassified.map((t) => t.slice(0, t.indexOf(': '))),
      [`den.xlsx, ${w.row} ${UNCLASSIFIED_IN.row} ${UNCLASSIFIED_IN.symbol}`, `ubnd-di.xlsx, ${w.row} ${UNCLASSIFIED_OUT.row} ${UNCLASSIFIED_OUT.symbol}`],
      'undecided rows listed',
    );
    expectReasonsIn(lang, unclassified);
    // The Council's symbol in the Committee's register: the body chosen is named, and said not to decide it.
    expect(unclassified[1].endsWith(lang === 'vi' ? '; cơ quan của sổ (Ủy ban nhân dân) không phải cột nào trong đó' : "; the register's body (People's Committee) is none of them"), `the HĐND row in the Committee's register: ${unclassified[1]}`);

    // The workbook (the official forms, in Vietnamese whatever the page's language): its tables'
    // entry cells are COUNTIFS whose cached results are the figures.
    const saved = path.join(dir, `${lang}-${download.suggestedFilename()}`);
    await download.saveAs(saved);
    const bytes = new Uint8Array(fs.readFileSync(saved));
    const wb = await readWorkbook(bytes);
    const all = expectedAll('2025-07-01', '2025-07-31');
    for (const [id, , col] of COUNTED) {
      const t = wb.tables.find((x) => x.templateId === id);
      expect(t, `table ${id} in the workbook`);
      const cell = t.columns[col][0];
      expect(typeof cell.formula === 'string' && cell.formula.includes('COUNTIFS('), `${id} ${col}: a COUNTIFS formula, got ${cell.formula}`);
      expectEqual(cell.value, all[`${id}:${col}`], `${id} ${col} in the workbook`);
    }
    // The two tables, then one register sheet per register with each row of the export, by its row in the file.
    const sheets = readSheetRows(bytes);
    expectEqual(sheets.map((x) => x.sheet), ['Biểu 01', 'Biểu 02', 'Sổ văn bản đến', 'Sổ văn bản đi', 'Sổ văn bản đi (2)'], 'sheets of the workbook');
    const incomingSheet = sheets.find((x) => x.sheet === 'Sổ văn bản đến');
    const header = incomingSheet.rows[0].cells;
    const body = incomingSheet.rows.slice(1);
    expectEqual(body.map((r) => r.cells[0]), INCOMING.map((_r, i) => 7 + i), 'incoming register sheet: the rows of the file');
    const undecided = body.find((r) => r.cells[0] === UNCLASSIFIED_IN.row);
    expectEqual(undecided.cells[header.indexOf('Số, ký hiệu')], UNCLASSIFIED_IN.symbol, 'the undecided row on the register sheet');
    await page.screenshot({ path: path.join(env().out, w.shot), fullPage: true });
    expectEqual(problems, [], 'page errors');
  } finally {
    await context.close();
  }
}

scenario('web page, Đếm từ sổ văn bản: three registers counted for July 2025, figures and undecided rows shown, the workbook downloaded with live COUNTIFS', () => webCount('vi'));

scenario('web page in English, Count from registers: the same registers and period, the same figures, named and explained in English', () => webCount('en'));

/** The export pasted into a new sheet of the preview's in-memory workbook, cell for cell (dates as serials shown as dates). */
async function pasteInto(t, sheet, cells) {
  await t.page.evaluate(
    ([name, list]) => {
      const host = window.__bieumauPreview.host;
      host.addSheet(name);
      for (const c of list) {
        host.type(name, c.address, c.value, typeof c.value === 'string');
        if (c.numberFormat) host.cellAt(name, c.address).numberFormat = c.numberFormat;
      }
    },
    [sheet, cells],
  );
}

/** The counted figures the in-memory Excel computes, by column. */
async function hostFigures(t) {
  const out = {};
  const names = {};
  for (const [id, sheet, col] of COUNTED) {
    names[sheet] ??= await t.tableCells(sheet);
    out[`${id}:${col}`] = await t.hostValue(sheet, entryAddress(names[sheet], col));
  }
  return out;
}

scenario('pane, Bảng biểu: Đếm từ sổ văn bản… with a file and a pasted sheet; Excel computes July\'s figures, and 10/07 typed as Từ ngày gives the new period\'s', async (t) => {
  await ready;
  await t.open();
  await t.saveSettings({ unit: 'TỈNH ỦY LÂM ĐỒNG', reportNo: '52-BC/TU', reportDate: '2025-08-05', reportBy: 'Ban Thường vụ Tỉnh ủy', from: '2025-07-01', to: '2025-07-31' }, 0);
  await pasteInto(t, 'Sổ đến', await pastedCells(fs.readFileSync(files.incoming)));
  await t.openTab('Bảng biểu');
  const { pane } = t;
  await pane.getByTestId('count-files').setInputFiles([files.party, files.committee]);
  const items = pane.getByTestId('count-register');
  // The files are read in the background: listed (two items) before the pasted sheet is taken, so it comes third.
  await items.nth(1).waitFor();
  await pane.getByRole('button', { name: 'Lấy sổ đã dán vào một trang tính…' }).click();
  await pane.getByRole('combobox', { name: 'Trang tính có sổ văn bản' }).selectOption('Sổ đến');
  await items.nth(2).waitFor();
  expectEqual(await items.nth(2).locator(':scope > span').first().textContent(), `Sổ đến: sổ văn bản đến, ${INCOMING.length} dòng.`, 'the pasted register read');
  await pane.getByRole('combobox', { name: 'Cơ quan của sổ ubnd-di.xlsx' }).selectOption('local.peoplesCommittee');
  await t.axeCheck('count: registers chosen');
  await pane.getByRole('button', { name: 'Đếm và chèn vào sổ tính' }).click();
  await pane.getByTestId('count-done').waitFor();
  await t.page.locator('#sheet-tabs button[data-sheet="Biểu 02"]').waitFor();

  expectEqual(await hostFigures(t), expectedAll('2025-07-01', '2025-07-31'), 'figures Excel computes for July');
  const unclassified = await pane.getByTestId('count-unclassified').locator('li').allTextContents();
  expectEqual(unclassified.map((x) => x.split(':')[0]), [`ubnd-di.xlsx, dòng ${UNCLASSIFIED_OUT.row} ${UNCLASSIFIED_OUT.symbol}`, `Sổ đến, dòng ${UNCLASSIFIED_IN.row} ${UNCLASSIFIED_IN.symbol}`], 'undecided rows listed');
  // An entry cell: COUNTIFS over the register sheet and the table's own Từ ngày / Đến ngày cells.
  const b01 = await t.tableCells('Biểu 01');
  const fromAt = entryAddressOf(b01.BM_FROM);
  const toAt = entryAddressOf(b01.BM_TO);
  const formula = await t.page.evaluate(([a]) => window.__bieumauPreview.host.cellAt('Biểu 01', a).formula, [entryAddress(b01, 'central.politburo')]);
  expect(formula.includes("COUNTIFS('Sổ văn bản đến'!") && formula.includes(`">="&${absolute(fromAt)}`) && formula.includes(`"<="&${absolute(toAt)}`), `Biểu 01 politburo formula: ${formula}`);
  await t.axeCheck('count: done');
  await t.screenshot('count-pane');

  // The clerk types another first day in each table: the figures follow.
  for (const sheet of ['Biểu 01', 'Biểu 02']) {
    const names = sheet === 'Biểu 01' ? b01 : await t.tableCells(sheet);
    await t.openSheet(sheet);
    const input = t.page.getByLabel(`${sheet}!${entryAddressOf(names.BM_FROM)}`, { exact: true });
    await input.click();
    await input.fill('10/07/2025');
    await input.press('Enter');
  }
  const later = expectedAll('2025-07-10', '2025-07-31');
  expect(JSON.stringify(later) !== JSON.stringify(expectedAll('2025-07-01', '2025-07-31')), 'the later period counts differently');
  await t.page.waitForFunction(
    ([checks]) => checks.every(([s, a, v]) => window.__bieumauPreview.host.valueAt(s, a) === v),
    [await Promise.all(COUNTED.map(async ([id, sheet, col]) => [sheet, entryAddress(await t.tableCells(sheet), col), later[`${id}:${col}`]]))],
    { timeout: 30000 },
  );
  expectEqual(await hostFigures(t), later, 'figures after 10/07/2025 typed as Từ ngày');
  await t.screenshot('count-pane-later');
});

/** The A1 address of a defined name's first cell (`{ row, col }` from tableCells). */
function entryAddressOf(n) {
  expect(n, 'a defined name of the table');
  return address(n.row, n.col);
}

/** `C5` → `$C$5`. */
function absolute(a) {
  return a.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
}
