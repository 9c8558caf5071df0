// First steps of a clerk: the pane opens, report settings, inserting the tables, typing the figures.
'use strict';

const { scenario, expect, expectEqual, entryAddress, TEMPLATES } = require('../harness');

scenario('the pane opens in Vietnamese beside the in-memory workbook', async (t) => {
  await t.open();
  const { pane, page } = t;
  for (const n of ['01', '02', '03', '04']) expect(await pane.getByRole('button', { name: `Chèn Biểu ${n}`, exact: true }).isVisible(), `button Chèn Biểu ${n}`);
  for (const tab of ['Bảng biểu', 'Thiết lập báo cáo', 'Kiểm tra', 'Số liệu', 'Tổng hợp']) expect(await pane.getByRole('tab', { name: tab }).isVisible(), `tab ${tab}`);
  expectEqual(await page.locator('#sheet-tabs button').allTextContents(), ['Sheet1'], 'sheet tabs');
  await t.axeCheck('start');
  await t.screenshot('start');
});

scenario('report settings: unit, report number and date, custom period 01/7–15/10/2025', async (t) => {
  await t.open();
  const { pane } = t;
  await t.openTab('Thiết lập báo cáo');
  await pane.getByRole('textbox', { name: 'Đơn vị báo cáo' }).fill('TỈNH ỦY LÂM ĐỒNG');
  await pane.getByRole('textbox', { name: 'Số báo cáo' }).fill('52-BC/TU');
  await pane.getByLabel('Ngày báo cáo').fill('2025-11-14');
  await pane.getByRole('textbox', { name: 'Báo cáo của' }).fill('Ban Thường vụ Tỉnh ủy');
  await pane.getByRole('combobox', { name: 'Loại kỳ' }).selectOption('quarter');
  await pane.getByRole('combobox', { name: 'Quý' }).selectOption('4');
  await pane.getByRole('spinbutton', { name: 'Năm' }).fill('2025');
  expectEqual(await pane.getByTestId('period-range').textContent(), 'Quý IV/2025: Từ ngày 15/9/2025 đến ngày 14/12/2025', 'quarter quick pick');
  await pane.getByRole('combobox', { name: 'Loại kỳ' }).selectOption('custom');
  await pane.getByLabel('Từ ngày').fill('2025-07-01');
  await pane.getByLabel('Đến ngày').fill('2025-10-15');
  expectEqual(await pane.getByTestId('period-range').textContent(), 'Từ ngày 01/7/2025 đến ngày 15/10/2025', 'custom period');
  await t.axeCheck('settings');
  await t.screenshot('settings');
  await pane.getByRole('button', { name: 'Lưu thiết lập' }).click();
  await pane.getByText('Đã lưu. Đã cập nhật tiêu đề của 0 biểu.').waitFor();
});

scenario('insert each table: one click, a new sheet, its name shown in the pane', async (t) => {
  await t.seed();
  const { pane, page } = t;
  await t.openTab('Bảng biểu');
  for (const tpl of TEMPLATES) {
    await pane.getByRole('button', { name: `Chèn ${tpl.name.vi}`, exact: true }).click();
    await pane.getByTestId(`inserted-${tpl.id}`).waitFor();
    expectEqual(await pane.getByTestId(`inserted-${tpl.id}`).textContent(), `Trang tính: ${tpl.name.vi}`, `sheet of ${tpl.id}`);
    await page.locator(`#sheet-tabs button[data-sheet="${tpl.name.vi}"][aria-current="true"]`).waitFor();
  }
  expectEqual(await page.locator('#sheet-tabs button').allTextContents(), ['Sheet1', 'Biểu 01', 'Biểu 02', 'Biểu 03', 'Biểu 04'], 'sheet tabs');
  expectEqual(await t.hostValue('Biểu 01', 'A1'), 'TỈNH ỦY LÂM ĐỒNG', 'unit in the heading');
  await t.axeCheck('tables inserted');
  await t.openSheet('Biểu 01');
  await t.screenshot('tables-inserted');
});

scenario('type the seed figures into the grid as a user would; totals compute', async (t) => {
  await t.seed({ tables: 'all' });
  const b01Names = await t.typeSample('b01');
  const b02Names = await t.typeSample('b02');
  await t.typeSample('b03');
  await t.typeSample('b04');
  await t.openSheet('Biểu 01');
  const centralTotal = entryAddress(b01Names, 'central.total');
  const localTotal = entryAddress(b01Names, 'local.total');
  expectEqual(await t.hostValue('Biểu 01', centralTotal), 4525, 'Biểu 01 central total');
  expectEqual(await t.hostValue('Biểu 01', localTotal), 486563, 'Biểu 01 local total');
  expectEqual(await t.page.locator(`#grid td[data-address="${localTotal}"]`).textContent(), '486.563', 'total as the grid shows it');
  expectEqual(await t.hostValue('Biểu 02', entryAddress(b02Names, 'council.total')), 732, 'Biểu 02 HĐND total');
  await t.screenshot('seed-typed');
});
