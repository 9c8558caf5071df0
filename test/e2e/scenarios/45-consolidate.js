// Tổng hợp: the units' workbooks chosen in the pane, read there, consolidated into new sheets.
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { scenario, expect, expectEqual } = require('../harness');

const ROOT = path.join(__dirname, '..', '..', '..');

/** Unit workbooks made by the command line (`bieumau new --sample --unit …`), and a file that is no workbook. */
function unitFiles() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-e2e-cons-'));
  const files = [];
  for (const unit of ['Xã Tà Nung', 'Phường Xuân Hương']) {
    const file = path.join(dir, `${unit}.xlsx`);
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'bieumau.js'), 'new', file, '--sample', '--unit', unit], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`bieumau new failed: ${r.stderr}`);
    files.push(file);
  }
  const bad = path.join(dir, 'hong.xlsx');
  fs.writeFileSync(bad, 'not a workbook');
  files.push(bad);
  return { dir, files };
}

function letters(col) {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

scenario('Tổng hợp: files read in the pane, a units list, new sheets with the sums and the Sources sheet', async (t) => {
  await t.seed({ tables: ['b01'] });
  const { pane, page } = t;
  const { dir, files } = unitFiles();
  try {
    await t.openTab('Tổng hợp');
    await pane.getByTestId('consolidate-files').setInputFiles(files);
    await pane.getByText('Đã đọc 3 tệp.').waitFor();
    const items = await pane.getByTestId('consolidate-sources').locator('li').allTextContents();
    expectEqual(items, [
      'Xã Tà NungXã Tà Nung.xlsx · 01/7/2025 – 15/10/20251 lỗi, 0 cảnh báo',
      'Phường Xuân HươngPhường Xuân Hương.xlsx · 01/7/2025 – 15/10/20251 lỗi, 0 cảnh báo',
      'honghong.xlsxKhông đọc được: Không phải tệp .xlsx.',
    ], 'sources listed');
    await t.axeCheck('consolidate-sources');

    // the seed figures carry the HĐND error (732 against 752): refused until errors are allowed
    await pane.getByRole('button', { name: 'Tổng hợp', exact: true }).click();
    await pane.getByTestId('consolidate-problems').waitFor();
    expect((await pane.getByTestId('consolidate-problems').textContent()).includes('hong.xlsx'), 'refusal names the unreadable file');

    await pane.getByRole('textbox', { name: /Danh sách đơn vị phải nộp/ }).fill('Xã Tà Nung\nPhường Xuân Hương\nXã Đạ Nhim\n');
    await pane.getByRole('checkbox', { name: /Vẫn tổng hợp khi có tệp lỗi/ }).check();
    await pane.getByRole('button', { name: 'Tổng hợp', exact: true }).click();
    await pane.getByTestId('consolidate-done').waitFor();
    const done = await pane.getByTestId('consolidate-done').textContent();
    expect(done.includes('Đã tổng hợp 2 tệp vào Biểu 01 (2), Biểu 02, Biểu 03, Biểu 04, Biểu 04 (chi tiết), Nguồn.'), `done message: ${done}`);
    expect(done.includes('Chưa nộp: 1/3 (Xã Đạ Nhim).'), `missing units: ${done}`);
    await page.locator('#sheet-tabs button[data-sheet="Nguồn"]').waitFor();

    // Excel's totals are the sums of the two files (the seed's figures twice)
    const names = await t.tableCells('Biểu 03');
    const total = names.BM_T_local_commune;
    expectEqual(await t.hostValue('Biểu 03', `${letters(total.col)}${total.row}`), 2 * 19220, 'Biểu 03 commune meetings, total');
    const labels = names.BM_ROWS;
    expectEqual(await t.hostValue('Biểu 03', `A${labels.row + 2}`), 'Xã Đạ Nhim (chưa nộp)', 'the missing unit keeps a marked row');
    expectEqual(await t.hostValue('Biểu 01', 'A1'), 'TỈNH ỦY LÂM ĐỒNG', 'the existing Biểu 01 is left as it was');
    await t.axeCheck('consolidate-done');
    await t.screenshot('consolidate');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** One commune's Decree 09 monthly reports made by the command line (`bieumau new --sample --from --to`). */
function monthFiles() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-e2e-rollup-'));
  const files = [];
  for (const [m, from, to] of [[7, '2025-06-15', '2025-07-14'], [8, '2025-07-15', '2025-08-14'], [9, '2025-08-15', '2025-09-14']]) {
    const file = path.join(dir, `thang-${m}.xlsx`);
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'bieumau.js'), 'new', file, '--sample', '--unit', 'UBND XÃ TÀ NUNG', '--from', from, '--to', to], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`bieumau new failed: ${r.stderr}`);
    files.push(file);
  }
  return { dir, files };
}

scenario('Tổng hợp, Theo kỳ: three monthly workbooks read in the pane roll up into new sheets (the quarter, Biểu 04 the last month)', async (t) => {
  await t.seed({ tables: ['b01'] });
  const { pane, page } = t;
  const { dir, files } = monthFiles();
  try {
    await t.openTab('Tổng hợp');
    const group = pane.getByRole('radiogroup', { name: 'Cách tổng hợp' });
    expect(await pane.getByRole('radio', { name: 'Theo đơn vị' }).isChecked(), 'Theo đơn vị is the default');
    // keyboard: the arrow key moves the choice within the group
    await pane.getByRole('radio', { name: 'Theo đơn vị' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await group.getByRole('radio', { name: 'Theo kỳ' }).isChecked(), 'ArrowRight chose Theo kỳ');
    expectEqual(await pane.getByRole('textbox', { name: /Danh sách đơn vị phải nộp/ }).count(), 0, 'no units list in Theo kỳ');
    await pane.getByTestId('consolidate-files').setInputFiles([files[2], files[0], files[1]]);
    await pane.getByText('Đã đọc 3 tệp.').waitFor();
    await t.axeCheck('rollup-chosen');

    // the seed figures carry the HĐND error: refused until errors are allowed, as consolidation is
    await pane.getByRole('button', { name: 'Lũy kế', exact: true }).click();
    await pane.getByTestId('rollup-refusals').waitFor();
    expectEqual(await pane.locator('[data-refusal]').evaluateAll((els) => els.map((e) => e.getAttribute('data-refusal'))), ['errors'], 'refusal kinds');
    expectEqual(await page.locator('#sheet-tabs button[data-sheet="Nguồn"]').count(), 0, 'nothing written on a refusal');

    await pane.getByRole('checkbox', { name: /Vẫn tổng hợp khi có tệp lỗi/ }).check();
    await pane.getByRole('button', { name: 'Lũy kế', exact: true }).click();
    await pane.getByTestId('rollup-done').waitFor();
    expectEqual(await pane.getByTestId('rollup-summary').textContent(), 'Đã lũy kế 3 kỳ vào Biểu 01 (2), Biểu 02, Biểu 03, Biểu 04, Biểu 04 (chi tiết), Nguồn.', 'done message');
    expectEqual(await pane.getByTestId('rollup-period').textContent(), 'Kỳ lũy kế: từ ngày 15/6/2025 đến ngày 14/9/2025 (Quý III/2025, 92 ngày).', 'the covering period');
    expectEqual(await pane.locator('[data-testid="rollup-sources"] li[data-included="yes"]').count(), 3, 'three months rolled up');
    await page.locator('#sheet-tabs button[data-sheet="Nguồn"]').waitFor();

    // Excel's figures: Biểu 03 a row per month, the total three times the seed's; Biểu 04 the last month's
    const names = await t.tableCells('Biểu 03');
    const total = names.BM_T_local_commune;
    expectEqual(await t.hostValue('Biểu 03', `${letters(total.col)}${total.row}`), 3 * 19220, 'Biểu 03 commune meetings, total of the quarter');
    expectEqual(await t.hostValue('Biểu 03', `A${names.BM_ROWS.row}`), 'Từ ngày 15/6/2025 đến 14/7/2025', 'the first month\'s row');
    expectEqual(await t.hostValue('Biểu 03', `A${names.BM_ROWS.row + 2}`), 'Từ ngày 15/8/2025 đến 14/9/2025', 'the last month\'s row');
    const seedB04 = await t.tableCells('Biểu 04');
    const published = seedB04.BM_T_published;
    const b04Total = await t.hostValue('Biểu 04', `${letters(published.col)}${published.row}`);
    const { TEMPLATES } = require(path.join(ROOT, 'src', 'core', 'forms', 'builtin.ts'));
    const b04Sample = TEMPLATES.find((x) => x.id === 'b04').sample;
    expectEqual(b04Total, b04Sample.reduce((a, row) => a + row[0], 0), 'Biểu 04 published: the last month\'s, not the sum');
    expectEqual(await t.hostValue('Biểu 01', 'A1'), 'TỈNH ỦY LÂM ĐỒNG', 'the existing Biểu 01 is left as it was');
    await t.axeCheck('rollup-done');
    await t.screenshot('rollup');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
